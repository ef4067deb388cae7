package vn.trithuc.analytics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/**
 * Benchmark, not a test (the name keeps it out of `mvn verify`). Loads generated people (the load also rebuilds
 * the analytics copy and snapshots), then times dashboards and pivots for today, a year-end (pre-aggregated) and
 * another date (computed from the facts), and the cost a profile change pays to keep the snapshots current. Run:
 * {@code mvn -o test -Dtest=AnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Danalytics.bench.people=100000}
 */
@IntegrationTest
class AnalyticsBenchmark {

	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	Statistics statistics;
	@Autowired
	Profiles profiles;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	AnalyticsUpdater updater;

	@Test
	void dashboard_and_pivot_latency_and_write_cost() {
		long people = Long.getLong("analytics.bench.people", 100_000);
		var today = statistics.today();
		long started = System.nanoTime();
		transactions.execute(s -> loader.load(new PeopleGenerator(45, List.of(), today), people, "benchmark"));
		report("load %,d people + analytics rebuild: %.1f s", people, (System.nanoTime() - started) / 1e9);

		var yearEnd = LocalDate.of(today.getYear() - 1, 12, 31);
		var other = LocalDate.of(today.getYear() - 1, 6, 30);
		for (var date : List.of(today, yearEnd, other)) {
			var q = new Statistics.Question(date, date, Statistics.Scope.PROVINCE);
			time("dashboard " + date, () -> statistics.dashboard(q).total());
			time("pivot UNIT x AGE_BAND " + date, () -> statistics.pivot(q, Dimension.UNIT, Dimension.AGE_BAND).total());
			time("pivot DEGREE x SEX " + date, () -> statistics.pivot(q, Dimension.DEGREE, Dimension.SEX).total());
		}
		// write cost: registering a person and adding parts, each followed by the analytics update after commit
		var costs = new ArrayList<Long>();
		for (int i = 0; i < 30; i++) {
			long t = System.nanoTime();
			var id = profiles.registerAnyway(new PersonData("Đo", "Chi", "Phí", null, Sex.FEMALE, LocalDate.of(1990, 1, 1), null,
					"01", null, null, null, null, null, null, null, null), "benchmark");
			profiles.addPart(id, 1, PartKind.DEGREE, LocalDate.of(2012, 7, 1), null, Map.of("level", "THAC_SI"), "benchmark");
			costs.add(System.nanoTime() - t);
		}
		Collections.sort(costs);
		report("write (register + add a degree, analytics updated after each commit): p50 %.1f ms, p95 %.1f ms per person",
				costs.get(costs.size() / 2) / 1e6, costs.get((int) (costs.size() * 0.95)) / 1e6);
		// the analytics part alone: re-read one person's facts, replace the copy, move the counts of every snapshot
		var refresh = new ArrayList<Long>();
		var sample = statisticsPeople(30);
		for (var id : sample) {
			long t = System.nanoTime();
			updater.refresh(id);
			refresh.add(System.nanoTime() - t);
		}
		Collections.sort(refresh);
		report("analytics update of one person (all snapshots): p50 %.1f ms, p95 %.1f ms", refresh.get(refresh.size() / 2) / 1e6,
				refresh.get((int) (refresh.size() * 0.95)) / 1e6);
	}

	private List<PersonId> statisticsPeople(int n) {
		return statistics.people(new Statistics.Question(statistics.today(), statistics.today(), Statistics.Scope.PROVINCE),
				Map.of(Dimension.DEGREE, "TIEN_SI")).stream().limit(n).toList();
	}

	private static void time(String label, Supplier<Long> call) {
		call.get();
		var times = new ArrayList<Long>();
		for (int i = 0; i < 10; i++) {
			long t = System.nanoTime();
			call.get();
			times.add(System.nanoTime() - t);
		}
		Collections.sort(times);
		report("%s: p50 %.1f ms, p95 %.1f ms", label, times.get(5) / 1e6, times.get(9) / 1e6);
	}

	private static void report(String format, Object... args) {
		System.out.println("BENCHMARK " + String.format(format, args));
	}
}
