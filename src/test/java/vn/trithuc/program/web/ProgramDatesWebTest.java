package vn.trithuc.program.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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
import vn.trithuc.program.Disseminations;
import vn.trithuc.program.Indicators;
import vn.trithuc.program.Inspections;
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.program.UnitPlans;
import vn.trithuc.program.UnitReports;

/**
 * Every date typed into a program page, form or query, is read by the one parser: a day the calendar lacks and a
 * date in another form are each told beside their field in Vietnamese, what was typed stays in the field, and nothing
 * is stored.
 */
@IntegrationTest
class ProgramDatesWebTest {

	static final String NO_SUCH_DAY = "Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày. Kiểm tra lại ngày và tháng.";

	static String wrongForm(String typed) {
		return "Ngày «" + typed + "» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.";
	}

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	Indicators indicators;
	@Autowired
	Inspections inspections;
	@Autowired
	Disseminations disseminations;
	@Autowired
	UnitPlans plans;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	@Test
	void the_program_as_of_a_date_and_an_amendment() {
		var program = programs.importSeedProgram("test");
		var web = TestAccounts.loggedIn(port, administration, "dates.program", Role.PROGRAM_MANAGER);
		var impossible = web.get("/program/programs/" + program + "?asOf=31/02/2025");
		assertThat(impossible.status()).isEqualTo(200);
		assertThat(impossible.body()).contains("id=\"asOf-error\"", NO_SUCH_DAY, "Đang hiện nội dung mới nhất.",
				"value=\"31/02/2025\"");
		var iso = web.get("/program/programs/" + program + "?asOf=2025-02-03");
		assertThat(iso.status()).isEqualTo(200);
		assertThat(iso.body()).contains(wrongForm("2025-02-03"));

		var item = programs.find(program, null).orElseThrow().items(ItemKind.REQUIREMENT).get(1);
		int revisions = programs.history(program, item.id()).size();
		var form = web.get("/program/programs/" + program + "/items/" + item.id());
		var fields = new HashMap<>(Map.of("_csrf", WebClientSession.csrfToken(form.body()), "version",
				String.valueOf(item.version()), "text", item.text() + " (sửa ngày)", "validFrom", "31/02/2025",
				"decisionNumber", "21-QĐ/HU", "reason", "Thử ngày"));
		var refused = web.postForm("/program/programs/" + program + "/items/" + item.id(), fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"validFrom-error\"", NO_SUCH_DAY, "value=\"31/02/2025\"")
			.doesNotContain("Vui lòng nhập đủ nội dung mới");
		fields.put("validFrom", "abc");
		assertThat(web.postForm("/program/programs/" + program + "/items/" + item.id(), fields).body())
			.contains(wrongForm("abc"));
		assertThat(programs.history(program, item.id())).as("nothing amended").hasSize(revisions);
		assertThat(programs.find(program, null).orElseThrow().items(ItemKind.REQUIREMENT).get(1).text()).isEqualTo(item.text());
	}

	@Test
	void a_reporting_period_and_a_target() {
		var program = programs.importSeedProgram("test");
		var web = TestAccounts.loggedIn(port, administration, "dates.reporting", Role.PROGRAM_MANAGER);
		var page = web.get("/program/programs/" + program + "/reporting");
		var csrf = WebClientSession.csrfToken(page.body());
		int periods = reports.completeness(program).periods().size();
		var refused = web.postForm("/program/programs/" + program + "/periods", Map.of("_csrf", csrf, "kind", "AD_HOC",
				"name", "Đột xuất " + tag, "opensOn", "31/02/2025", "cutoffFrom", "2025-02-03", "cutoffTo", "abc",
				"deadline", "15/03/2025"));
		assertThat(refused.status()).isEqualTo(302);
		var after = web.get("/program/programs/" + program + "/reporting").body();
		assertThat(after).contains("id=\"opensOn-error\"", NO_SUCH_DAY, "id=\"cutoffFrom-error\"", wrongForm("2025-02-03"),
				"id=\"cutoffTo-error\"", wrongForm("abc"), "value=\"Đột xuất " + tag + "\"", "value=\"15/03/2025\"")
			.doesNotContain("id=\"deadline-error\"", "Chưa mở được kỳ báo cáo");
		assertThat(reports.completeness(program).periods()).as("no period opened").hasSize(periods);

		int targets = indicators.unitTargets(program).size();
		var indicator = indicators.indicators().stream().filter(i -> !i.computed()).findFirst().orElseThrow();
		web.postForm("/program/programs/" + program + "/targets", Map.of("_csrf", csrf, "indicator", indicator.code(),
				"comparator", ">=", "value", "12", "year", "2030", "source", "77-CTr/TU", "sourceDate", "31/02/2025"));
		assertThat(web.get("/program/programs/" + program + "/reporting").body())
			.contains("id=\"targetSourceDate-error\"", NO_SUCH_DAY, "value=\"77-CTr/TU\"");
		web.postForm("/program/programs/" + program + "/targets", Map.of("_csrf", csrf, "indicator", indicator.code(),
				"comparator", ">=", "value", "12", "year", "2030", "source", "77-CTr/TU", "sourceDate", "2025-02-03"));
		assertThat(web.get("/program/programs/" + program + "/reporting").body()).contains(wrongForm("2025-02-03"));
		assertThat(indicators.unitTargets(program)).as("no target set").hasSize(targets);
	}

	@Test
	void inspections_recommendations_and_dissemination() {
		var program = programs.importSeedProgram("test");
		var unit = unit(program, "Chi bộ ngày kiểm tra ");
		var web = TestAccounts.loggedIn(port, administration, "dates.followup", Role.PROGRAM_MANAGER);
		var list = web.get("/program/programs/" + program + "/inspections");
		var csrf = WebClientSession.csrfToken(list.body());
		int planned = inspections.inspections(program).size();
		var refused = web.postForm("/program/programs/" + program + "/inspections",
				Map.of("_csrf", csrf, "unitId", unit.toString(), "kind", "SUPERVISION", "plannedOn", "31/02/2025"));
		assertThat(refused.header("Location")).endsWith("/program/programs/" + program + "/inspections");
		assertThat(web.get("/program/programs/" + program + "/inspections").body()).contains("id=\"plannedOn-error\"",
				NO_SUCH_DAY);
		web.postForm("/program/programs/" + program + "/inspections",
				Map.of("_csrf", csrf, "unitId", unit.toString(), "kind", "SUPERVISION", "plannedOn", "abc"));
		assertThat(web.get("/program/programs/" + program + "/inspections").body()).contains(wrongForm("abc"));
		assertThat(inspections.inspections(program)).as("nothing planned").hasSize(planned);

		var inspection = inspections.plan(program, unit, Inspections.Kind.SUPERVISION, LocalDate.of(2025, 3, 1), "test");
		var path = "/program/inspections/" + inspection;
		web.postForm(path, Map.of("_csrf", csrf, "heldOn", "31/02/2025", "findings", "Phát hiện " + tag));
		assertThat(web.get(path).body()).contains("id=\"heldOn-error\"", NO_SUCH_DAY, "Phát hiện " + tag);
		web.postForm(path, Map.of("_csrf", csrf, "heldOn", "2025-02-03", "findings", "Phát hiện " + tag));
		assertThat(web.get(path).body()).contains(wrongForm("2025-02-03"));
		web.postForm(path + "/recommendations", Map.of("_csrf", csrf, "text", "Khắc phục " + tag, "dueOn", "31/02/2025"));
		assertThat(web.get(path).body()).contains("id=\"dueOn-error\"", NO_SUCH_DAY, "Khắc phục " + tag);
		web.postForm(path + "/recommendations", Map.of("_csrf", csrf, "text", "Khắc phục " + tag, "dueOn", "abc"));
		assertThat(web.get(path).body()).contains(wrongForm("abc"));
		var stored = inspections.inspection(inspection).orElseThrow();
		assertThat(stored.heldOn()).as("nothing recorded").isNull();
		assertThat(stored.findings()).isNull();
		assertThat(stored.recommendations()).isEmpty();

		var range = web.get("/program/programs/" + program + "/dissemination?from=31/02/2025&to=2025-02-03");
		assertThat(range.status()).isEqualTo(200);
		assertThat(range.body()).contains("id=\"from-error\"", NO_SUCH_DAY, "id=\"to-error\"", wrongForm("2025-02-03"),
				"value=\"31/02/2025\"");
		int sessions = disseminations.sessions(program).size();
		web.postForm("/program/programs/" + program + "/dissemination", Map.of("_csrf", csrf, "unitId", unit.toString(),
				"title", "Quán triệt " + tag, "heldOn", "31/02/2025", "form", "ONLINE", "participants.INTELLECTUALS", "7"));
		assertThat(web.get("/program/programs/" + program + "/dissemination").body()).contains("id=\"heldOn-error\"",
				NO_SUCH_DAY, "value=\"Quán triệt " + tag + "\"", "value=\"7\"");
		web.postForm("/program/programs/" + program + "/dissemination", Map.of("_csrf", csrf, "unitId", unit.toString(),
				"title", "Quán triệt " + tag, "heldOn", "abc", "form", "ONLINE"));
		assertThat(web.get("/program/programs/" + program + "/dissemination").body()).contains(wrongForm("abc"));
		assertThat(disseminations.sessions(program)).as("no session recorded").hasSize(sessions);
	}

	@Test
	void a_plan_and_its_task() {
		var program = programs.importSeedProgram("test");
		var unit = unit(program, "Đảng ủy xã ngày kế hoạch ");
		var web = TestAccounts.loggedIn(port, administration, "dates.plans", Role.PROGRAM_MANAGER);
		var page = web.get("/program/programs/" + program + "/plans");
		var csrf = WebClientSession.csrfToken(page.body());
		int before = plans.plans(program).size();
		web.postForm("/program/programs/" + program + "/plans", Map.of("_csrf", csrf, "unit", unit.toString(),
				"title", "Kế hoạch " + tag, "issuedOn", "31/02/2025"));
		assertThat(web.get("/program/programs/" + program + "/plans").body()).contains("id=\"planIssuedOn-error\"",
				NO_SUCH_DAY, "value=\"Kế hoạch " + tag + "\"");
		web.postForm("/program/programs/" + program + "/plans", Map.of("_csrf", csrf, "unit", unit.toString(),
				"title", "Kế hoạch " + tag, "issuedOn", "2025-02-03"));
		assertThat(web.get("/program/programs/" + program + "/plans").body()).contains(wrongForm("2025-02-03"));
		assertThat(plans.plans(program)).as("no plan made").hasSize(before);

		var plan = plans.create(program, unit, null, "Kế hoạch " + tag, null, "test");
		var task = programs.find(program, null).orElseThrow().items(ItemKind.TASK).get(0);
		web.postForm("/program/plans/" + plan + "/tasks", Map.of("_csrf", csrf, "parent", task.id().toString(),
				"text", "Nhiệm vụ " + tag, "dueOn", "31/02/2025"));
		assertThat(web.get("/program/plans/" + plan).body()).contains("id=\"planTaskDue-error\"", NO_SUCH_DAY,
				"Nhiệm vụ " + tag);
		web.postForm("/program/plans/" + plan + "/tasks", Map.of("_csrf", csrf, "parent", task.id().toString(),
				"text", "Nhiệm vụ " + tag, "dueOn", "abc"));
		assertThat(web.get("/program/plans/" + plan).body()).contains(wrongForm("abc"));
		assertThat(plans.plan(plan).orElseThrow().tasks()).as("no task added").isEmpty();
	}

	private UUID unit(ProgramId program, String name) {
		var orgUnit = ReportingUnitsFixtures.partyCommittee(operations, name + tag);
		return reports.addUnit(program, name + tag, orgUnit);
	}
}
