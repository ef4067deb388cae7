package vn.trithuc.program.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import vn.trithuc.program.Inspections;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.program.UnitReports;

/** Unit officers see and answer only their units' recommendations and dissemination records. */
@IntegrationTest
class FollowUpScopeTest {

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
	Disseminations disseminations;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;
	@Autowired
	vn.trithuc.identity.UserScopes scopes;

	@Test
	void a_unit_officer_sees_and_answers_only_their_units_recommendations_and_sessions() {
		var program = programs.importSeedProgram("test");
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var orgA = ReportingUnitsFixtures.partyCommittee(operations, "Đảng ủy xã phạm vi A " + tag);
		var orgB = ReportingUnitsFixtures.partyCommittee(operations, "Đảng ủy xã phạm vi B " + tag);
		var unitA = reports.addUnit(program, "Đảng ủy xã phạm vi A " + tag, orgA);
		var unitB = reports.addUnit(program, "Đảng ủy xã phạm vi B " + tag, orgB);
		var inspectionA = inspections.plan(program, unitA, Inspections.Kind.INSPECTION, LocalDate.now(), "lan");
		var recommendationA = inspections.recommend(inspectionA, "Bổ sung kế hoạch tuyên truyền " + tag, LocalDate.now().plusDays(30));
		var inspectionB = inspections.plan(program, unitB, Inspections.Kind.SUPERVISION, LocalDate.now(), "lan");
		var recommendationB = inspections.recommend(inspectionB, "Kiện toàn tổ chức hội trí thức " + tag, LocalDate.now().plusDays(30));
		disseminations.record(program, unitB, LocalDate.now(), Disseminations.Form.IN_PERSON, "Hội nghị quán triệt xã B " + tag,
				Map.of(Disseminations.ParticipantGroup.PARTY_MEMBERS, 40), "lan");
		ReportingUnitsFixtures.officerOf(administration, scopes, "scope.a." + tag, orgA);
		var a = TestAccounts.loggedIn(port, administration, "scope.a." + tag, Role.UNIT_OFFICER);

		var list = a.get("/program/programs/" + program + "/inspections");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Đảng ủy xã phạm vi A " + tag).doesNotContain("Đảng ủy xã phạm vi B " + tag);
		assertThat(a.get("/program/inspections/" + inspectionB).status()).isEqualTo(404);
		var own = a.get("/program/inspections/" + inspectionA);
		assertThat(own.status()).isEqualTo(200);
		var csrf = WebClientSession.csrfToken(own.body());
		assertThat(a.postForm("/program/recommendations/" + recommendationB + "/respond",
				Map.of("_csrf", csrf, "version", "0", "text", "trả lời thay xã khác")).status()).isEqualTo(404);
		assertThat(a.postForm("/program/recommendations/" + recommendationA + "/respond",
				Map.of("_csrf", csrf, "version", "0", "text", "Đã bổ sung kế hoạch.")).status()).isEqualTo(302);
		assertThat(inspections.inspection(inspectionA).orElseThrow().recommendations().get(0).status())
			.isEqualTo(Inspections.RecommendationStatus.RESPONDED);
		assertThat(inspections.inspection(inspectionB).orElseThrow().recommendations().get(0).status())
			.isEqualTo(Inspections.RecommendationStatus.OPEN);

		var page = a.get("/program/programs/" + program + "/dissemination");
		assertThat(page.body()).doesNotContain("Hội nghị quán triệt xã B " + tag);
		var dcsrf = WebClientSession.csrfToken(page.body());
		int before = disseminations.sessions(program).size();
		assertThat(a.postForm("/program/programs/" + program + "/dissemination", Map.of("_csrf", dcsrf, "unitId",
				unitB.toString(), "heldOn", "01/03/2025", "form", "IN_PERSON", "title", "ghi thay xã B",
				"participants.PARTY_MEMBERS", "10")).status()).isEqualTo(302);
		assertThat(disseminations.sessions(program)).hasSize(before);
		assertThat(a.postForm("/program/programs/" + program + "/dissemination", Map.of("_csrf", dcsrf, "unitId",
				unitA.toString(), "heldOn", "01/03/2025", "form", "IN_PERSON", "title", "Hội nghị quán triệt xã A " + tag,
				"participants.PARTY_MEMBERS", "25")).status()).isEqualTo(302);
		assertThat(a.get("/program/programs/" + program + "/dissemination").body()).contains("Hội nghị quán triệt xã A " + tag);

		// the commission still sees everything
		var lan = TestAccounts.loggedIn(port, administration, "scope.lan", Role.PROGRAM_MANAGER);
		assertThat(lan.get("/program/programs/" + program + "/inspections").body()).contains("Đảng ủy xã phạm vi B " + tag);
		assertThat(lan.get("/program/inspections/" + inspectionB).status()).isEqualTo(200);
	}
}
