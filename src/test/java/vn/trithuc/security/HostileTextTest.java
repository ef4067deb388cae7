package vn.trithuc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.documents.BarChart;
import vn.trithuc.documents.Charts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnits;

/**
 * HTML, script and spreadsheet formulas typed into text fields come back as text: escaped in every page that shows
 * them, string cells (never formulas) in the .xlsx exports, escaped inside the server-rendered SVG charts that pages
 * inline unescaped; and no template writes unescaped text except those charts.
 */
@IntegrationTest
@Tag("security")
class HostileTextTest {

	private static final String SCRIPT = "<script>alert('x')</script>";
	private static final String ESCAPED = "&lt;script&gt;alert(";
	private static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"Bấm\")";

	@Autowired
	MockMvc mvc;
	@Autowired
	OrgUnits units;
	@Autowired
	UserAdministration administration;

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@Test
	void an_org_unit_named_with_html_is_shown_escaped_everywhere_and_exported_as_text() throws Exception {
		var admin = TestAccounts.ready(administration, "hostile.admin", Role.SYSTEM_ADMINISTRATOR);
		var name = "Ban " + SCRIPT + " <b onmouseover=alert(1)>" + run;
		var created = as(admin, Role.SYSTEM_ADMINISTRATOR, post("/orgunit/operations/create").param("code", "HX" + run)
			.param("name", name).param("shortName", FORMULA).param("kind", "OTHER").param("headName", SCRIPT)
			.param("address", "\"><img src=x onerror=alert(2)>").param("effectiveOn", "01/01/2026"));
		assertThat(created.getStatus()).isEqualTo(302);
		var unit = units.findByCode("HX" + run).orElseThrow();
		assertThat(unit.name()).as("stored as typed").isEqualTo(name);

		for (var page : List.of("/orgunit/units/" + unit.id().value() + "?asOf=01/02/2026",
				"/orgunit/units?asOf=01/02/2026&q=" + run.toLowerCase(), "/orgunit/operations/" + unit.id().value() + "/rename")) {
			var html = as(admin, Role.SYSTEM_ADMINISTRATOR, get(page)).getContentAsString();
			assertThat(html).as(page).contains(ESCAPED).doesNotContain(SCRIPT, "<b onmouseover", "<img src=x");
		}
		var xlsx = as(admin, Role.SYSTEM_ADMINISTRATOR, get("/orgunit/export?asOf=01/02/2026")).getContentAsByteArray();
		assertTextOnly(xlsx, "HYPERLINK");
	}

	@Test
	void a_job_position_and_a_saved_search_named_with_html_are_shown_escaped() throws Exception {
		var hr = TestAccounts.ready(administration, "hostile.hr", Role.HR_OFFICER);
		var admin = TestAccounts.ready(administration, "hostile.admin", Role.SYSTEM_ADMINISTRATOR);
		as(admin, Role.SYSTEM_ADMINISTRATOR, post("/orgunit/operations/create").param("code", "HP" + run)
			.param("name", "Trường thử " + run).param("kind", "OTHER").param("effectiveOn", "01/01/2020"));
		var unit = units.findByCode("HP" + run).orElseThrow().id().value();
		var saved = as(hr, Role.HR_OFFICER, post("/planning/positions").param("orgUnit", unit.toString())
			.param("title", "Giáo viên " + SCRIPT + FORMULA));
		assertThat(saved.getStatus()).isEqualTo(302);
		var page = as(hr, Role.HR_OFFICER, get("/planning/positions?unit=" + unit)).getContentAsString();
		assertThat(page).contains("Giáo viên " + ESCAPED).doesNotContain(SCRIPT);
		assertTextOnly(as(hr, Role.HR_OFFICER, get("/planning/positions/fostering.xlsx?unit=" + unit)).getContentAsByteArray(),
				null);

		as(hr, Role.HR_OFFICER, post("/registry/searches").param("name", "Tìm " + SCRIPT + run).param("q", "nguyen"));
		var searches = as(hr, Role.HR_OFFICER, get("/registry/searches")).getContentAsString();
		assertThat(searches).contains("Tìm " + ESCAPED).doesNotContain(SCRIPT);
	}

	@Test
	void chart_labels_are_escaped_inside_the_svg_that_pages_inline() {
		var chart = new BarChart(SCRIPT, "<img src=x onerror=alert(1)>", "Số người", List.of(SCRIPT, "Nữ & Nam"),
				List.of(new BarChart.Series("<svg onload=alert(3)>", List.of(1, 2))));
		var svg = Charts.withoutStyleAttributes(Charts.bar(chart).svg());
		assertThat(svg).doesNotContain(SCRIPT, "<img", "<svg onload").contains(ESCAPED);
	}

	@Test
	void no_template_writes_unescaped_text_except_the_server_rendered_charts() throws IOException {
		var unescaped = Pattern.compile("th:utext=\"([^\"]*)\"|\\[\\(");
		var allowed = Pattern.compile("\\$\\{(\\w+\\.)?chart}");
		var offenders = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				var matcher = unescaped.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					if (matcher.group(1) == null || !allowed.matcher(matcher.group(1)).matches()) {
						offenders.add(file + ": " + matcher.group());
					}
				}
			}
		}
		assertThat(offenders).as("unescaped output: use th:text, or render through a component that escapes").isEmpty();
	}

	/** The workbook holds no formula at all (user text is a string cell), and {@code text} when given. */
	private static void assertTextOnly(byte[] xlsx, String text) throws IOException {
		var sheets = new StringBuilder();
		var file = Files.createTempFile("hostile", ".xlsx");
		try {
			Files.write(file, xlsx);
			try (var zip = new java.util.zip.ZipFile(file.toFile())) {
				for (var entry : java.util.Collections.list(zip.entries())) {
					if (entry.getName().startsWith("xl/")) {
						try (var in = zip.getInputStream(entry)) {
							sheets.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
						}
					}
				}
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
		assertThat(sheets).as("an .xlsx workbook").isNotEmpty();
		assertThat(sheets.toString()).as("no formula cell").doesNotContain("<f>", "<f ");
		if (text != null) {
			assertThat(sheets.toString()).contains(text);
		}
	}

	private MockHttpServletResponse as(String username, Role role, MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request.with(csrf()).with(user(username).authorities(() -> role.authority()))
			.characterEncoding(StandardCharsets.UTF_8)).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}
}
