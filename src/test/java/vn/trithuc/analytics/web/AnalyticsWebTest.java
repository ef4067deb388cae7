package vn.trithuc.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.analytics.internal.StandardTable;
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
	@Autowired
	vn.trithuc.catalog.AdminUnits adminUnits;
	@Autowired
	vn.trithuc.analytics.internal.RemoteAreas remoteAreas;

	@Test
	void a_leader_reads_the_dashboard_with_charts_and_tables_as_of_a_date() {
		var leader = TestAccounts.loggedIn(port, administration, "analytics.leader", Role.LEADER);
		var page = leader.get("/analytics/dashboard?asOf=31/12/2024");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Thống kê đội ngũ trí thức", "value=\"31/12/2024\"", "Độ tuổi", "Giới tính",
				"Trình độ", "Đảng viên");
		assertThat(page.body()).doesNotContain("style=\"", "style='", "<style");
		var impossible = leader.get("/analytics/dashboard?asOf=31/02/2025");
		assertThat(impossible.status()).isEqualTo(200);
		assertThat(impossible.body()).contains("value=\"31/02/2025\"", "is-invalid",
				"Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.", "Đang hiển thị theo ngày hôm nay.");
		for (var path : new String[] { "/analytics/dashboard", "/analytics/pivot", "/analytics/tables", "/analytics/people" }) {
			var wrong = leader.get(path + "?asOf=2025-02-03");
			assertThat(wrong.status()).as(path).isEqualTo(200);
			assertThat(wrong.body()).as(path)
				.contains("Ngày «2025-02-03» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.");
		}
		// a download of a date that cannot be read goes to its page, which says why
		var xlsx = leader.get("/analytics/pivot.xlsx?asOf=abc&rows=SEX");
		assertThat(xlsx.status()).isEqualTo(303);
		assertThat(xlsx.header("Location")).endsWith("/analytics/pivot?asOf=abc&rows=SEX");
		for (var extension : new String[] { "xlsx", "pdf", "docx" }) {
			var table = leader.get("/analytics/tables/" + StandardTable.ALL.get(0).code() + "." + extension + "?asOf=31/02/2025");
			assertThat(table.status()).as(extension).isEqualTo(303);
			assertThat(leader.get(table.header("Location").replaceFirst("^http://[^/]+", "")).body()).as(extension)
				.contains("Ngày 31/02/2025 không có trên lịch");
		}
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
		var rows = vn.trithuc.ScopedReads.xlsxRows(xlsx);
		assertThat(rows.get(0).get(0)).startsWith("Bảng chéo");
		assertThat(rows.stream().map(r -> r.isEmpty() ? "" : r.get(0))).contains("Độ tuổi", "Tổng");

		var intellectual = TestAccounts.loggedIn(port, administration, "analytics.intellectual", Role.INTELLECTUAL);
		assertThat(intellectual.get("/analytics/dashboard").status()).isEqualTo(403);
	}

	@Test
	void trends_and_standard_tables_with_the_same_chart_in_xlsx_pdf_and_docx() throws Exception {
		var id = profiles.registerAnyway(new vn.trithuc.registry.internal.PersonData("Ka", "", "Sương", null,
				vn.trithuc.registry.Sex.FEMALE, java.time.LocalDate.of(1990, 4, 4), null, "15", null, null, null, null, null, null,
				null, null), "test");
		profiles.addPart(id, 1, vn.trithuc.registry.internal.PartKind.DEGREE, java.time.LocalDate.of(2012, 7, 1), null,
				java.util.Map.of("level", "THAC_SI"), "test");
		var hr = TestAccounts.loggedIn(port, administration, "analytics.tables", Role.HR_OFFICER);
		var trends = hr.get("/analytics/trends?dimension=SEX&years=3");
		assertThat(trends.status()).isEqualTo(200);
		assertThat(trends.body()).contains("Xu hướng qua các năm", "id=\"trend-table\"", "class=\"chart\"", "Nữ")
			.doesNotContain("style=\"");
		assertThat(hr.get("/analytics/trends?dimension=NOPE&years=abc").status()).isEqualTo(200);

		var list = hr.get("/analytics/tables");
		assertThat(list.body()).contains("Biểu 01: Cơ cấu trình độ theo cơ quan, đơn vị", "/analytics/tables/bieu-02");
		var page = hr.get("/analytics/tables/bieu-02");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Biểu 02: Cơ cấu độ tuổi theo giới tính", "id=\"pivot-table\"", "class=\"chart\"");
		assertThat(hr.get("/analytics/tables/bieu-99").status()).isEqualTo(404);
		var screenTotal = java.util.regex.Pattern.compile("<tfoot>.*?<td class=\"num fw-bold\">([0-9.]+)</td>\\s*</tr></tfoot>",
				java.util.regex.Pattern.DOTALL).matcher(page.body());
		assertThat(screenTotal.find()).isTrue();
		long total = Long.parseLong(screenTotal.group(1).replace(".", ""));

		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
				hr.getBytes("/analytics/tables/bieu-02.xlsx")))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Biểu 02: Cơ cấu độ tuổi theo giới tính");
			var last = sheet.getRow(sheet.getLastRowNum());
			assertThat(last.getCell(0).getStringCellValue()).isEqualTo("Tổng");
			assertThat((long) last.getCell(last.getLastCellNum() - 1).getNumericCellValue()).isEqualTo(total);
			assertThat(workbook.getAllPictures()).hasSize(1);
		}
		var pdf = hr.getBytes("/analytics/tables/bieu-02.pdf");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			var text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Biểu 02: Cơ cấu độ tuổi theo giới tính", "Tổng", new vn.trithuc.shared.Formats().number(total));
		}
		try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(
				hr.getBytes("/analytics/tables/bieu-02.docx")))) {
			var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx).getText();
			assertThat(text).contains("Biểu 02: Cơ cấu độ tuổi theo giới tính");
			assertThat(docx.getAllPictures()).hasSize(1);
		}
	}

	@Test
	void a_comparison_across_the_2025_reorganisation_says_what_each_new_commune_took_in() {
		var dungKNo = adminUnits.findByCode("24850", vn.trithuc.catalog.AdminUnitLevel.COMMUNE, java.time.LocalDate.of(2024, 12, 31))
			.orElseThrow().id().value();
		var id = profiles.registerAnyway(new vn.trithuc.registry.internal.PersonData("Liêng Hót", "", "Ha Lan", null,
				vn.trithuc.registry.Sex.FEMALE, java.time.LocalDate.of(1985, 1, 9), null, "15", null, null, null, null, dungKNo, null,
				null, null), "test");
		profiles.addPart(id, 1, vn.trithuc.registry.internal.PartKind.DEGREE, java.time.LocalDate.of(2008, 7, 1), null,
				java.util.Map.of("level", "DAI_HOC"), "test");
		var leader = TestAccounts.loggedIn(port, administration, "analytics.boundaries", Role.LEADER);
		var now = leader.get("/analytics/dashboard?asOf=31/12/2024&boundaries=current");
		assertThat(now.body()).contains("Lưu ý khi so sánh", "Đam Rông 4", "Lạc Dương");
		var then = leader.get("/analytics/dashboard?asOf=31/12/2024&boundaries=asOf");
		assertThat(then.body()).doesNotContain("Lưu ý khi so sánh");
		var trend = leader.get("/analytics/trends?dimension=AREA&years=3&boundaries=current");
		assertThat(trend.body()).contains("Lưu ý khi so sánh", "Lạc Dương");
	}

	@Test
	void remote_area_lists_refuse_bad_input_in_vietnamese_and_only_administrators_and_hr_officers_keep_them() {
		var hr = TestAccounts.loggedIn(port, administration, "analytics.remote", Role.HR_OFFICER);
		var page = hr.get("/analytics/remote-areas");
		assertThat(page.status()).isEqualTo(200);
		var token = vn.trithuc.WebClientSession.csrfToken(page.body());
		var listed = remoteAreas.all().size();
		var refused = hr.postForm("/analytics/remote-areas", java.util.Map.of("_csrf", token, "code", "99999",
				"validFrom", "01-01-2021", "validTo", "31/02/2025", "decision", ""));
		assertThat(refused.status()).isEqualTo(302);
		var after = hr.get("/analytics/remote-areas");
		assertThat(after.body()).contains("id=\"validFrom-error\"",
				"Ngày «01-01-2021» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.", "id=\"validTo-error\"",
				"Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.", "value=\"31/02/2025\"",
				"Nhập số quyết định");
		hr.postForm("/analytics/remote-areas", java.util.Map.of("_csrf", token, "code", "24877", "validFrom", "abc",
				"decision", "861/QĐ-TTg"));
		assertThat(hr.get("/analytics/remote-areas").body()).contains("Ngày «abc» chưa đúng dạng.");
		assertThat(remoteAreas.all()).as("nothing stored").hasSize(listed);
		var unknown = hr.postForm("/analytics/remote-areas", java.util.Map.of("_csrf", token, "code", "99999",
				"validFrom", "01/01/2021", "decision", "861/QĐ-TTg"));
		assertThat(unknown.status()).isEqualTo(302);
		assertThat(hr.get("/analytics/remote-areas").body()).contains("Không có xã, phường nào mang mã này");
		var leader = TestAccounts.loggedIn(port, administration, "analytics.remote.leader", Role.LEADER);
		assertThat(leader.get("/analytics/remote-areas").status()).isEqualTo(403);
	}
}
