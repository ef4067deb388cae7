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
import vn.trithuc.planning.PlanningFixtures;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Profiles;

/** The planning pages over real HTTP, as each role sees them. */
@IntegrationTest
class PlanningWebTest {

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

	@Test
	void retirements_by_unit_with_drill_down_override_and_export_in_scope_only() throws Exception {
		var school = PlanningFixtures.unit(operations, "Trường Dự Báo A", null);
		var other = PlanningFixtures.unit(operations, "Trường Dự Báo B", null);
		var inScope = PlanningFixtures.person(profiles, "Dự Báo", Sex.MALE, LocalDate.of(1966, 1, 1), "THAC_SI", "14", school, Map.of());
		var outside = PlanningFixtures.person(profiles, "Ngoài Phạm Vi", Sex.MALE, LocalDate.of(1966, 2, 1), "THAC_SI", "14", other, Map.of());

		var officer = TestAccounts.ready(administration, "planning.officer", Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officer).orElseThrow().id(), school, "test");
		var web = TestAccounts.loggedIn(port, administration, officer, Role.UNIT_OFFICER);
		var page = web.get("/planning/retirements?by=UNIT");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Dự báo nghỉ hưu", "Trường Dự Báo A", "id=\"retirement-table\"", "<svg")
			.doesNotContain("Trường Dự Báo B", "style=\"");
		// born 1/1/1966: 61y9m reached 1/10/2027, retires 1/11/2027
		var people = web.get("/planning/retirements/people?by=UNIT&value=" + school + "&year=2027");
		assertThat(people.body()).contains("Kiểm Thử Dự Báo", "01/11/2027").doesNotContain("Ngoài Phạm Vi");
		assertThat(web.get("/planning/retirements/people/" + outside).status()).isEqualTo(404);

		var form = web.get("/planning/retirements/people/" + inScope);
		assertThat(form.status()).isEqualTo(200);
		var saved = web.postForm("/planning/retirements/people/" + inScope, Map.of("extensionMonths", "12", "reason",
				"Kéo dài theo nhu cầu đơn vị", "_csrf", WebClientSession.csrfToken(form.body())));
		assertThat(saved.status()).isEqualTo(302);
		var after = web.get("/planning/retirements/people/" + inScope);
		assertThat(after.body()).contains("01/11/2028", "Kéo dài theo nhu cầu đơn vị", "Kéo dài 12 tháng", "Đã lưu điều chỉnh");
		var refused = web.postForm("/planning/retirements/people/" + inScope, Map.of("plannedDate", "31/02/2030", "reason", "x", "version", "0",
				"_csrf", WebClientSession.csrfToken(after.body())));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(web.get("/planning/retirements/people/" + inScope).body()).contains("id=\"plannedDate-error\"",
				"Ngày 31/02/2030 không có trên lịch: tháng 02/2030 chỉ có 28 ngày.", "value=\"31/02/2030\"",
				"<dd id=\"retirement-date\">01/11/2028</dd>");
		for (var wrong : new String[] { "2030-02-03", "abc" }) {
			assertThat(web.postForm("/planning/retirements/people/" + inScope, Map.of("plannedDate", wrong, "reason", "x",
					"version", "0", "_csrf", WebClientSession.csrfToken(after.body()))).status()).isEqualTo(302);
			assertThat(web.get("/planning/retirements/people/" + inScope).body())
				.contains("Ngày «" + wrong + "» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.")
				.contains("<dd id=\"retirement-date\">01/11/2028</dd>");
		}
		assertThat(web.postForm("/planning/retirements/people/" + outside, Map.of("extensionMonths", "12", "reason", "x",
				"_csrf", WebClientSession.csrfToken(after.body()))).status()).isEqualTo(404);

		var rows = vn.trithuc.ScopedReads.xlsxRows(web.getBytes("/planning/retirements.xlsx?by=UNIT"));
		assertThat(rows.get(0).get(0)).startsWith("Dự báo nghỉ hưu");
		assertThat(rows.stream().filter(r -> !r.isEmpty()).map(r -> r.get(0))).contains("Trường Dự Báo A", "Tổng")
			.doesNotContain("Trường Dự Báo B");

		var manager = TestAccounts.loggedIn(port, administration, "planning.manager", Role.PROGRAM_MANAGER);
		assertThat(manager.get("/planning/retirements?by=DEGREE").body()).contains("Dự báo nghỉ hưu", "Thạc sĩ").doesNotContain("cell-link");
		assertThat(manager.get("/planning/retirements/people?by=DEGREE&value=THAC_SI").status()).isEqualTo(403);
		var intellectual = TestAccounts.loggedIn(port, administration, "planning.intellectual", Role.INTELLECTUAL);
		assertThat(intellectual.get("/planning/retirements").status()).isEqualTo(403);
	}

	@Test
	void the_forecast_table_is_paged_by_fifty_rows_with_totals_and_exports_over_every_row() throws Exception {
		var office = PlanningFixtures.unit(operations, "Phòng Trang Dự Báo", null);
		for (int i = 1; i <= 55; i++) {
			var school = PlanningFixtures.unit(operations, "Trường Trang %02d".formatted(i), office);
			PlanningFixtures.person(profiles, "Trang " + i, Sex.MALE, LocalDate.of(1966, 1, 1), "DAI_HOC", "14", school, Map.of());
		}
		var officer = TestAccounts.ready(administration, "planning.paging.officer", Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officer).orElseThrow().id(), office, "test");
		var web = TestAccounts.loggedIn(port, administration, officer, Role.UNIT_OFFICER);

		var first = web.get("/planning/retirements?by=UNIT");
		assertThat(rowsOf(first.body())).isEqualTo(50);
		assertThat(first.body()).contains("Trường Trang 01", "Trường Trang 50", "Trang 1/2 · 55 kết quả",
				"id=\"figure-retiring\">55<").doesNotContain("Trường Trang 51");
		assertThat(footer(first.body())).endsWith(">55</td>");

		var second = web.get("/planning/retirements?by=UNIT&page=1");
		assertThat(rowsOf(second.body())).isEqualTo(5);
		assertThat(second.body()).contains("Trường Trang 51", "Trường Trang 55", "Trang 2/2 · 55 kết quả", "id=\"figure-retiring\">55<")
			.doesNotContain("Trường Trang 50");
		assertThat(footer(second.body())).isEqualTo(footer(first.body()));
		// a page past the end shows the last one; a negative one the first
		assertThat(rowsOf(web.get("/planning/retirements?by=UNIT&page=9").body())).isEqualTo(5);
		assertThat(rowsOf(web.get("/planning/retirements?by=UNIT&page=-3").body())).isEqualTo(50);

		var rows = vn.trithuc.ScopedReads.xlsxRows(web.getBytes("/planning/retirements.xlsx?by=UNIT"));
		assertThat(rows.stream().filter(r -> !r.isEmpty() && r.get(0).startsWith("Trường Trang "))).hasSize(55);
	}

	private static int rowsOf(String page) {
		var tbody = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
		return tbody.split("<tr ", -1).length - 1;
	}

	private static String footer(String page) {
		return page.substring(page.indexOf("<tfoot>"), page.indexOf("</tfoot>")).replaceAll("\\s+", "").replace("</tr>", "");
	}
}
