package vn.trithuc.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;
import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.RegistryFixtures;
import vn.trithuc.shared.VietnameseText;

/**
 * Benchmark, not a test (the name keeps it out of `mvn verify`). Loads generated people with COPY, then runs 40
 * realistic name queries (a quarter with one typo) through the search service — facet counts included — and
 * over HTTP (the JSON API), at 1, 4 and 16 concurrent clients. Run:
 * {@code mvn -o test -Dtest=RegistrySearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dregistry.bench.people=100000}
 */
@IntegrationTest
class RegistrySearchBenchmark {

	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	PeopleSearch search;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	UserAdministration administration;
	@LocalServerPort
	int port;

	@Test
	void search_latency_and_throughput() throws Exception {
		long people = Long.getLong("registry.bench.people", 100_000);
		var today = LocalDate.of(2026, 11, 26);
		long started = System.nanoTime();
		transactions.execute(s -> loader.load(new PeopleGenerator(45, List.of(), today), people, "benchmark"));
		double seconds = (System.nanoTime() - started) / 1e9;
		report("load %,d people: %.1f s (%,.0f people/s)", people, seconds, people / seconds);

		var queries = queries(today);
		var hr = RegistryFixtures.hr();
		run("service", queries, q -> search.search(new PeopleSearch.Query(q, Map.of(), 0, 20), hr).rows().size());
		var sessions = new ArrayList<WebClientSession>();
		for (int i = 0; i < 16; i++) {
			sessions.add(TestAccounts.loggedIn(port, administration, "bench.hr", Role.HR_OFFICER));
		}
		var counter = new java.util.concurrent.atomic.AtomicInteger();
		run("http", queries, q -> {
			var session = sessions.get(Math.floorMod(counter.getAndIncrement(), sessions.size()));
			var response = session.get("/api/v1/registry/people?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
					"Accept", "application/json");
			assertThat(response.status()).isEqualTo(200);
			return response.body().length();
		});
	}

	private List<String> queries(LocalDate today) {
		var generator = new PeopleGenerator(99, List.of(), today);
		var queries = new ArrayList<String>();
		for (int i = 0; i < 40; i++) {
			var d = generator.next().data();
			var text = VietnameseText.fold(d.familyName() + " " + d.middleName() + " " + d.givenName());
			if (i % 4 == 3) { // one typo in the longest token
				var tokens = text.split(" ");
				int longest = 0;
				for (int t = 1; t < tokens.length; t++) {
					longest = tokens[t].length() > tokens[longest].length() ? t : longest;
				}
				if (tokens[longest].length() >= 4) {
					tokens[longest] = tokens[longest].substring(0, tokens[longest].length() - 1) + "x";
				}
				text = String.join(" ", tokens);
			}
			queries.add(text);
		}
		return queries;
	}

	private void run(String label, List<String> queries, Function<String, Integer> call) throws Exception {
		for (var q : queries) { // warm-up
			call.apply(q);
		}
		for (int clients : new int[] { 1, 4, 16 }) {
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			var latencies = Collections.synchronizedList(new ArrayList<Long>());
			long start = System.nanoTime();
			var futures = new ArrayList<Future<?>>();
			for (int c = 0; c < clients; c++) {
				int offset = c;
				futures.add(pool.submit(() -> {
					for (int round = 0; round < 3; round++) {
						for (int i = 0; i < queries.size(); i++) {
							var q = queries.get((i + offset * 7) % queries.size());
							long t = System.nanoTime();
							call.apply(q);
							latencies.add(System.nanoTime() - t);
						}
					}
					return null;
				}));
			}
			for (var f : futures) {
				f.get();
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			pool.shutdown();
			var sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
			report("%s, %2d clients: p50 %.1f ms, p95 %.1f ms, %.0f queries/s (%d queries)", label, clients,
					sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6,
					sorted.size() / elapsed, sorted.size());
		}
	}

	private static void report(String format, Object... args) {
		System.out.println("BENCHMARK " + String.format(format, args));
	}
}
