package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;

@IntegrationTest
class PeopleBulkLoaderTest {

	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PeopleSearch search;
	@Autowired
	Profiles profiles;

	@Test
	void imported_ids_are_version_7_uuids_that_rise_in_the_order_made() {
		long start = System.currentTimeMillis();
		var previous = PeopleBulkLoader.timeOrderedId();
		var seen = new java.util.HashSet<java.util.UUID>();
		for (int i = 0; i < 20_000; i++) {
			var id = PeopleBulkLoader.timeOrderedId();
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
			assertThat(Long.compareUnsigned(id.getMostSignificantBits(), previous.getMostSignificantBits()))
				.as("rises like PostgreSQL orders uuids").isPositive();
			assertThat(seen.add(id)).isTrue();
			previous = id;
		}
		long millis = previous.getMostSignificantBits() >>> 16;
		assertThat(millis).isBetween(start - 1_000, System.currentTimeMillis() + 1_000);
	}

	@Test
	void two_thousand_generated_people_load_by_copy_and_are_searchable_with_their_history() {
		long before = profiles.count();
		long started = System.nanoTime();
		var loaded = transactions.execute(status -> loader.load(new PeopleGenerator(2026, List.of(), LocalDate.of(2026, 11, 26)),
				2_000, "bulk-test"));
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("bulk load: 2,000 people in %d ms%n", millis);
		assertThat(loaded).isEqualTo(2_000);
		assertThat(profiles.count()).isEqualTo(before + 2_000);
		assertThat(loader.countLoadedBy("bulk-test")).isEqualTo(2_000);
		assertThat(jdbc.sql("select count(*) from registry.person_part p join registry.change_log l on l.person_id = p.person_id "
				+ "where l.actor = 'bulk-test'").query(Long.class).single()).isGreaterThan(6_000);

		// a K'Ho man's name is found with and without the apostrophe, without diacritics
		var kho = jdbc.sql("""
				select p.id, p.given_name from registry.person p join registry.change_log l on l.person_id = p.id
				where l.actor = 'bulk-test' and p.given_name like 'K''%' limit 1""")
			.query((rs, n) -> Map.entry(rs.getObject(1, java.util.UUID.class), rs.getString(2))).single();
		var folded = vn.trithuc.shared.VietnameseText.fold(kho.getValue());
		var withApostrophe = search.search(new PeopleSearch.Query(folded, Map.of(), 0, 200), RegistryFixtures.hr());
		var without = search.search(new PeopleSearch.Query(folded.replace("'", ""), Map.of(), 0, 200), RegistryFixtures.hr());
		assertThat(withApostrophe.rows()).extracting(PeopleSearch.Row::id).contains(kho.getKey());
		assertThat(without.rows()).extracting(PeopleSearch.Row::id).contains(kho.getKey());
		// loaded profiles read like any other: parts, derived values
		var profile = profiles.find(kho.getKey(), RegistryFixtures.hr()).orElseThrow();
		assertThat(profile.parts()).isNotEmpty();
		assertThat(profile.personnelCategory()).isNotNull();
	}
}
