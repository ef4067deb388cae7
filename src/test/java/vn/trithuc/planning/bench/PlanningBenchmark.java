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
import vn.trithuc.planning.internal.Projections;
import vn.trithuc.planning.internal.RetirementForecast;
import vn.trithuc.planning.internal.Scope;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.internal.PeopleBulkLoader;

/**
 * How long the planning pages' computations take on the benchmark data set (not part of {@code mvn verify}):
 * the ten-year retirement forecast and the historical rates of the projection, each against the plain streamed read of
 * every timeline through the registry API that they are built on, measured side by side in the same run.
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
		BenchReport.ratio("planning", "retirement forecast, province, " + size + ", median of " + RUNS, retirements, read, "ms",
				"stream every timeline through RegistryFacts");
		BenchReport.ratio("planning", "historical rates (5 years), province, " + size + ", median of " + RUNS, rates, read, "ms",
				"stream every timeline through RegistryFacts");
		BenchReport.ratio("planning", "5-year projection, province, " + size + ", median of " + RUNS, projection, read, "ms",
				"stream every timeline through RegistryFacts");
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
