package vn.trithuc.planning.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.bench.BenchData;
import vn.trithuc.bench.BenchReport;
import vn.trithuc.planning.internal.Needs;
import vn.trithuc.planning.internal.Projections;
import vn.trithuc.planning.internal.RetirementForecast;
import vn.trithuc.planning.internal.Scope;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.internal.PeopleBulkLoader;

/**
 * How long the planning pages' computations take on the benchmark data set (not part of {@code mvn verify}): the
 * ten-year retirement forecast (province and a unit), a page of the people behind a number, the historical rates and the
 * projection, the supply/need balance, each against the plain streamed read of every timeline through the registry API
 * (what they were computed from before planning kept its own read model), measured side by side in the same run; and
 * the write cost the read model adds to each registry change, against reading that person's timeline.
 *
 * <pre>mvn -o test -Dtest=PlanningBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.size=100k</pre>
 */
@IntegrationTest
class PlanningBenchmark {

	static final int RUNS = 5;

	@Autowired
	org.springframework.context.ApplicationContext context;
	@Autowired
	RetirementForecast forecast;
	@Autowired
	Projections projections;
	@Autowired
	RegistryFacts registry;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	vn.trithuc.planning.internal.Balance balance;
	@Autowired
	vn.trithuc.planning.internal.Needs needs;
	@Autowired
	vn.trithuc.planning.internal.Workforce workforce;

	@Test
	void forecast_and_rates_against_the_plain_read() {
		long people = BenchData.size();
		BenchData.ensurePeople(people, context);
		var today = BenchData.TODAY;
		String size = people / 1000 + "k people";
		double read = median(() -> {
			long[] n = new long[1];
			registry.forEachTimeline(t -> n[0]++);
			return n[0];
		});
		double retirements = median(() -> forecast.forecast(today, Scope.PROVINCE, RetirementForecast.By.FIELD).total());
		double rates = median(() -> projections.historicalRates(today, Scope.PROVINCE).stockYears());
		double projection = median(() -> projections.project(today, Scope.PROVINCE, new Projections.Parameters(100, 10, 0.02, 0.01)).size());
		// a unit officer's scope: the largest unit's people
		var largest = jdbc.sql("select org_unit from planning.workforce_period where org_unit is not null and valid_to is null"
				+ " group by org_unit order by count(*) desc limit 1").query(java.util.UUID.class).single();
		var unitScope = Scope.of(java.util.Set.of(largest));
		double unitForecast = median(() -> forecast.forecast(today, unitScope, RetirementForecast.By.DEGREE).total());
		double page = median(() -> forecast.people(today, Scope.PROVINCE, RetirementForecast.By.FIELD, null, today.getYear() + 3, 0, 50).total());
		// needs of every field at bachelor's and master's level in the ten largest units
		var units = jdbc.sql("select org_unit from planning.workforce_period where org_unit is not null and valid_to is null"
				+ " group by org_unit order by count(*) desc limit 10").query(java.util.UUID.class).list();
		var fields = jdbc.sql("select distinct field from planning.workforce_period where field is not null").query(String.class).list();
		int year = today.getYear() + 2;
		for (var unit : units) {
			for (var field : fields) {
				try {
					needs.save(new Needs.Line(unit, field, "DAI_HOC", year, 5, null), Scope.PROVINCE, "bench");
					needs.save(new Needs.Line(unit, field, "THAC_SI", year, 2, null), Scope.PROVINCE, "bench");
				}
				catch (Needs.Refused refused) {
					// a field the catalog does not list: no need line
				}
			}
		}
		double supplyNeed = median(() -> balance.compute(today, Scope.PROVINCE, year, java.util.Set::of).byField().size());
		// the write cost: one person's copy replaced after a registry change
		var someone = jdbc.sql("select person_id from planning.workforce_period limit 1").query(java.util.UUID.class).single();
		double refresh = median(() -> {
			workforce.refresh(new vn.trithuc.registry.PersonId(someone));
			return 1;
		});
		double timeline = median(() -> registry.timeline(new vn.trithuc.registry.PersonId(someone)).size());
		BenchReport.ratio("planning", "retirement forecast, province, " + size + ", median of " + RUNS, retirements, read, "ms",
				"stream every timeline through RegistryFacts");
		BenchReport.ratio("planning", "historical rates (5 years), province, " + size + ", median of " + RUNS, rates, read, "ms",
				"stream every timeline through RegistryFacts");
		BenchReport.ratio("planning", "5-year projection, province, " + size + ", median of " + RUNS, projection, read, "ms",
				"stream every timeline through RegistryFacts");
		BenchReport.ratio("planning", "retirement forecast, largest unit's scope, " + size + ", median of " + RUNS, unitForecast, read, "ms",
				"stream every timeline through RegistryFacts");
		BenchReport.ratio("planning", "people behind a forecast number, first page of 50, " + size + ", median of " + RUNS, page, read, "ms",
				"stream every timeline through RegistryFacts");
		BenchReport.ratio("planning", "supply vs need, " + needs.list(Scope.PROVINCE, year).size() + " need lines, " + size + ", median of " + RUNS,
				supplyNeed, read, "ms", "stream every timeline through RegistryFacts");
		BenchReport.ratio("planning", "write cost: one person's planning copy replaced, " + size + ", median of " + RUNS, refresh, timeline,
				"ms", "read that person's timeline through RegistryFacts");
	}

	private static double median(Supplier<Object> work) {
		work.get(); // warm-up
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			work.get();
			times.add((System.nanoTime() - started) / 1e6);
		}
		Collections.sort(times);
		return times.get(RUNS / 2);
	}
}
