package vn.trithuc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.reliability.ChildApplication;

/**
 * Benchmark, not a test: the packaged jar started as an operator starts it ({@code java -Xmx512m -jar}) in a child
 * JVM — on an empty data directory (initdb, every migration, the catalog), then twice on the cached benchmark data
 * directory (the first start of the run, then again right away) — timed to the log line "Started"; the resident
 * memory of the JVM and of its embedded PostgreSQL after the start and after a few page loads. Runs in
 * {@code mvn verify -Pbench} after the jar is packaged and the other benchmarks have released the data directory.
 */
class StartupBenchmark {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);
	private static final Path WORK = Path.of("target", "bench", "startup").toAbsolutePath();

	@Test
	void cold_and_warm_start_and_resident_memory() throws Exception {
		var jar = Path.of(required("bench.jar"));
		var cached = Path.of(required("bench.data")).resolve("postgres").toAbsolutePath();
		assertThat(cached.resolve("PG_VERSION")).as("the cached data set: run the whole suite, mvn verify -Pbench")
			.isRegularFile();
		stopOrphanedPostgres(cached); // the benchmarks' own server, should their JVM have left it behind
		FileSystemUtils.deleteRecursively(WORK);
		var fresh = WORK.resolve("fresh-postgres");
		try {
			try (var app = ChildApplication.startJar(jar, WORK.resolve("fresh.log"), TIMEOUT,
					"--trithuc.embedded-database.data-directory=" + fresh)) {
				BenchReport.figure("start", "first start on an empty data directory (initdb, migrations, catalog)",
						app.untilStarted().toMillis(), "ms");
				app.stop(Duration.ofMinutes(1));
			}
			finally {
				stopOrphanedPostgres(fresh);
			}

			boolean cachesDropped = Boolean.getBoolean("bench.drop-caches") && dropPageCache();
			double cold;
			try (var app = ChildApplication.startJar(jar, WORK.resolve("cold.log"), TIMEOUT,
					"--trithuc.embedded-database.data-directory=" + cached)) {
				cold = app.untilStarted().toMillis();
				BenchReport.figure("start", "start on the cached data" + (cachesDropped ? " (page cache dropped)"
						: " (first start of this run)"), cold, "ms");
				BenchReport.figure("start", "Spring Boot's own figure for that start (JVM start excluded)",
						app.reportedStartSeconds() * 1000, "ms");
				Thread.sleep(3000); // the start's background work (first scheduler poll) settles
				memory(app, cached, "after the start");
				var web = new WebClientSession(app.port);
				var login = web.login("bench.hr", TestAccounts.PASSWORD);
				assertThat(login.status()).as("the benchmark account bench.hr of the cached data").isEqualTo(302);
				assertThat(login.header("Location")).doesNotContain("/login");
				var pages = new LinkedHashMap<String, String>();
				pages.put("home", "/");
				pages.put("registry search", "/registry/people?q=nguyen+van");
				pages.put("dashboard", "/analytics/dashboard");
				pages.put("pivot", "/analytics/pivot?rows=UNIT&columns=AGE_BAND");
				pages.put("programs", "/program/programs");
				for (int round = 0; round < 3; round++) {
					for (var page : pages.entrySet()) {
						long t = System.nanoTime();
						var response = web.get(page.getValue());
						assertThat(response.status()).as(page.getValue()).isEqualTo(200);
						if (round == 0) {
							BenchReport.figure("start", "first " + page.getKey() + " after the start",
									(System.nanoTime() - t) / 1e6, "ms");
						}
					}
				}
				memory(app, cached, "after 15 page loads");
				app.stop(Duration.ofMinutes(1));
			}
			finally {
				stopOrphanedPostgres(cached);
			}

			try (var app = ChildApplication.startJar(jar, WORK.resolve("warm.log"), TIMEOUT,
					"--trithuc.embedded-database.data-directory=" + cached)) {
				BenchReport.ratio("start", "start on the cached data again (warm)", app.untilStarted().toMillis(), cold,
						"ms", "first start of this run");
				app.stop(Duration.ofMinutes(1));
			}
			finally {
				stopOrphanedPostgres(cached);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(fresh);
		}
	}

	/** Resident memory of the JVM (-Xmx512m) and of every process of its PostgreSQL. */
	private static void memory(ChildApplication app, Path data, String when) throws IOException {
		BenchReport.figure("memory", "JVM RSS " + when + " (-Xmx512m)", status(app.pid(), "VmRSS") / 1024.0, "MB");
		var postgres = postgresProcesses(data);
		long rss = 0;
		long pss = 0;
		for (long pid : postgres) {
			rss += status(pid, "VmRSS");
			pss += rollup(pid, "Pss");
		}
		BenchReport.figure("memory", "PostgreSQL PSS " + when + " (" + postgres.size() + " processes, shared memory "
				+ "counted once)", pss / 1024.0, "MB");
		BenchReport.figure("memory", "PostgreSQL RSS summed " + when + " (shared memory counted per process)",
				rss / 1024.0, "MB");
	}

	private static List<Long> postgresProcesses(Path data) throws IOException {
		long postmaster = ChildApplication.postmasterPid(data);
		var pids = new ArrayList<Long>();
		ProcessHandle.of(postmaster).ifPresent(p -> {
			pids.add(p.pid());
			p.descendants().forEach(d -> pids.add(d.pid()));
		});
		return pids;
	}

	/** A field of /proc/PID/status in kB, 0 when the process is gone. */
	private static long status(long pid, String field) throws IOException {
		return procField(Path.of("/proc", String.valueOf(pid), "status"), field);
	}

	private static long rollup(long pid, String field) throws IOException {
		return procField(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), field);
	}

	private static long procField(Path file, String field) throws IOException {
		if (!Files.isReadable(file)) {
			return 0;
		}
		try {
			for (var line : Files.readAllLines(file)) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
				}
			}
		}
		catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException gone) {
			return 0;
		}
		return 0;
	}

	/**
	 * With {@code -Dbench.drop-caches=true}, as root on Linux, the kernel's page cache is emptied before the first start
	 * on the cached data, for a real cold start (it slows everything else on the machine for a while: not by default).
	 */
	private static boolean dropPageCache() {
		try {
			new ProcessBuilder("sync").start().waitFor(30, TimeUnit.SECONDS);
			Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
			return true;
		}
		catch (IOException | InterruptedException | RuntimeException notAllowed) {
			return false;
		}
	}

	/** A PostgreSQL left running after a failed start or a kill: fast shutdown, else kill. */
	private static void stopOrphanedPostgres(Path data) throws Exception {
		ChildApplication.stopPostgres(data, false);
	}

	private static String required(String property) {
		var value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("-D" + property + " is set by the Maven profile: mvn verify -Pbench");
		}
		return value;
	}
}
