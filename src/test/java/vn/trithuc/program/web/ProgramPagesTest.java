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
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.Programs;

/** The program pages and API over HTTP, as the roles see them. */
@IntegrationTest
class ProgramPagesTest {

	private static final Pattern TASK = Pattern.compile("class=\"doc-item task\"");
	private static final Pattern TASK_GROUP = Pattern.compile("class=\"doc-section task-group\"");

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Programs programs;

	@Test
	void a_program_manager_loads_the_seed_and_sees_the_party_header_with_unknown_parts() {
		var web = TestAccounts.loggedIn(port, administration, "program.lan", Role.PROGRAM_MANAGER);
		var list = web.get("/program/programs");
		assertThat(list.status()).isEqualTo(200);
		var imported = web.postForm("/program/programs/import-seed", Map.of("_csrf", WebClientSession.csrfToken(list.body())));
		assertThat(imported.status()).isEqualTo(302);
		var id = programs.seedProgram().orElseThrow();
		assertThat(imported.header("Location")).endsWith("/program/programs/" + id);

		// as issued (other tests amend the shared program from 2025 on)
		var page = web.get("/program/programs/" + id + "?asOf=31/12/2024").body();
		assertThat(page).contains("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "HUYỆN ỦY ĐAM RÔNG", "ĐẢNG CỘNG SẢN VIỆT NAM",
				"Số … -CTr/HU", "chưa rõ số", "Đam Rông, ngày … tháng 3 năm 2024", "chưa rõ ngày",
				"CHƯƠNG TRÌNH HÀNH ĐỘNG");
		assertThat(page).contains("Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII",
				"Kế hoạch số 20-KH/TW", "Chương trình số 77-CTr/TU, ngày 06/03/2024 của Tỉnh ủy Lâm Đồng");
		assertThat(TASK.matcher(page).results().count()).isEqualTo(22);
		assertThat(TASK_GROUP.matcher(page).results().count()).isEqualTo(5);
		assertThat(page).contains("Nhóm nhiệm vụ 1: Nâng cao nhận thức về vị trí, vai trò của đội ngũ trí thức",
				"Nhóm nhiệm vụ 5: Vai trò, trách nhiệm của đội ngũ trí thức và các hội trí thức");
		assertThat(page).contains("III.3.4", "2711/QĐ-TTg", "Lưu Văn phòng Huyện ủy.");
		assertThat(page).contains("Chủ trì; theo dõi, đôn đốc, kiểm tra; tham mưu sơ kết, tổng kết");

		var list2 = web.get("/program/programs").body();
		assertThat(list2).contains("Huyện ủy Đam Rông", "…/03/2024", "24/11/2023", "Văn bản cấp trên");
	}

	@Test
	void amending_through_the_page_keeps_the_old_text_and_refuses_a_stale_form() {
		var id = programs.importSeedProgram("test");
		var item = programs.find(id, null).orElseThrow().items(ItemKind.REQUIREMENT).get(2);
		var web = TestAccounts.loggedIn(port, administration, "program.amend", Role.PROGRAM_MANAGER);
		var form = web.get("/program/programs/" + id + "/items/" + item.id());
		assertThat(form.status()).isEqualTo(200);
		var csrf = WebClientSession.csrfToken(form.body());
		var fields = Map.of("_csrf", csrf, "version", String.valueOf(item.version()), "text", item.text() + " (sửa đổi)",
				"validFrom", "01/01/2026", "decisionNumber", "20-QĐ/HU", "reason", "Cập nhật theo Nghị quyết 57-NQ/TW");
		var saved = web.postForm("/program/programs/" + id + "/items/" + item.id(), fields);
		assertThat(saved.status()).isEqualTo(302);
		var stale = web.postForm("/program/programs/" + id + "/items/" + item.id(), fields);
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("Nội dung này vừa được người khác sửa đổi.");

		assertThat(web.get("/program/programs/" + id + "?asOf=31/12/2025").body()).contains(item.text() + "<")
			.contains("Đang xem nội dung có hiệu lực tại ngày 31/12/2025.");
		assertThat(web.get("/program/programs/" + id).body()).contains(item.text() + " (sửa đổi)",
				"Đã sửa đổi theo 20-QĐ/HU, từ ngày 01/01/2026");
		var invalid = web.postForm("/program/programs/" + id + "/items/" + item.id(), Map.of("_csrf", csrf,
				"version", "99", "text", "x", "validFrom", "2026-01-01", "decisionNumber", "", "reason", ""));
		assertThat(invalid.body()).contains("Vui lòng nhập đủ nội dung mới");
	}

	@Test
	void readers_read_writers_write_intellectuals_see_nothing() {
		var id = programs.importSeedProgram("test");
		var leader = TestAccounts.loggedIn(port, administration, "program.leader", Role.LEADER);
		assertThat(leader.get("/program/programs/" + id).status()).isEqualTo(200);
		assertThat(leader.get("/program/programs").body()).doesNotContain("import-seed");
		var home = leader.get("/").body();
		assertThat(home).contains("Chương trình hành động");
		var intellectual = TestAccounts.loggedIn(port, administration, "program.huong", Role.INTELLECTUAL);
		assertThat(intellectual.get("/program/programs/" + id).status()).isEqualTo(403);
		assertThat(intellectual.get("/").body()).doesNotContain("Chương trình hành động");
		assertThat(leader.get("/program/programs/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void the_api_gives_the_program_as_json() {
		var id = programs.importSeedProgram("test");
		var officer = TestAccounts.loggedIn(port, administration, "program.unit", Role.UNIT_OFFICER);
		var json = officer.get("/api/v1/program/programs/" + id, "Accept", "application/json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.header("Content-Type")).startsWith("application/json");
		assertThat(json.body()).contains("\"numberSuffix\":\"CTr/HU\"", "\"number\":null",
				"\"issued\":{\"year\":2024,\"month\":3,\"day\":null}", "\"taskGroup\":\"AWARENESS\"",
				"\"sourceDocument\":\"2711/QĐ-TTg\"");
		assertThat(officer.get("/api/v1/program/programs/" + UUID.randomUUID(), "Accept", "application/json").status())
			.isEqualTo(404);
	}

	@Test
	void every_page_under_the_program_leads_back_through_the_program_list_and_the_program_named_as_its_page_names_it() {
		var program = programs.importSeedProgram("test");
		var web = TestAccounts.loggedIn(port, administration, "program.crumbs", Role.PROGRAM_MANAGER);
		var crumbs = Pattern.compile("<ol class=\"breadcrumb\">(.*?)</ol>", Pattern.DOTALL);
		for (var page : java.util.List.of("reporting", "completeness", "inspections", "dissemination", "plans")) {
			var body = web.get("/program/programs/" + program + "/" + page).body();
			var matcher = crumbs.matcher(body);
			assertThat(matcher.find()).as(page).isTrue();
			var trail = matcher.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
			assertThat(trail).as(page).startsWith("Trang chủ Chương trình hành động Số … -CTr/HU ");
		}
	}
}
