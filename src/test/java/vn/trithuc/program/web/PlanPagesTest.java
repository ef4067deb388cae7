package vn.trithuc.program.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.program.UnitPlans;
import vn.trithuc.program.UnitReports;

/** Grassroots plans over HTTP: a unit officer plans for their unit; the program task shows who carries it out. */
@IntegrationTest
class PlanPagesTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	UnitPlans plans;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;
	@Autowired
	vn.trithuc.identity.UserScopes scopes;

	@Test
	void a_grassroots_plan_links_its_tasks_to_the_program_tasks_they_carry_out() {
		var program = programs.importSeedProgram("test");
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var orgA = ReportingUnitsFixtures.partyCommittee(operations, "Đảng ủy xã kế hoạch A " + tag);
		var orgB = ReportingUnitsFixtures.partyCommittee(operations, "Đảng ủy xã kế hoạch B " + tag);
		var unitA = reports.addUnit(program, "Đảng ủy xã kế hoạch A " + tag, orgA);
		var unitB = reports.addUnit(program, "Đảng ủy xã kế hoạch B " + tag, orgB);
		ReportingUnitsFixtures.officerOf(administration, scopes, "plan.a." + tag, orgA);
		ReportingUnitsFixtures.officerOf(administration, scopes, "plan.b." + tag, orgB);
		var task = programs.find(program, null).orElseThrow().items(ItemKind.TASK).get(2);

		var a = TestAccounts.loggedIn(port, administration, "plan.a." + tag, Role.UNIT_OFFICER);
		var page = a.get("/program/programs/" + program + "/plans");
		assertThat(page.status()).isEqualTo(200);
		// only the officer's own unit is offered
		assertThat(page.body()).contains("Đảng ủy xã kế hoạch A " + tag).doesNotContain("Đảng ủy xã kế hoạch B " + tag);
		var csrf = WebClientSession.csrfToken(page.body());
		// another unit's plan is refused as if the unit did not exist
		assertThat(a.postForm("/program/programs/" + program + "/plans", Map.of("_csrf", csrf, "unit", unitB.toString(),
				"title", "Kế hoạch của xã khác")).status()).isEqualTo(404);
		var created = a.postForm("/program/programs/" + program + "/plans", Map.of("_csrf", csrf, "unit", unitA.toString(),
				"number", "05-KH/ĐU", "title", "Kế hoạch thực hiện Chương trình hành động " + tag, "issuedOn", "15/04/2024"));
		assertThat(created.status()).isEqualTo(302);
		var planPath = created.header("Location").replaceAll("^https?://[^/]+", "");
		assertThat(planPath).startsWith("/program/plans/");
		var planId = UUID.fromString(planPath.substring("/program/plans/".length()));

		var planPage = a.get(planPath);
		assertThat(a.postForm(planPath + "/tasks", Map.of("_csrf", WebClientSession.csrfToken(planPage.body()), "parent",
				task.id().toString(), "text", "Tổ chức tọa đàm với trí thức trẻ của xã " + tag, "dueOn", "30/06/2024")).status())
			.isEqualTo(302);
		assertThat(a.get(planPath).body()).contains("Đã thêm nhiệm vụ vào kế hoạch.", "Nhiệm vụ 1.3");
		// a text-less task or a parent that is not a program task: a message, nothing stored
		a.postForm(planPath + "/tasks", Map.of("_csrf", WebClientSession.csrfToken(planPage.body()), "parent",
				UUID.randomUUID().toString(), "text", "Không hợp lệ"));
		assertThat(a.get(planPath).body()).contains("Nhiệm vụ chưa hợp lệ");
		assertThat(plans.plan(planId).orElseThrow().tasks()).hasSize(1);

		// the officer of unit B can neither add to A's plan
		var b = TestAccounts.loggedIn(port, administration, "plan.b." + tag, Role.UNIT_OFFICER);
		var bPage = b.get(planPath);
		assertThat(b.postForm(planPath + "/tasks", Map.of("_csrf", WebClientSession.csrfToken(bPage.body()), "parent",
				task.id().toString(), "text", "chen ngang")).status()).isEqualTo(404);

		// the program task shows who carries it out
		var itemPage = a.get("/program/programs/" + program + "/items/" + task.id());
		assertThat(itemPage.body()).contains("Các tổ chức cơ sở đảng thực hiện nhiệm vụ này",
				"Tổ chức tọa đàm với trí thức trẻ của xã " + tag, "Đảng ủy xã kế hoạch A " + tag, "05-KH/ĐU");
		assertThat(plans.carrying(task.id())).anySatisfy(c -> assertThat(c.planId()).isEqualTo(planId));
		assertThat(plans.plan(planId).orElseThrow().tasks().get(0).parentTaskId()).isEqualTo(task.id());
	}
}
