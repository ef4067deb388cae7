package vn.trithuc.bench;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;

/**
 * The benchmark data set: generated people (seed 45, as of 26/11/2026), loaded once. A benchmark asks for the size
 * it needs; when the database already holds that many people (a cached data directory, or an earlier benchmark in
 * the same run) nothing is generated again.
 */
public final class BenchData {

	public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	private BenchData() {
	}

	/** The size asked for on the command line: {@code -Dbench.size=100k|1m|<number>}; 100.000 when absent. */
	public static long size() {
		var text = System.getProperty("bench.size", "100k").trim().toLowerCase();
		if (text.endsWith("k")) {
			return Long.parseLong(text.substring(0, text.length() - 1)) * 1_000;
		}
		if (text.endsWith("m")) {
			return Long.parseLong(text.substring(0, text.length() - 1)) * 1_000_000;
		}
		return Long.parseLong(text.replace("_", "").replace(".", ""));
	}

	/** Makes sure at least {@code people} people are in the registry. @return how many were generated now */
	public static long ensurePeople(long people, JdbcClient jdbc, TransactionTemplate transactions,
			PeopleBulkLoader loader) {
		long present = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
		BenchReport.fact("postgresql", jdbc.sql("show server_version").query(String.class).single());
		if (present >= people) {
			BenchReport.fact("people", String.valueOf(present));
			return 0;
		}
		long missing = people - present;
		long started = System.nanoTime();
		transactions.execute(s -> loader.load(new PeopleGenerator(45 + present, List.of(), TODAY), missing, "benchmark"));
		double seconds = (System.nanoTime() - started) / 1e9;
		BenchReport.figure("data", "generate + COPY " + missing + " people", missing / seconds, "people/s");
		BenchReport.fact("people", String.valueOf(present + missing));
		return missing;
	}
}
