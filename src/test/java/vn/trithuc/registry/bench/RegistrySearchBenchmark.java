package vn.trithuc.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.bench.BenchData;
import vn.trithuc.bench.BenchReport;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;
import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.SearchIndex;
import vn.trithuc.registry.internal.RegistryFixtures;
import vn.trithuc.shared.VietnameseText;

/**
 * Benchmark, not a test (the name keeps it out of {@code mvn verify}). On the benchmark data set ({@link BenchData},
 * {@code -Dbench.size=100k|1m}) it runs a realistic query mix — names with and without diacritics, NFD input, one-typo
 * names, names with facet filters, expert queries — each a full search: page of 20 rows plus every facet count. Two
 * ways, interleaved in alternating blocks at 1, 4 and 16 clients, each after a warm-up until the JIT is done (which
 * goes first alternates by round: keep {@code -Dbench.rounds} even): over HTTP (the JSON API, logged-in sessions, a
 * blocking keep-alive client) and the same search service in-process (the same in-memory index, no HTTP, no JSON, no
 * security filters). Records p50/p95/p99 and throughput of both and the HTTP/direct ratio with {@link BenchReport}; at
 * one client also the SQL path of the same service (the fallback) on the same mix, beside the index, and the index's
 * full load time and heap per person. Run:
 * {@code mvn -o test -Dtest=RegistrySearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.size=100k}
 */
@IntegrationTest
class RegistrySearchBenchmark {

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
	/**
	 * Before anything is measured, passes of the whole mix over both ways at each concurrency until the JIT is done with
	 * them, and again before the blocks of each concurrency are measured: the request's path (Tomcat, security, session,
	 * MVC, JSON) is a lot of code, and on two cores its one C2 compiler thread works through it for a minute or more. With
	 * a fixed 20 passes at one client, 190 methods were compiled by C2 for the first time during the measured 4-client
	 * blocks (the compiler thread 24 % of the CPU samples) and the 4-client HTTP throughput was 370–490 searches/s; warmed
	 * until the compiler is idle, 700. Warm means: the compilation time of the last {@value #SETTLED_PASSES} passes is
	 * under {@value #SETTLED_SHARE} of their wall time, after at least {@value #MIN_WARM_UP_PASSES} passes and at most
	 * {@code bench.warmUpSeconds} (default 120) per concurrency. The figures are a running server's, not those of its
	 * first minutes; the compilation time within the measured blocks is reported beside them.
	 */
	private static final int MIN_WARM_UP_PASSES = 5;
	private static final int SETTLED_PASSES = 3;
	private static final double SETTLED_SHARE = 0.05;
	private static final long WARM_UP_SECONDS = Long.getLong("bench.warmUpSeconds", 120);
	/** Requests of the cheapest search over HTTP first (the request path itself): with 300 the floor measured 4,5 ms p50. */
	private static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warmUpRequests", 3_000);
	/** Concurrent clients, one block each: {@code -Dbench.clients=1,4} for a quicker run (default 1, 4 and 16). */
	private static final int[] CLIENTS = java.util.Arrays.stream(System.getProperty("bench.clients", "1,4,16").split(","))
		.map(String::strip).mapToInt(Integer::parseInt).toArray();

	@Autowired
	org.springframework.context.ApplicationContext context;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	PeopleSearch search;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	UserAdministration administration;
	@LocalServerPort
	int port;

	/**
	 * One search of the mix: text, filters, expert mode, and its class for the per-class figures; a list's order
	 * ({@code sort} parameter, null: the default) and page.
	 */
	record Q(String kind, String text, Map<String, String> filters, boolean experts, String sort, int page) {

		Q(String kind, String text, Map<String, String> filters, boolean experts) {
			this(kind, text, filters, experts, null, 0);
		}

		String path() {
			var p = new StringBuilder(experts ? "/api/v1/registry/experts" : "/api/v1/registry/people");
			p.append("?q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
			filters.forEach((k, v) -> p.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			if (sort != null) {
				p.append("&sort=").append(sort);
			}
			return p.append("&page=").append(page).toString();
		}

		PeopleSearch.Query query() {
			return new PeopleSearch.Query(text, filters, page, 20, experts, PeopleSearch.Sort.parse(sort));
		}

		/** The same page in the default order. */
		Q unsorted() {
			return new Q(kind, text, filters, experts, null, page);
		}
	}

	@Test
	void search_latency_and_throughput_http_vs_direct() throws Exception {
		long size = BenchData.size();
		BenchData.ensurePeople(size, context);
		var queries = queries();
		var hr = RegistryFixtures.hr();
		var label = size >= 1_000_000 ? (size / 1_000_000) + "M" : (size / 1_000) + "k";
		indexLoad(label);
		Function<Q, Integer> direct = q -> search.search(q.query(), hr).rows().size();
		var sessions = new ArrayList<WebClientSession>();
		for (int i = 0; i < 16; i++) {
			sessions.add(TestAccounts.loggedIn(port, administration, "bench.hr", Role.HR_OFFICER));
		}
		// the client: HttpURLConnection (blocking, keep-alive, gzip), as a load tool is; the JDK HttpClient (asynchronous:
		// a selector thread and hand-offs per request) cost 0,3–0,9 ms more per request side by side in this JVM, on
		// the two cores the server uses. The keep-alive cache holds http.maxConnections per host (the bench profile
		// sets 32: 16 clients)
		var cookies = sessions.stream().map(s -> s.cookie("TRITHUC_SESSION")).toList();
		Function<Q, Integer> http = q -> {
			var cookie = cookies.get((int) (Thread.currentThread().getId() % cookies.size()));
			try {
				var c = (java.net.HttpURLConnection) java.net.URI.create("http://localhost:" + port + q.path()).toURL()
					.openConnection();
				c.setRequestProperty("Cookie", "TRITHUC_SESSION=" + cookie);
				c.setRequestProperty("Accept", "application/json");
				c.setRequestProperty("Accept-Encoding", "gzip");
				assertThat(c.getResponseCode()).as(q.path()).isEqualTo(200);
				try (var in = c.getInputStream()) {
					var body = "gzip".equals(c.getContentEncoding()) ? new java.util.zip.GZIPInputStream(in).readAllBytes()
							: in.readAllBytes();
					return new String(body, StandardCharsets.UTF_8).length();
				}
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		};
		// the size of the results (so that the mix is known to find people), then a warm-up of both paths (the JIT of
		// the server, the client and the search: one pass of the mix left the first measured rounds cold)
		var found = new LinkedHashMap<String, Long>();
		for (var q : queries) {
			var result = search.search(q.query(), hr);
			found.merge(q.kind(), result.total(), Long::sum);
		}
		var nobody = List.of(new Q("nobody", "zzqqxx", Map.of(), false));
		for (int i = 0; i < WARM_UP_REQUESTS; i++) {
			http.apply(nobody.get(0));
		}
		// every concurrency first (its paths: locks contended, the pool's waits), then each again before it is measured
		for (int clients : CLIENTS) {
			warmUp(label + " people, before any measurement, " + clients(clients), clients, queries, http, direct);
		}
		warmUp(label + " people, " + clients(1), 1, queries, http, direct);
		found.forEach((kind, total) -> BenchReport.figure("search", label + " people: mean matches, " + kind,
				(double) total / queries.stream().filter(q -> q.kind().equals(kind)).count(), "people"));

		// the floor of the HTTP way: a search that finds nobody (no facets, a tiny JSON) over HTTP and in-process — what
		// the session, security, servlet and JSON cost per request on this machine, whatever the search costs
		var floorHttp = new Run();
		var floorDirect = new Run();
		for (int i = 0; i < 100; i++) {
			block(1, nobody, http, floorHttp, i);
			block(1, nobody, direct, floorDirect, i);
		}
		BenchReport.ratio("search", label + " people, 1 client: p50 of a search that finds nobody (HTTP floor)",
				floorHttp.percentile(0.50), floorDirect.percentile(0.50), "ms", "in-process");
		BenchReport.ratio("search", label + " people, 1 client: p95 of a search that finds nobody (HTTP floor)",
				floorHttp.percentile(0.95), floorDirect.percentile(0.95), "ms", "in-process");

		Run oneClient = null;
		var jit = ManagementFactory.getCompilationMXBean();
		for (int clients : CLIENTS) {
			if (clients > 1) {
				warmUp(label + " people, " + clients(clients), clients, queries, http, direct);
			}
			var httpRun = new Run();
			var directRun = new Run();
			long compiling = jit.getTotalCompilationTime();
			// alternate blocks, and which way goes first in a round (HTTP, direct, direct, HTTP, ...): the second block of
			// a round finds the pages the first one read in the cache (at 1M people they do not all fit)
			for (int round = 0; round < ROUNDS; round++) {
				if (round % 2 == 0) {
					block(clients, queries, http, httpRun, round);
					block(clients, queries, direct, directRun, round);
				}
				else {
					block(clients, queries, direct, directRun, round);
					block(clients, queries, http, httpRun, round);
				}
			}
			var prefix = label + " people, " + clients(clients) + ": ";
			BenchReport.figure("search", prefix + "JIT compilation during the measured blocks",
					(jit.getTotalCompilationTime() - compiling) / 1e3 / (httpRun.seconds + directRun.seconds), "s per s");
			BenchReport.ratio("search", prefix + "p50", httpRun.percentile(0.50), directRun.percentile(0.50), "ms",
					"same search in-process p50");
			BenchReport.ratio("search", prefix + "p95", httpRun.percentile(0.95), directRun.percentile(0.95), "ms",
					"same search in-process p95");
			BenchReport.ratio("search", prefix + "p99", httpRun.percentile(0.99), directRun.percentile(0.99), "ms",
					"same search in-process p99");
			BenchReport.ratio("search", prefix + "throughput", httpRun.throughput(), directRun.throughput(), "searches/s",
					"same search in-process");
			if (clients == 1) {
				oneClient = directRun;
				for (var kind : found.keySet()) {
					BenchReport.ratio("search", prefix + "p95 " + kind, httpRun.percentile(0.95, kind),
							directRun.percentile(0.95, kind), "ms", "same search in-process");
				}
			}
		}
		sortedLists(label, size, http, direct);
		if (oneClient != null) {
			// the old search (SQL only, PostgreSQL's indexes) in-process, same mix, same rounds, beside the index: last,
			// so that its garbage (it reads every matched row) does not pause the measurements above
			var prefix = label + " people, 1 client: ";
			Function<Q, Integer> sql = q -> search.sqlSearch(q.query(), hr).rows().size();
			var sqlRun = new Run();
			for (int round = 0; round < ROUNDS; round++) {
				block(1, queries, sql, sqlRun, round);
			}
			BenchReport.ratio("search", prefix + "in-process p95, index vs SQL path", oneClient.percentile(0.95),
					sqlRun.percentile(0.95), "ms", "SQL path in-process p95");
			BenchReport.ratio("search", prefix + "in-process p50, index vs SQL path", oneClient.percentile(0.50),
					sqlRun.percentile(0.50), "ms", "SQL path in-process p50");
			for (var kind : found.keySet()) {
				BenchReport.ratio("search", prefix + "in-process p95 " + kind + ", index vs SQL path",
						oneClient.percentile(0.95, kind), sqlRun.percentile(0.95, kind), "ms", "SQL path in-process");
			}
		}
	}

	/**
	 * Sorted lists ({@link #sortedLists}), apart from the mix (the whole registry with every facet count, and pages
	 * far down, are not what the mix measures): at one client over HTTP and in-process, and in-process the same pages
	 * in the default order — what the order asked for costs.
	 */
	private static void sortedLists(String label, long size, Function<Q, Integer> http, Function<Q, Integer> direct)
			throws Exception {
		var sorted = sortedLists(size);
		var unsorted = sorted.stream().map(Q::unsorted).toList();
		for (int pass = 0; pass < MIN_WARM_UP_PASSES; pass++) {
			block(1, sorted, http, new Run(), pass);
			block(1, sorted, direct, new Run(), pass);
			block(1, unsorted, direct, new Run(), pass);
		}
		var sortedHttp = new Run();
		var sortedDirect = new Run();
		var unsortedDirect = new Run();
		for (int round = 0; round < ROUNDS; round++) {
			block(1, sorted, http, sortedHttp, round);
			block(1, sorted, direct, sortedDirect, round);
			block(1, unsorted, direct, unsortedDirect, round);
		}
		var prefix = label + " people, 1 client: sorted lists, ";
		for (double p : new double[] { 0.50, 0.95 }) {
			var name = "p" + Math.round(p * 100);
			BenchReport.ratio("search", prefix + name, sortedHttp.percentile(p), sortedDirect.percentile(p), "ms",
					"same search in-process " + name);
			BenchReport.ratio("search", prefix + "in-process " + name, sortedDirect.percentile(p), unsortedDirect.percentile(p),
					"ms", "the same pages in the default order, in-process " + name);
		}
	}

	/**
	 * The search index: a full load timed (after the one at start), and the heap it holds — used heap after a full
	 * GC with the index loaded minus the same without it — and its own estimate of its structures.
	 */
	private void indexLoad(String label) throws InterruptedException {
		var index = context.getBean(SearchIndex.class);
		assertThat(index.awaitReady(15, TimeUnit.MINUTES)).as("the search index loads").isTrue();
		index.unload();
		long without = usedHeapAfterGc();
		long start = System.nanoTime();
		index.reload();
		double seconds = (System.nanoTime() - start) / 1e9;
		long with = usedHeapAfterGc();
		var stats = index.stats();
		BenchReport.figure("search", label + " people: search index full load", seconds, "s");
		BenchReport.figure("search", label + " people: search index heap (used after GC, with − without)",
				(double) (with - without) / stats.people(), "bytes/person");
		BenchReport.figure("search", label + " people: search index structures (own estimate)",
				(double) stats.bytes() / stats.people(), "bytes/person");
		BenchReport.fact("search index people", String.valueOf(stats.people()));
		BenchReport.fact("search index max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MB");
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
			used = Math.min(used, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
		}
		return used;
	}

	/** Latencies (ms) by query class, and the time spent, of one way of searching. */
	static final class Run {
		final List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
		final List<String> sampleKinds = Collections.synchronizedList(new ArrayList<>());
		double seconds;

		void add(String kind, double ms) {
			synchronized (samples) {
				samples.add(new double[] { ms });
				sampleKinds.add(kind);
			}
		}

		double percentile(double p) {
			return percentile(p, null);
		}

		double percentile(double p, String kind) {
			var values = new ArrayList<Double>();
			synchronized (samples) {
				for (int i = 0; i < samples.size(); i++) {
					if (kind == null || kind.equals(sampleKinds.get(i))) {
						values.add(samples.get(i)[0]);
					}
				}
			}
			Collections.sort(values);
			return values.isEmpty() ? Double.NaN : values.get(Math.min(values.size() - 1, (int) Math.ceil(p * values.size()) - 1));
		}

		double throughput() {
			return samples.size() / seconds;
		}
	}

	/** Passes of both ways at {@code clients} until the JIT is done with them ({@link #MIN_WARM_UP_PASSES}). */
	private static void warmUp(String title, int clients, List<Q> queries, Function<Q, Integer> http,
			Function<Q, Integer> direct) throws Exception {
		var jit = ManagementFactory.getCompilationMXBean();
		long start = System.nanoTime();
		var compiled = new java.util.ArrayDeque<long[]>(); // per pass: compilation ms, wall ms
		int pass = 0;
		while (true) {
			long compiling = jit.getTotalCompilationTime();
			long began = System.nanoTime();
			block(clients, queries, http, new Run(), pass);
			block(clients, queries, direct, new Run(), pass);
			compiled.addLast(new long[] { jit.getTotalCompilationTime() - compiling, (System.nanoTime() - began) / 1_000_000 });
			if (compiled.size() > SETTLED_PASSES) {
				compiled.removeFirst();
			}
			pass++;
			double share = compiled.stream().mapToLong(c -> c[0]).sum()
					/ (double) Math.max(1, compiled.stream().mapToLong(c -> c[1]).sum());
			boolean settled = pass >= MIN_WARM_UP_PASSES && share < SETTLED_SHARE;
			if (settled || System.nanoTime() - start > TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS)) {
				BenchReport.figure("search", title + ": warm-up until the JIT is done (" + pass + " passes"
						+ (settled ? "" : ", cut at the limit") + ")",
						(System.nanoTime() - start) / 1e9, "s");
				return;
			}
		}
	}

	private static String clients(int clients) {
		return clients + (clients == 1 ? " client" : " clients");
	}

	/** Each client runs the whole mix once, from its own offset. */
	private static void block(int clients, List<Q> queries, Function<Q, Integer> call, Run run, int round) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			long start = System.nanoTime();
			var futures = new ArrayList<Future<?>>();
			for (int c = 0; c < clients; c++) {
				int offset = c * 7 + round * 3;
				futures.add(pool.submit(() -> {
					for (int i = 0; i < queries.size(); i++) {
						var q = queries.get((i + offset) % queries.size());
						long t = System.nanoTime();
						call.apply(q);
						run.add(q.kind(), (System.nanoTime() - t) / 1e6);
					}
					return null;
				}));
			}
			for (var f : futures) {
				f.get();
			}
			run.seconds += (System.nanoTime() - start) / 1e9;
		}
		finally {
			pool.shutdown();
		}
	}

	/** 60 searches: 12 of each class, names drawn from the same generator (another seed) as the data. */
	static List<Q> queries() {
		var generator = new PeopleGenerator(99, List.of(), BenchData.TODAY);
		var names = new ArrayList<String>();
		for (int i = 0; i < 48; i++) {
			var d = generator.next().data();
			names.add((d.familyName() + " " + d.middleName() + " " + d.givenName()).replaceAll("\\s+", " ").strip());
		}
		var queries = new ArrayList<Q>();
		for (int i = 0; i < 12; i++) {
			var name = names.get(i);
			queries.add(new Q(i % 2 == 0 ? "name with diacritics" : "name, NFD input",
					i % 2 == 0 ? name : Normalizer.normalize(name, Normalizer.Form.NFD), Map.of(), false));
			queries.add(new Q("name without diacritics", VietnameseText.fold(names.get(12 + i)), Map.of(), false));
			queries.add(new Q("name with one typo", typo(VietnameseText.fold(names.get(24 + i))), Map.of(), false));
			var filters = List.of(Map.of("degree", "THAC_SI"), Map.of("sex", "FEMALE"), Map.of("age", "41_50"),
					Map.of("category", "PUBLIC_EMPLOYEE", "party", "true"), Map.of("field", "62"), Map.of("ethnicGroup", "01"));
			queries.add(new Q("name + facet filters", names.get(36 + i).split(" ")[0] + " "
					+ names.get(36 + i).substring(names.get(36 + i).lastIndexOf(' ') + 1), filters.get(i % filters.size()), false));
		}
		var experts = List.of("trồng cà phê", "năng lượng sạch", "giáo dục dân tộc thiểu số", "y tế cộng đồng",
				"du lich sinh thai", "chuyển đổi số", "quản lý đất đai", "dược liệu", "chăn nuôi bò sữa", "thủy lợi",
				"lâm nghiệp bền vững", "rau hoa công nghệ cao");
		for (var e : experts) {
			queries.add(new Q("expert query", e, Map.of(), true));
		}
		return queries;
	}

	/**
	 * 12 lists sorted by birth, unit or name, either way: the whole registry (of {@code size} people) or a facet of it,
	 * pages from the first to one near the end, two name queries.
	 */
	static List<Q> sortedLists(long size) {
		var queries = new ArrayList<Q>();
		var sorted = "sorted list";
		queries.add(new Q(sorted, "", Map.of(), false, "birth", 0));
		queries.add(new Q(sorted, "", Map.of(), false, "birth,desc", 3));
		queries.add(new Q(sorted, "", Map.of(), false, "unit", 0));
		queries.add(new Q(sorted, "", Map.of(), false, "unit,desc", 50));
		queries.add(new Q(sorted, "", Map.of(), false, "name,desc", 0));
		queries.add(new Q(sorted, "", Map.of(), false, "birth", (int) (size / 20) - 10));
		queries.add(new Q(sorted, "", Map.of("degree", "TIEN_SI"), false, "birth,desc", 0));
		queries.add(new Q(sorted, "", Map.of("age", "41_50"), false, "unit", 2));
		queries.add(new Q(sorted, "", Map.of("sex", "FEMALE", "category", "PUBLIC_EMPLOYEE"), false, "birth", 10));
		queries.add(new Q(sorted, "", Map.of("ethnicGroup", "01"), false, "name,desc", 100));
		queries.add(new Q(sorted, "Nguyễn", Map.of(), false, "birth,desc", 0));
		queries.add(new Q(sorted, "Thị", Map.of(), false, "unit", 1));
		return queries;
	}

	/** One edit in the longest token of four letters or more (the last letter replaced). */
	static String typo(String folded) {
		var tokens = folded.split(" ");
		int longest = 0;
		for (int t = 1; t < tokens.length; t++) {
			longest = tokens[t].length() > tokens[longest].length() ? t : longest;
		}
		if (tokens[longest].length() >= 4) {
			var last = tokens[longest].charAt(tokens[longest].length() - 1);
			tokens[longest] = tokens[longest].substring(0, tokens[longest].length() - 1) + (last == 'x' ? 'z' : 'x');
		}
		return String.join(" ", tokens).toLowerCase(Locale.ROOT);
	}
}
