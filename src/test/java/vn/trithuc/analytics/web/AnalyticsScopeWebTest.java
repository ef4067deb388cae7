package vn.trithuc.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.ScopedReads.bytes;
import static vn.trithuc.ScopedReads.text;
import static vn.trithuc.ScopedReads.xlsxRows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.trithuc.IntegrationTest;
import vn.trithuc.ScopedReads;
import vn.trithuc.GetRoutes;
import vn.trithuc.TestAccounts;
import vn.trithuc.analytics.internal.StandardTable;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.planning.PlanningFixtures;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Profiles;

/**
 * Analytics obeys the registry's scope rule: an HR officer or leader with a scope unit reads the figures of that
 * subtree only, one without a scope those of the whole province. Every analytics GET route (enumerated from the
 * request mappings, the standard tables' codes expanded) is read by an HR officer and a leader scoped to subtree A:
 * nothing of unit B (its name, its person) appears, exports read as extracted text; naming unit B in a drill-down is
 * answered 404. A's own figures are right, and a province HR officer still sees both units.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsScopeWebTest {

	@Autowired
	ApplicationContext context;
	@Autowired
	MockMvc mvc;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;

	private final String run = UUID.randomUUID().toString().substring(0, 6);
	private UUID unitA;
	private UUID unitB;
	private String hrA;
	private String leaderA;
	private String hrProvince;

	@BeforeAll
	void twoSubtreesWithPeople() {
		var topA = PlanningFixtures.unit(operations, "Sở Thống Kê A " + run, null);
		unitA = PlanningFixtures.unit(operations, "Trường Thống Kê A " + run, topA);
		unitB = PlanningFixtures.unit(operations, "Trường Thống Kê B " + run, null);
		PlanningFixtures.person(profiles, "Thống Kê A " + run, Sex.MALE, LocalDate.of(1970, 1, 1), "THAC_SI", "14", unitA, Map.of());
		PlanningFixtures.person(profiles, "Thống Kê A Hai " + run, Sex.FEMALE, LocalDate.of(1990, 1, 1), "DAI_HOC", "14", unitA,
				Map.of());
		PlanningFixtures.person(profiles, "Thống Kê B " + run, Sex.MALE, LocalDate.of(1975, 2, 1), "THAC_SI", "14", unitB, Map.of());
		hrA = scoped("hr", Role.HR_OFFICER, topA);
		leaderA = scoped("leader", Role.LEADER, topA);
		hrProvince = TestAccounts.ready(administration, "analytics.scope." + run + ".province", Role.HR_OFFICER);
	}

	private String scoped(String name, Role role, UUID scope) {
		return TestAccounts.scoped(administration, scopes, "analytics.scope." + run + "." + name, scope, role);
	}

	/** Every analytics GET route; the standard tables' {code} expanded to every table. */
	private List<String> analyticsReads() {
		var paths = new TreeSet<String>();
		GetRoutes.of(context, p -> p.startsWith("/analytics") || p.startsWith("/api/analytics")).forEach(p -> {
			if (p.contains("{code}")) {
				StandardTable.ALL.forEach(t -> paths.add(p.replace("{code}", t.code())));
			}
			else {
				assertThat(p).as("an analytics route with an id this test does not know").doesNotContain("{");
				paths.add(p);
			}
		});
		return List.copyOf(paths);
	}

	/** Parameters that make each route show what it can of units and people. */
	private static Map<String, String> parameters(String path) {
		return switch (path) {
			case "/analytics/pivot", "/analytics/pivot.xlsx" -> Map.of("rows", "UNIT", "columns", "SEX");
			case "/analytics/trends" -> Map.of("dimension", "UNIT");
			case "/analytics/people" -> Map.of("rows", "SEX", "rowValue", "MALE");
			default -> Map.of();
		};
	}

	@Test
	void the_reads_checked_include_every_page_and_export() {
		assertThat(analyticsReads()).contains("/analytics/dashboard", "/analytics/trends", "/analytics/pivot",
				"/analytics/pivot.xlsx", "/analytics/people", "/analytics/tables", "/analytics/tables/bieu-01",
				"/analytics/tables/bieu-01.xlsx", "/analytics/tables/bieu-01.pdf", "/analytics/tables/bieu-01.docx",
				"/analytics/remote-areas");
	}

	@TestFactory
	Stream<DynamicTest> a_scoped_hr_officer_or_leader_sees_nothing_of_another_subtree() {
		return ScopedReads.nothingOf(mvc, analyticsReads(), AnalyticsScopeWebTest::parameters,
				Map.of(hrA, Role.HR_OFFICER, leaderA, Role.LEADER), "Trường Thống Kê B " + run, "Thống Kê B " + run);
	}

	@Test
	void the_scoped_officer_reads_the_figures_of_their_own_subtree() throws Exception {
		// unit A's two people, and no more: the total of the scope is theirs
		var pivot = xlsxRows(bytes(get("/analytics/pivot.xlsx", Map.of("rows", "UNIT", "columns", "SEX"), hrA, Role.HR_OFFICER)));
		assertThat(pivot.stream().filter(r -> !r.isEmpty() && r.get(0).equals("Trường Thống Kê A " + run))
			.map(r -> r.get(r.size() - 1))).containsExactly("2");
		assertThat(pivot.stream().filter(r -> !r.isEmpty() && r.get(0).equals("Tổng")).map(r -> r.get(r.size() - 1)))
			.containsExactly("2");
		var table = text(get("/analytics/tables/bieu-01.docx", Map.of(), leaderA, Role.LEADER));
		assertThat(table).contains("Trường Thống Kê A " + run).doesNotContain("Trường Thống Kê B " + run);
		var people = text(get("/analytics/people", Map.of("rows", "UNIT", "rowValue", unitA.toString()), leaderA, Role.LEADER));
		assertThat(people).contains("Thống Kê A " + run, "Thống Kê A Hai " + run);
	}

	@Test
	void naming_a_unit_of_another_subtree_is_not_found() throws Exception {
		for (var username : List.of(hrA, leaderA)) {
			var role = username.equals(hrA) ? Role.HR_OFFICER : Role.LEADER;
			var other = get("/analytics/people", Map.of("rows", "UNIT", "rowValue", unitB.toString()), username, role);
			assertThat(other.getResponse().getStatus()).as(username).isEqualTo(404);
			assertThat(text(other)).doesNotContain("Trường Thống Kê B " + run);
			assertThat(get("/analytics/people", Map.of("rows", "SEX", "rowValue", "MALE", "columns", "UNIT", "columnValue",
					unitB.toString()), username, role).getResponse().getStatus()).as(username).isEqualTo(404);
			assertThat(get("/analytics/people", Map.of("rows", "UNIT", "rowValue", "not-a-unit"), username, role).getResponse()
				.getStatus()).as(username).isEqualTo(404);
			assertThat(get("/analytics/people", Map.of("rows", "UNIT", "rowValue", unitA.toString()), username, role).getResponse()
				.getStatus()).as(username).isEqualTo(200);
		}
	}

	@Test
	void an_hr_officer_without_a_scope_still_sees_the_whole_province() throws Exception {
		var pivot = text(get("/analytics/pivot.xlsx", Map.of("rows", "UNIT", "columns", "SEX"), hrProvince, Role.HR_OFFICER));
		assertThat(pivot).contains("Trường Thống Kê A " + run, "Trường Thống Kê B " + run);
		assertThat(text(get("/analytics/tables/bieu-01.pdf", Map.of(), hrProvince, Role.HR_OFFICER)))
			.contains("Trường Thống Kê A " + run, "Trường Thống Kê B " + run);
		assertThat(text(get("/analytics/people", Map.of("rows", "UNIT", "rowValue", unitB.toString()), hrProvince,
				Role.HR_OFFICER))).contains("Thống Kê B " + run);
	}

	private MvcResult get(String path, Map<String, String> parameters, String username, Role role) throws Exception {
		return ScopedReads.get(mvc, path, parameters, username, role);
	}
}
