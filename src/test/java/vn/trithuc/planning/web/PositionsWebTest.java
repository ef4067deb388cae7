package vn.trithuc.planning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.planning.JobPositionCompliance;
import vn.trithuc.planning.PlanningFixtures;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;

/** Job positions with title standards: who meets them, who lacks what, the fostering list and the public share. */
@IntegrationTest
class PositionsWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	JobPositionCompliance compliance;

	@Test
	void standards_met_and_lacking_become_a_fostering_list() throws Exception {
		var office = PlanningFixtures.unit(operations, "Phòng Giáo dục Vị Trí", null);
		var school = PlanningFixtures.unit(operations, "Trường THPT Vị Trí", office);
		var teacher = Map.of("jobPosition", "Giáo viên THPT");
		PlanningFixtures.person(profiles, "Đủ", Sex.FEMALE, LocalDate.of(1985, 1, 1), "DAI_HOC", "14", school, teacher,
				Map.of(PartKind.POLITICAL_THEORY, "TRUNG_CAP", PartKind.IT_LEVEL, "CO_BAN"));
		PlanningFixtures.person(profiles, "Thiếu Lý Luận", Sex.MALE, LocalDate.of(1986, 1, 1), "THAC_SI", "14", school,
				Map.of("jobPosition", "giao vien thpt"), Map.of(PartKind.IT_LEVEL, "NANG_CAO"));
		PlanningFixtures.person(profiles, "Khác Ngành", Sex.FEMALE, LocalDate.of(1987, 1, 1), "THAC_SI", "72", school, teacher,
				Map.of(PartKind.POLITICAL_THEORY, "CAO_CAP", PartKind.IT_LEVEL, "A"));
		PlanningFixtures.person(profiles, "Kế Toán", Sex.FEMALE, LocalDate.of(1988, 1, 1), "DAI_HOC", "34", school,
				Map.of("jobPosition", "Kế toán"), Map.of());

		var officer = TestAccounts.ready(administration, "planning.positions.officer", Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officer).orElseThrow().id(), office, "test");
		var web = TestAccounts.loggedIn(port, administration, officer, Role.UNIT_OFFICER);
		var page = web.get("/planning/positions");
		assertThat(page.body()).contains("Vị trí việc làm", "Chưa có vị trí việc làm nào", "Trường THPT Vị Trí");
		// a date that cannot be read is told beside its field and nothing is stored
		var impossible = web.postForm("/planning/positions", Map.of("orgUnit", school.toString(), "title", "Giáo viên THPT",
				"validFrom", "31/02/2025", "_csrf", WebClientSession.csrfToken(page.body())));
		assertThat(impossible.status()).isEqualTo(302);
		assertThat(web.get("/planning/positions").body()).contains("Chưa có vị trí việc làm nào", "value=\"31/02/2025\"",
				"Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.");
		web.postForm("/planning/positions", Map.of("orgUnit", school.toString(), "title", "Giáo viên THPT", "validFrom", "2025-02-03",
				"_csrf", WebClientSession.csrfToken(page.body())));
		assertThat(web.get("/planning/positions").body()).contains("Chưa có vị trí việc làm nào",
				"Ngày «2025-02-03» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.");
		var saved = web.postForm("/planning/positions", Map.of("orgUnit", school.toString(), "title", "Giáo viên THPT", "degree", "DAI_HOC",
				"fieldOfStudy", "14", "politicalTheory", "TRUNG_CAP", "itLevel", "CO_BAN", "_csrf", WebClientSession.csrfToken(page.body())));
		assertThat(saved.status()).isEqualTo(302);
		var after = web.get("/planning/positions");
		assertThat(after.body()).contains("Giáo viên THPT", "Lý luận chính trị: Trung cấp", "33,3%");

		var share = compliance.asOf(office, LocalDate.now());
		assertThat(share.staff()).isEqualTo(3);
		assertThat(share.meeting()).isEqualTo(1);
		assertThat(compliance.asOf(school, LocalDate.now())).isEqualTo(share);

		var lacking = web.get("/planning/positions/people?lacking=true");
		assertThat(lacking.body()).contains("Kiểm Thử Thiếu Lý Luận", "Kiểm Thử Khác Ngành", "Chưa đạt")
			.doesNotContain("Kiểm Thử Đủ", "Kiểm Thử Kế Toán");
		assertThat(web.get("/planning/positions/people").body()).contains("Kiểm Thử Đủ", "Đáp ứng đủ");

		var rows = vn.trithuc.ScopedReads.xlsxRows(web.getBytes("/planning/positions/fostering.xlsx"));
		assertThat(rows.get(0).get(0)).startsWith("Danh sách đề xuất bồi dưỡng");
		var lines = rows.stream().filter(r -> r.size() >= 6 && r.get(1).startsWith("Kiểm Thử")).map(r -> r.get(1) + " | " + r.get(4) + " | " + r.get(5)).toList();
		assertThat(lines).containsExactlyInAnyOrder("Kiểm Thử Thiếu Lý Luận | Lý luận chính trị | Trung cấp",
				"Kiểm Thử Khác Ngành | Trình độ chuyên môn | Đại học, ngành Khoa học giáo dục và đào tạo giáo viên",
				"Kiểm Thử Khác Ngành | Tin học | Kỹ năng sử dụng công nghệ thông tin cơ bản");

		// a leader reads but cannot change; a program manager sees no people
		var leader = TestAccounts.loggedIn(port, administration, "planning.positions.leader", Role.LEADER);
		assertThat(leader.get("/planning/positions").body()).contains("Giáo viên THPT").doesNotContain("id=\"save-position\"");
		var manager = TestAccounts.loggedIn(port, administration, "planning.positions.manager", Role.PROGRAM_MANAGER);
		assertThat(manager.get("/planning/positions/people").status()).isEqualTo(403);
		assertThat(manager.get("/planning/positions/fostering.xlsx").status()).isEqualTo(403);
	}
}
