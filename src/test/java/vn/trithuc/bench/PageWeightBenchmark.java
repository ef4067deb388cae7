package vn.trithuc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitReports;
import vn.trithuc.registry.internal.PeopleBulkLoader;

/**
 * Benchmark, not a test (the name keeps it out of `mvn verify`): what a slow connection pays for the main pages on
 * the benchmark data set — the first load of a session (page and every asset it references, gzip, nothing cached)
 * and a later boosted navigation (the htmx fragment of {@code #content}), the fragment as a ratio to the full page.
 * Run with the others: {@code mvn -o -B verify -Pbench}.
 */
@IntegrationTest
class PageWeightBenchmark {

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars|img)/[^\"]+)\"");

	@LocalServerPort
	int port;
	@Autowired
	org.springframework.context.ApplicationContext context;
	@Autowired
	UserAdministration administration;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;

	@Test
	void first_load_and_htmx_fragment_of_the_main_pages() {
		BenchData.ensurePeople(BenchData.size(), context);
		var program = programs.importSeedProgram("benchmark");
		if (reports.units(program).isEmpty()) { // a completeness matrix of a realistic size: 12 units × 2 periods
			for (int i = 1; i <= 12; i++) {
				reports.addUnit(program, "Đảng ủy xã đo tải " + i, null);
			}
			for (int year : new int[] { 2024, 2025 }) {
				reports.openPeriod(program, PeriodKind.SIX_MONTH, "6 tháng đầu năm " + year,
						reports.proposedDates(PeriodKind.SIX_MONTH, year).orElseThrow(), "benchmark");
			}
		}
		var person = jdbc.sql("select id from registry.person order by id limit 1").query(UUID.class).single();

		var pages = new LinkedHashMap<String, String>();
		pages.put("home", "/");
		pages.put("registry search", "/registry/people?q=nguyen+van");
		pages.put("profile", "/registry/people/" + person);
		pages.put("dashboard", "/analytics/dashboard");
		pages.put("pivot", "/analytics/pivot?rows=UNIT&columns=AGE_BAND");
		pages.put("program", "/program/programs/" + program.id());
		pages.put("reporting", "/program/programs/" + program.id() + "/reporting");
		pages.put("completeness", "/program/programs/" + program.id() + "/completeness");

		for (var page : pages.entrySet()) {
			// a fresh session: nothing cached, every asset the page references is fetched once
			var web = TestAccounts.loggedIn(port, administration, "bench.hr", Role.HR_OFFICER);
			var full = web.get(page.getValue());
			assertThat(full.status()).as(page.getValue()).isEqualTo(200);
			assertThat(full.header("Content-Encoding")).as(page.getValue()).isEqualTo("gzip");
			int firstLoad = full.transferred();
			var assets = ASSET.matcher(full.body());
			var seen = new java.util.HashSet<String>();
			while (assets.find()) {
				if (seen.add(assets.group(1))) {
					var asset = web.get(assets.group(1));
					assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
					firstLoad += asset.transferred();
				}
			}
			BenchReport.ratio("page weight", page.getKey() + ": first load, " + seen.size() + " assets", firstLoad,
					full.transferred(), "bytes gzip", "page alone");
			var fragment = web.get(page.getValue(), "HX-Request", "true", "HX-Target", "content", "HX-Boosted", "true");
			assertThat(fragment.status()).as(page.getValue()).isEqualTo(200);
			assertThat(fragment.body()).as(page.getValue()).startsWith("<div id=\"content\">").doesNotContain("<html");
			BenchReport.ratio("page weight", page.getKey() + ": htmx fragment", fragment.transferred(),
					full.transferred(), "bytes gzip", "full page");
		}
		assertThat(List.copyOf(pages.keySet())).hasSize(8);
	}
}
