package vn.trithuc.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.bench.BenchData;
import vn.trithuc.bench.BenchReport;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;

/**
 * Benchmark, not a test (the name keeps it out of `mvn verify`). A bulk load of {@code -Dbench.load=10k} people into
 * the benchmark data set ({@code -Dbench.size=100k}): the time the after-commit listeners take (analytics and
 * planning reading only the loaded people), then, side by side in the same run, the analytics update for those
 * people alone against a full rebuild of facts and snapshots. Run:
 * {@code mvn -o test -Dtest=BulkLoadUpdateBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.size=100k}
 */
@IntegrationTest
class BulkLoadUpdateBenchmark {

	static final String SECTION = "analytics";

	@Autowired
	org.springframework.context.ApplicationContext context;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	AnalyticsUpdater updater;
	@Autowired
	JdbcClient jdbc;

	@Test
	void incremental_update_after_a_bulk_load_against_a_full_rebuild() {
		long size = BenchData.size();
		BenchData.ensurePeople(size, context);
		long load = Long.getLong("bench.load", 10_000);
		String label = "bulk load of " + n(load) + " into " + n(size);
		long readBefore = updater.timelinesRead();
		long[] inserted = new long[1];
		long started = System.nanoTime();
		transactions.execute(s -> {
			// the generator's national-ID serials start at seed % 1000 * 1000 and the data set's at 45.000: end below it
			loader.load(new PeopleGenerator(Math.max(0, 44 - load / 1_000), List.of(), BenchData.TODAY), load, "bulk-load-benchmark");
			inserted[0] = System.nanoTime();
			return null;
		});
		long listeners = System.nanoTime() - inserted[0];
		assertThat(updater.timelinesRead() - readBefore).as("analytics read only the loaded people").isEqualTo(load);
		BenchReport.figure(SECTION, label + ": COPY of the people (registry)", (inserted[0] - started) / 1e6, "ms");
		BenchReport.figure(SECTION, label + ": commit + after-commit listeners (analytics + planning)", listeners / 1e6, "ms");

		var loaded = jdbc.sql("select person_id from registry.change_log where actor = 'bulk-load-benchmark'").query(java.util.UUID.class)
			.list().stream().map(PersonId::new).toList();
		assertThat(loaded).hasSize((int) load);
		// the same people again (their old counts out, the new in): what the listener does, timed alone, twice
		long incremental = Long.MAX_VALUE;
		for (int i = 0; i < 2; i++) {
			long t = System.nanoTime();
			updater.refreshAll(loaded);
			incremental = Math.min(incremental, System.nanoTime() - t);
		}
		long t = System.nanoTime();
		updater.reloadAll();
		long rebuild = System.nanoTime() - t;
		BenchReport.figure(SECTION, label + ": full rebuild (facts + snapshots)", rebuild / 1e6, "ms");
		BenchReport.ratio(SECTION, label + ": analytics update of the loaded people", incremental / 1e6, rebuild / 1e6, "ms",
				"full rebuild");
		System.out.printf("BENCHMARK %s: incremental %.0f ms, full rebuild %.0f ms, ratio %.3f%n", label, incremental / 1e6,
				rebuild / 1e6, (double) incremental / rebuild);
	}

	private static String n(long count) {
		return count >= 1_000_000 ? count / 1_000_000 + "M" : count >= 1_000 ? count / 1_000 + "k" : String.valueOf(count);
	}
}
