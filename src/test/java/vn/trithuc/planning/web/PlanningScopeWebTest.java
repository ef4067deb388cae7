package vn.trithuc.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.ScopedReads.bytes;
import static vn.trithuc.ScopedReads.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.planning.PlanningFixtures;
import vn.trithuc.planning.internal.JobPositions;
import vn.trithuc.planning.internal.Needs;
import vn.trithuc.planning.internal.Scope;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Profiles;

/**
 * Planning obeys the registry's scope rule: an HR officer or leader with a scope unit plans for that subtree only, one
 * without a scope for the whole province. Every planning page and export (enumerated from the request mappings, like
 * {@code RouteAccessHarnessTest}) is read by HR officers and leaders scoped to unit A: nothing of unit B (its name, its
 * people, its job positions, its figures) appears, and naming unit B is answered 404. A province HR officer still sees
 * both units.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningScopeWebTest {

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
	@Autowired
	Needs needs;
	@Autowired
	JobPositions positions;

	private final String run = UUID.randomUUID().toString().substring(0, 6);
	private final int year = LocalDate.now().getYear() + 1;
	private UUID unitA;
	private UUID unitB;
	private String hrA;
	private String leaderA;
	private String hrProvince;

	@BeforeAll
	void twoSubtreesWithPeopleNeedsAndPositions() {
		var topA = PlanningFixtures.unit(operations, "Sở Phạm Vi A " + run, null);
		unitA = PlanningFixtures.unit(operations, "Trường Phạm Vi A " + run, topA);
		unitB = PlanningFixtures.unit(operations, "Trường Phạm Vi B " + run, null);
		var positionA = Map.of("jobPosition", "Giảng viên phạm vi A " + run);
		var positionB = Map.of("jobPosition", "Giảng viên phạm vi B " + run);
		// born 1/1/1966: retires within the ten years of the forecast
		PlanningFixtures.person(profiles, "Phạm Vi A " + run, Sex.MALE, LocalDate.of(1966, 1, 1), "THAC_SI", "14", unitA, positionA);
		PlanningFixtures.person(profiles, "Phạm Vi A Hai " + run, Sex.FEMALE, LocalDate.of(1990, 1, 1), "DAI_HOC", "14", unitA, positionA);
		PlanningFixtures.person(profiles, "Phạm Vi B " + run, Sex.MALE, LocalDate.of(1966, 2, 1), "THAC_SI", "14", unitB, positionB);
		needs.save(new Needs.Line(unitA, "14", "DAI_HOC", year, 4, null), Scope.PROVINCE, "test");
		needs.save(new Needs.Line(unitB, "14", "DAI_HOC", year, 7, null), Scope.PROVINCE, "test");
		positions.save(new JobPositions.JobPosition(UUID.randomUUID(), unitA, "Giảng viên phạm vi A " + run, "TIEN_SI", null, null, null,
				null, null, null), Scope.PROVINCE, "test");
		positions.save(new JobPositions.JobPosition(UUID.randomUUID(), unitB, "Giảng viên phạm vi B " + run, "TIEN_SI", null, null, null,
				null, null, null), Scope.PROVINCE, "test");
		hrA = scoped("hr", Role.HR_OFFICER, topA);
		leaderA = scoped("leader", Role.LEADER, topA);
		hrProvince = TestAccounts.ready(administration, "planning.scope." + run + ".province", Role.HR_OFFICER);
	}

	private String scoped(String name, Role role, UUID scope) {
		return TestAccounts.scoped(administration, scopes, "planning.scope." + run + "." + name, scope, role);
	}

	/** The planning pages and exports that read (no id in the path: the id-bearing ones are in ScopeIsolationHarnessTest). */
	private List<String> planningReads() {
		return List.copyOf(GetRoutes.of(context, p -> p.startsWith("/planning") && !p.contains("{")));
	}

	/** Parameters that make each route show what it can of both units. */
	private Map<String, String> parameters(String path) {
		if (path.startsWith("/planning/balance")) {
			return Map.of("year", String.valueOf(year));
		}
		if (path.startsWith("/planning/retirements")) {
			return Map.of("by", "UNIT");
		}
		return Map.of();
	}

	@Test
	void the_reads_checked_include_every_page_and_export() {
		assertThat(planningReads()).contains("/planning/retirements", "/planning/retirements.xlsx", "/planning/retirements.pdf",
				"/planning/retirements.docx", "/planning/retirements/people", "/planning/needs", "/planning/balance",
				"/planning/balance.xlsx", "/planning/balance.pdf", "/planning/balance.docx", "/planning/positions",
				"/planning/positions/people", "/planning/positions/fostering.xlsx", "/planning/projection",
				"/planning/projection.xlsx");
	}

	@TestFactory
	Stream<DynamicTest> a_scoped_hr_officer_or_leader_sees_nothing_of_another_subtree() {
		return ScopedReads.nothingOf(mvc, planningReads(), this::parameters, Map.of(hrA, Role.HR_OFFICER, leaderA, Role.LEADER),
				"Trường Phạm Vi B " + run, "Phạm Vi B " + run, "Giảng viên phạm vi B " + run);
	}

	@Test
	void the_scoped_officer_sees_their_own_subtree_and_its_figures_only() throws Exception {
		var page = text(get("/planning/retirements", Map.of("by", "UNIT"), hrA, Role.HR_OFFICER));
		assertThat(page).contains("Trường Phạm Vi A " + run).doesNotContain("Trường Phạm Vi B " + run);
		assertThat(text(get("/planning/needs", Map.of(), hrA, Role.HR_OFFICER))).contains("Trường Phạm Vi A " + run);
		assertThat(text(get("/planning/positions/people", Map.of(), hrA, Role.HR_OFFICER))).contains("Kiểm Thử Phạm Vi A " + run);
		assertThat(text(get("/planning/retirements/people", Map.of("by", "UNIT", "value", unitA.toString()), leaderA, Role.LEADER)))
			.contains("Kiểm Thử Phạm Vi A " + run);
		// the five-year projection starts from the scope's staff: the two people of unit A
		var projection = ScopedReads.xlsxRows(bytes(get("/planning/projection.xlsx", Map.of(), hrA, Role.HR_OFFICER)));
		assertThat(projection.stream().filter(r -> r.size() > 1 && r.get(0).equals(String.valueOf(LocalDate.now().getYear())))
			.map(r -> r.get(1))).containsExactly("2");
		// the balance of unit A's need (4) only
		var balance = ScopedReads.xlsxRows(bytes(get("/planning/balance.xlsx", Map.of("year", String.valueOf(year)), hrA,
				Role.HR_OFFICER)));
		assertThat(balance.stream().filter(r -> r.size() > 1 && r.get(0).equals("Trường Phạm Vi A " + run)).map(r -> r.get(1)))
			.containsExactly("4");
	}

	@Test
	void naming_a_unit_of_another_subtree_is_not_found() throws Exception {
		for (var path : List.of("/planning/retirements", "/planning/retirements.xlsx", "/planning/retirements.pdf",
				"/planning/retirements/people", "/planning/positions", "/planning/positions/people",
				"/planning/positions/fostering.xlsx")) {
			assertThat(get(path, Map.of("by", "UNIT", "unit", unitB.toString()), hrA, Role.HR_OFFICER).getResponse().getStatus())
				.as(path).isEqualTo(404);
			assertThat(get(path, Map.of("by", "UNIT", "unit", unitA.toString()), hrA, Role.HR_OFFICER).getResponse().getStatus())
				.as(path).isEqualTo(200);
		}
	}

	@Test
	void an_hr_officer_without_a_scope_still_sees_the_whole_province() throws Exception {
		var both = Set.of("Trường Phạm Vi A " + run, "Trường Phạm Vi B " + run);
		for (var path : List.of("/planning/retirements", "/planning/retirements.docx", "/planning/needs", "/planning/balance",
				"/planning/positions")) {
			assertThat(text(get(path, parameters(path), hrProvince, Role.HR_OFFICER))).as(path).contains(both);
		}
		assertThat(text(get("/planning/retirements/people", Map.of("by", "UNIT", "value", unitB.toString()), hrProvince,
				Role.HR_OFFICER))).contains("Kiểm Thử Phạm Vi B " + run);
		assertThat(get("/planning/positions", Map.of("unit", unitB.toString()), hrProvince, Role.HR_OFFICER).getResponse()
			.getStatus()).isEqualTo(200);
	}

	private MvcResult get(String path, Map<String, String> parameters, String username, Role role) throws Exception {
		return ScopedReads.get(mvc, path, parameters, username, role);
	}
}
