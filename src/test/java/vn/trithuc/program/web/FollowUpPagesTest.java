package vn.trithuc.program.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.Inspections;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitReports;

/** Inspections and dissemination over HTTP, as the commission and a unit use them. */
@IntegrationTest
class FollowUpPagesTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	Inspections inspections;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;
	@Autowired
	vn.trithuc.identity.UserScopes scopes;

	@Test
	void an_inspection_recommendation_is_followed_to_closure_through_the_pages() {
		var program = programs.importSeedProgram("test");
		var unitName = "Chi bộ được kiểm tra " + UUID.randomUUID().toString().substring(0, 6);
		var orgUnit = vn.trithuc.program.ReportingUnitsFixtures.partyCommittee(operations, unitName);
		var unit = reports.addUnit(program, unitName, orgUnit);
		var lan = TestAccounts.loggedIn(port, administration, "followup.lan", Role.PROGRAM_MANAGER);
		var list = lan.get("/program/programs/" + program + "/inspections");
		assertThat(list.status()).isEqualTo(200);
		var csrf = WebClientSession.csrfToken(list.body());
		var planned = lan.postForm("/program/programs/" + program + "/inspections",
				Map.of("_csrf", csrf, "unitId", unit.toString(), "kind", "SUPERVISION", "plannedOn", "10/09/2024"));
		assertThat(planned.status()).isEqualTo(302);
		var path = planned.header("Location").replaceAll("^https?://[^/]+", "");
		lan.postForm(path, Map.of("_csrf", csrf, "heldOn", "12/09/2024", "findings", "Chưa cập nhật danh sách trí thức."));
		lan.postForm(path + "/recommendations", Map.of("_csrf", csrf, "text", "Cập nhật danh sách trí thức.", "dueOn", "31/10/2024"));
		var page = lan.get(path).body();
		assertThat(page).contains("Giám sát tại " + unitName, "Chưa cập nhật danh sách trí thức.", "Chưa khắc phục", "Quá hạn");
		var recommendation = inspections.inspection(UUID.fromString(path.substring(path.lastIndexOf('/') + 1))).orElseThrow()
			.recommendations().get(0);

		// the unit's own officer answers (scoped on the unit)
		vn.trithuc.program.ReportingUnitsFixtures.officerOf(administration, scopes, "followup.hai", orgUnit);
		var hai = TestAccounts.loggedIn(port, administration, "followup.hai", Role.UNIT_OFFICER);
		var unitPage = hai.get(path);
		hai.postForm("/program/recommendations/" + recommendation.id() + "/respond", Map.of("_csrf",
				WebClientSession.csrfToken(unitPage.body()), "version", version(unitPage.body()), "text", "Đã cập nhật 48 người."));
		// a unit officer cannot close it
		assertThat(hai.postForm("/program/recommendations/" + recommendation.id() + "/close", Map.of("_csrf",
				WebClientSession.csrfToken(unitPage.body()), "version", "1", "text", "x")).status()).isEqualTo(403);

		page = lan.get(path).body();
		assertThat(page).contains("Đơn vị đã báo cáo khắc phục", "Đã cập nhật 48 người.");
		lan.postForm("/program/recommendations/" + recommendation.id() + "/close", Map.of("_csrf", csrf, "version",
				version(page), "text", "Đã kiểm tra, đạt."));
		page = lan.get(path).body();
		assertThat(page).contains("Đã đóng kiến nghị.", "Đóng bởi Tài khoản kiểm thử followup.lan (",
				"Tài khoản kiểm thử followup.hai (");
		assertThat(lan.get("/program/programs/" + program + "/inspections").body()).contains(unitName);
	}

	@Test
	void a_unit_records_a_dissemination_session_and_the_coverage_counts_it() {
		var program = programs.importSeedProgram("test");
		var unitName = "Chi bộ quán triệt " + UUID.randomUUID().toString().substring(0, 6);
		var orgUnit = vn.trithuc.program.ReportingUnitsFixtures.partyCommittee(operations, unitName);
		var unit = reports.addUnit(program, unitName, orgUnit);
		vn.trithuc.program.ReportingUnitsFixtures.officerOf(administration, scopes, "followup.hai2", orgUnit);
		var hai = TestAccounts.loggedIn(port, administration, "followup.hai2", Role.UNIT_OFFICER);
		var page = hai.get("/program/programs/" + program + "/dissemination?from=01/01/2030&to=31/12/2030");
		assertThat(page.status()).isEqualTo(200);
		var saved = hai.postForm("/program/programs/" + program + "/dissemination", Map.of("_csrf",
				WebClientSession.csrfToken(page.body()), "unitId", unit.toString(), "title", "Quán triệt Nghị quyết 45-NQ/TW",
				"heldOn", "15/03/2030", "form", "IN_PERSON", "participants.PARTY_MEMBERS", "35", "participants.INTELLECTUALS", "12"));
		assertThat(saved.status()).isEqualTo(302);
		var after = hai.get("/program/programs/" + program + "/dissemination?from=01/03/2030&to=31/03/2030").body();
		assertThat(after).contains("Đã ghi nhận buổi quán triệt, tuyên truyền.", unitName, "Quán triệt Nghị quyết 45-NQ/TW",
				"Trí thức: 12");
		assertThat(after).containsPattern("1/\\d+ đơn vị đã tổ chức \\([0-9,]+%\\); 1 buổi; 47 lượt người tham dự.");
	}

	private static String version(String html) {
		var matcher = VERSION.matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
