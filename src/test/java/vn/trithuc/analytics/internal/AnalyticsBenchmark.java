package vn.trithuc.analytics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.bench.BenchData;
import vn.trithuc.bench.BenchReport;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/**
 * Benchmark, not a test (the name keeps it out of `mvn verify`). On the shared benchmark data set
 * ({@link BenchData}, {@code -Dbench.size=100k|1m}) times dashboards and pivots for today and a year-end
 * (pre-aggregated), for other dates (computed from the facts), for the whole province and for a unit officer's scope,
 * and the write cost: a profile change keeping analytics current, and a full rebuild. Every figure goes to
 * {@link BenchReport}. Run:
 * {@code mvn -o test -Dtest=AnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.size=100k}
 */
@IntegrationTest
class AnalyticsBenchmark {

	static final String SECTION = "analytics";

	@Autowired
	org.springframework.context.ApplicationContext context;
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
	@Autowired
	JdbcClient jdbc;

	@Test
	void dashboard_and_pivot_latency_and_write_cost() {
		long size = BenchData.size();
		BenchData.ensurePeople(size, context);
		String n = size >= 1_000_000 ? size / 1_000_000 + "M" : size / 1_000 + "k";
		long people = jdbc.sql("select count(distinct person_id) from analytics.fact_period").query(Long.class).single();
		long periods = jdbc.sql("select count(*) from analytics.fact_period").query(Long.class).single();
		BenchReport.figure(SECTION, "people with facts, " + n, people, "people");
		BenchReport.figure(SECTION, "fact periods, " + n, periods, "rows");

		var today = statistics.today();
		var yearEnd = LocalDate.of(today.getYear() - 1, 12, 31);
		var dates = new ArrayList<LocalDate>(List.of(today, yearEnd));
		var others = List.of(LocalDate.of(today.getYear() - 1, 6, 30), LocalDate.of(2021, 3, 15), LocalDate.of(2016, 1, 1));
		dates.addAll(others);
		var scope = new Statistics.Scope(new HashSet<>(jdbc.sql(
				"select distinct org_unit from analytics.fact_period where org_unit is not null order by org_unit limit 10")
			.query(UUID.class).list()));
		long inScope = jdbc.sql("select count(distinct person_id) from analytics.fact_period where org_unit = any(cast(:u as uuid[]))")
			.param("u", scope.orgUnits().stream().map(UUID::toString).toArray(String[]::new)).query(Long.class).single();
		String scoped = "scope of " + scope.orgUnits().size() + " units (" + inScope + " people)";
		BenchReport.figure(SECTION, "people in the " + scoped + ", " + n, inScope, "people");
		for (var date : dates) {
			String kind = date.equals(today) ? "today" : date.equals(yearEnd) ? "year-end" : "other date " + date;
			int runs = others.contains(date) ? 8 : 20;
			var q = new Statistics.Question(date, date, Statistics.Scope.PROVINCE);
			time("dashboard, " + kind + ", province, " + n, runs, () -> statistics.dashboard(q).total());
			time("pivot UNIT x AGE_BAND, " + kind + ", province, " + n, runs,
					() -> statistics.pivot(q, Dimension.UNIT, Dimension.AGE_BAND).total());
			time("pivot DEGREE x SEX, " + kind + ", province, " + n, runs,
					() -> statistics.pivot(q, Dimension.DEGREE, Dimension.SEX).total());
			var inScopeQuestion = new Statistics.Question(date, date, scope);
			time("dashboard, " + kind + ", " + scoped + ", " + n, runs, () -> statistics.dashboard(inScopeQuestion).total());
			time("pivot DEGREE x SEX, " + kind + ", " + scoped + ", " + n, runs,
					() -> statistics.pivot(inScopeQuestion, Dimension.DEGREE, Dimension.SEX).total());
			var current = new Statistics.Question(date, today, Statistics.Scope.PROVINCE);
			if (!date.equals(today)) {
				time("dashboard, " + kind + ", today's boundaries, " + n, runs, () -> statistics.dashboard(current).total());
			}
		}
		// the people behind a cell, first page of 100 (paged in SQL): a plain-column cell and an area cell (classified keys)
		for (var date : List.of(today, others.get(0))) {
			String kind = date.equals(today) ? "today" : "other date " + date;
			var q = new Statistics.Question(date, date, Statistics.Scope.PROVINCE);
			time("drill-down DEGREE=THAC_SI x SEX=FEMALE, first page of 100, " + kind + ", province, " + n, 8,
					() -> statistics.people(q, Map.of(Dimension.DEGREE, "THAC_SI", Dimension.SEX, "FEMALE"), 0, 100).total());
			var area = statistics.pivot(q, Dimension.AREA, Dimension.SEX).cells().keySet().stream().filter(v -> !v.isEmpty()).findFirst()
				.orElse("");
			time("drill-down AREA x AGE_BAND=41_50, first page of 100, " + kind + ", province, " + n, 8,
					() -> statistics.people(q, Map.of(Dimension.AREA, area, Dimension.AGE_BAND, "41_50"), 0, 100).total());
		}
		var plan = statistics.explain(new Statistics.Question(others.get(0), others.get(0), Statistics.Scope.PROVINCE),
				Dimension.BREAKDOWNS.stream().map(List::of).toList());
		System.out.println("BENCHMARK plan of the computed dashboard on " + others.get(0) + ":\n" + plan);
		System.out.println("BENCHMARK plan of the computed dashboard on " + others.get(0) + ", " + scoped + ":\n"
				+ statistics.explain(new Statistics.Question(others.get(0), others.get(0), scope),
						Dimension.BREAKDOWNS.stream().map(List::of).toList()));
		if (Boolean.getBoolean("analytics.bench.explainOnly")) {
			return;
		}
		// the plain scan every computed answer needs at least, for comparison
		time("baseline: count(*) of facts valid on " + others.get(0) + ", " + n, 8,
				() -> jdbc.sql("select count(*) from analytics.fact_period where (valid_from is null or valid_from <= :d) "
						+ "and (valid_to is null or valid_to >= :d)").param("d", others.get(0)).query(Long.class).single());

		// write cost: registering a person and adding a degree, each followed by the analytics update after commit
		var costs = new ArrayList<Long>();
		for (int i = 0; i < 30; i++) {
			long t = System.nanoTime();
			var id = profiles.registerAnyway(new PersonData("Đo", "Chi", "Phí", null, Sex.FEMALE, LocalDate.of(1990, 1, 1), null,
					"01", null, null, null, null, null, null, null, null), "benchmark");
			profiles.addPart(id, 1, PartKind.DEGREE, LocalDate.of(2012, 7, 1), null, Map.of("level", "THAC_SI"), "benchmark");
			costs.add(System.nanoTime() - t);
		}
		percentiles("write: register + add a degree (2 commits, analytics updated after each), " + n, costs);
		// the analytics part alone: re-read one person's facts, replace the copy, move the counts of every snapshot
		var refresh = new ArrayList<Long>();
		for (var id : statisticsPeople(30)) {
			long t = System.nanoTime();
			updater.refresh(id);
			refresh.add(System.nanoTime() - t);
		}
		percentiles("write: analytics update of one person (facts + every snapshot), " + n, refresh);
		if (Boolean.getBoolean("analytics.bench.rebuild")) {
			long t = System.nanoTime();
			updater.reloadAll();
			BenchReport.figure(SECTION, "full rebuild after a bulk load (facts + snapshots), " + n, (System.nanoTime() - t) / 1e9, "s");
		}
	}

	private List<PersonId> statisticsPeople(int n) {
		return statistics.people(new Statistics.Question(statistics.today(), statistics.today(), Statistics.Scope.PROVINCE),
				Map.of(Dimension.DEGREE, "TIEN_SI")).stream().limit(n).toList();
	}

	private static void time(String label, int runs, Supplier<Long> call) {
		call.get();
		var times = new ArrayList<Long>();
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			call.get();
			times.add(System.nanoTime() - t);
		}
		percentiles(label, times);
	}

	private static void percentiles(String label, List<Long> nanos) {
		var sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		BenchReport.figure(SECTION, label + " p50", sorted.get(sorted.size() / 2) / 1e6, "ms");
		BenchReport.figure(SECTION, label + " p95", sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)) / 1e6, "ms");
	}
}
