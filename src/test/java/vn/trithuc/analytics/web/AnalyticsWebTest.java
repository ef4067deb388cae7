package vn.trithuc.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** The pages as each role sees them: figures for readers, no people for program managers, nothing for intellectuals. */
@IntegrationTest
class AnalyticsWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	vn.trithuc.registry.internal.Profiles profiles;

	@Test
	void a_leader_reads_the_dashboard_with_charts_and_tables_as_of_a_date() {
		var leader = TestAccounts.loggedIn(port, administration, "analytics.leader", Role.LEADER);
		var page = leader.get("/analytics/dashboard?asOf=31/12/2024");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Thống kê đội ngũ trí thức", "value=\"31/12/2024\"", "Độ tuổi", "Giới tính",
				"Trình độ", "Đảng viên");
		assertThat(page.body()).doesNotContain("style=\"", "style='", "<style");
		var invalid = leader.get("/analytics/dashboard?asOf=31-12-2024");
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("Ngày không hợp lệ");
		assertThat(leader.get("/").body()).contains("Thống kê");
	}

	@Test
	void the_pivot_exports_the_same_table_and_program_managers_get_no_people() throws Exception {
		var id = profiles.registerAnyway(new vn.trithuc.registry.internal.PersonData("Touneh", "", "Gới", null,
				vn.trithuc.registry.Sex.MALE, java.time.LocalDate.of(1979, 2, 2), null, "34", null, null, null, null, null, null,
				null, null), "test");
		profiles.addPart(id, 1, vn.trithuc.registry.internal.PartKind.DEGREE, java.time.LocalDate.of(2001, 7, 1), null,
				java.util.Map.of("level", "DAI_HOC"), "test");
		var manager = TestAccounts.loggedIn(port, administration, "analytics.manager", Role.PROGRAM_MANAGER);
		var pivot = manager.get("/analytics/pivot?rows=AGE_BAND&columns=SEX&measure=share");
		assertThat(pivot.status()).isEqualTo(200);
		assertThat(pivot.body()).contains("id=\"pivot-table\"").doesNotContain("cell-link");
		assertThat(manager.get("/analytics/people?rows=SEX&rowValue=FEMALE").status()).isEqualTo(403);
		var xlsx = manager.getBytes("/analytics/pivot.xlsx?rows=AGE_BAND&columns=SEX");
		var rows = new ArrayList<List<String>>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			workbook.getFirstSheet().openStream().forEach(r -> {
				var cells = new ArrayList<String>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCellText(c));
				}
				rows.add(cells);
			});
		}
		assertThat(rows.get(0).get(0)).startsWith("Bảng chéo");
		assertThat(rows.stream().map(r -> r.isEmpty() ? "" : r.get(0))).contains("Độ tuổi", "Tổng");

		var intellectual = TestAccounts.loggedIn(port, administration, "analytics.intellectual", Role.INTELLECTUAL);
		assertThat(intellectual.get("/analytics/dashboard").status()).isEqualTo(403);
	}
}
