package vn.trithuc.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.PersonFacts;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;

/**
 * A bulk load into a non-empty registry: the workforce read table reads the loaded people only (counted timelines,
 * not time) and then holds exactly the facts the registry's API gives for everybody, on several dates.
 */
@IntegrationTest
class WorkforceBulkLoadTest {

	@Autowired
	Workforce workforce;
	@Autowired
	RegistryFacts registry;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	TransactionTemplate transactions;

	@Test
	void a_bulk_load_reads_only_the_loaded_people_and_the_read_table_equals_the_registry() {
		var today = LocalDate.now();
		// seeds 91 and 92: national-ID serials 91.000 and 92.000 on, used by no other test of the shared context
		transactions.execute(s -> loader.load(new PeopleGenerator(91, List.of(), today), 300, "workforce-bulk-test"));
		long present = registry.people().size();
		long before = workforce.timelinesRead();
		transactions.execute(s -> loader.load(new PeopleGenerator(92, List.of(), today), 40, "workforce-bulk-test"));
		assertThat(workforce.timelinesRead() - before).as("timelines read for a load of 40 into %s people", present).isEqualTo(40);
		for (var date : List.of(today, LocalDate.of(today.getYear() - 1, 12, 31), LocalDate.of(2020, 6, 30))) {
			var expected = new ArrayList<PersonFacts>();
			registry.forEachTimeline(timeline -> timeline.stream().filter(f -> f.validOn(date)).findFirst().ifPresent(expected::add));
			var actual = workforce.asOf(date, Scope.PROVINCE);
			assertThat(actual).as("workforce on %s", date).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
		}
	}
}
