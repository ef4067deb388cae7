package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.RegistryFixtures;

/** The import over HTTP: upload, the on-screen report, and the downloadable error report read back. */
@IntegrationTest
class ImportWebTest {

	private static final Pattern JOB = Pattern.compile("/registry/import/([0-9a-f-]{36})$");

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	vn.trithuc.identity.UserScopes scopes;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;

	@Test
	void an_import_job_is_bound_to_its_uploaders_scope() {
		var run = RegistryFixtures.uniqueToken("Pv");
		var unitA = unit("IMPA" + run, "Trường nhập A " + run);
		var unitB = unit("IMPB" + run, "Trường nhập B " + run);
		var hrA = scoped("imp.hra." + run.toLowerCase(), unitA);
		var hrB = scoped("imp.hrb." + run.toLowerCase(), unitB);
		var csv = "Họ và tên,Giới tính,Năm sinh\nĐặng Thị " + run + " Thu,Nữ,1986\n";
		var job = upload(hrA, "pham-vi-a.csv", csv);
		assertThat(hrA.get("/registry/import").body()).contains("/registry/import/" + job);
		assertThat(hrA.get("/registry/import/" + job).status()).isEqualTo(200);

		// another unit's HR officer neither lists, sees, polls, downloads, maps nor applies it
		assertThat(hrB.get("/registry/import").body()).doesNotContain(job, "pham-vi-a.csv");
		for (var path : java.util.List.of("", "/progress", "/errors.xlsx")) {
			assertThat(hrB.get("/registry/import/" + job + path).status()).as(path).isEqualTo(404);
		}
		var token = vn.trithuc.WebClientSession.csrfToken(hrB.get("/registry/import").body());
		assertThat(hrB.postForm("/registry/import/" + job + "/apply", java.util.Map.of("_csrf", token)).status())
			.isEqualTo(404);
		assertThat(hrB.postForm("/registry/import/" + job + "/mapping", java.util.Map.of("_csrf", token, "column.0",
				"fullName")).status()).isEqualTo(404);
		var before = hrA.get("/registry/import/" + job).body();
		assertThat(before).doesNotContain("Đã ghi các dòng").contains("Kết quả kiểm tra", "1 người sẽ được thêm mới");
		// an HR officer of the whole province (no unit scope) reaches it
		var province = TestAccounts.loggedIn(port, administration, "imp.province", Role.HR_OFFICER);
		assertThat(province.get("/registry/import/" + job).status()).isEqualTo(200);

		// once applied, the page says what was written, in the past tense, and offers no new mapping
		assertThat(hrA.postForm("/registry/import/" + job + "/apply", java.util.Map.of("_csrf",
				vn.trithuc.WebClientSession.csrfToken(before))).status()).isEqualTo(302);
		vn.trithuc.ImportJobWait.done(hrA, job);
		var after = hrA.get("/registry/import/" + job).body();
		assertThat(after).contains("Kết quả nhập: pham-vi-a.csv", "Đã ghi các dòng", "1 người đã được thêm mới",
				"0 dòng có lỗi, không được ghi").doesNotContain("sẽ được thêm mới", "Kết quả kiểm tra",
				"/registry/import/" + job + "/mapping");
	}

	/**
	 * The template an officer downloads is what the import reads: filled in (a name, a sex, an ethnic group, a level and
	 * a unit picked from its lists, a birth date and an ID typed as text), it checks without a problem.
	 */
	@Test
	void the_template_filled_in_imports_without_a_problem() throws Exception {
		var run = RegistryFixtures.uniqueToken("Mau");
		var unitName = "Trường mẫu " + run;
		unit("TPL" + run, unitName);
		var hr = TestAccounts.loggedIn(port, administration, "imp.template", Role.HR_OFFICER);
		assertThat(hr.get("/registry/import").body()).contains("/registry/import/template.xlsx", "Tải tệp mẫu (.xlsx)");
		var bytes = hr.getBytes("/registry/import/template.xlsx");
		var id = RegistryFixtures.nationalId(1985, vn.trithuc.registry.Sex.FEMALE);
		byte[] filled;
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Danh sách");
			assertThat(workbook.getSheetName(1)).isEqualTo("Hướng dẫn");
			assertThat(workbook.isSheetHidden(2)).as("the lists").isTrue();
			var sheet = workbook.getSheetAt(0);
			var header = sheet.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Họ và tên");
			assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Số CCCD");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getDataValidations()).as("sex, ethnic group, religion, level, unit").hasSize(5);
			var lists = workbook.getSheetAt(2);
			var units = new java.util.ArrayList<String>();
			lists.forEach(row -> {
				var cell = row.getCell(4);
				if (cell != null) {
					units.add(cell.getStringCellValue());
				}
			});
			assertThat(units).contains(unitName);
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("Ka Điểu Thị " + run);
			row.createCell(1).setCellValue("Nữ");
			var birth = row.createCell(2);
			birth.setCellStyle(sheet.getColumnStyle(2));
			birth.setCellValue("05/09/1985");
			row.createCell(3).setCellValue("Cơ-ho");
			var nid = row.createCell(5);
			nid.setCellValue(id);
			row.createCell(9).setCellValue("Thạc sĩ");
			row.createCell(10).setCellValue(unitName);
			var out = new java.io.ByteArrayOutputStream();
			workbook.write(out);
			filled = out.toByteArray();
		}
		var uploaded = hr.upload("/registry/import", "mau-danh-sach-tri-thuc.xlsx", filled);
		assertThat(uploaded.status()).isEqualTo(302);
		var matcher = JOB.matcher(uploaded.header("Location"));
		assertThat(matcher.find()).isTrue();
		vn.trithuc.ImportJobWait.done(hr, matcher.group(1));
		var report = hr.get("/registry/import/" + matcher.group(1)).body();
		assertThat(report).contains("1 người sẽ được thêm mới", "0 dòng có lỗi, sẽ không được ghi")
			.doesNotContain("import-problems");
	}

	private java.util.UUID unit(String code, String name) {
		return operations.create(vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit.of(code, name,
				vn.trithuc.orgunit.OrgUnitKind.OTHER, null), java.time.LocalDate.of(2020, 1, 1),
				vn.trithuc.orgunit.internal.OrgUnitOperations.Decision.NONE).value();
	}

	private vn.trithuc.WebClientSession scoped(String username, java.util.UUID unit) {
		TestAccounts.ready(administration, username, Role.HR_OFFICER);
		scopes.assign(administration.findByUsername(username).orElseThrow().id(), unit, "import scope test");
		return TestAccounts.loggedIn(port, administration, username, Role.HR_OFFICER);
	}

	@Test
	void the_error_report_downloads_as_xlsx_with_bad_cells_filled_and_commented() throws Exception {
		var hr = TestAccounts.loggedIn(port, administration, "imp.hr", Role.HR_OFFICER);
		var tag = RegistryFixtures.uniqueToken("Loi");
		var good = RegistryFixtures.nationalId(1985, Sex.FEMALE);
		var file = new XSSFWorkbook();
		var sheet = file.createSheet("DS");
		sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH");
		var header = sheet.createRow(1);
		String[] titles = { "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Trình độ chuyên môn" };
		for (int c = 0; c < titles.length; c++) {
			header.createCell(c).setCellValue(titles[c]);
		}
		Object[][] rows = { { "Lê Thị " + tag + " Mai", "Nữ", "05/09/1985", good, "ThS" },
				{ "Trần Văn " + tag + " An", "Nam", "1970", 68192001234d, "Cử nhân" },
				{ "Võ " + tag + " Hà", "X", "31/02/1990", null, "Thac xi" } };
		for (int r = 0; r < rows.length; r++) {
			var row = sheet.createRow(2 + r);
			for (int c = 0; c < rows[r].length; c++) {
				if (rows[r][c] instanceof String s) {
					row.createCell(c).setCellValue(s);
				}
				else if (rows[r][c] instanceof Double d) {
					row.createCell(c).setCellValue(d);
				}
			}
		}
		var bytes = new ByteArrayOutputStream();
		file.write(bytes);
		file.close();

		var uploaded = hr.upload("/registry/import", "danh-sach-loi.xlsx", bytes.toByteArray());
		assertThat(uploaded.status()).isEqualTo(302);
		var matcher = JOB.matcher(uploaded.header("Location"));
		assertThat(matcher.find()).isTrue();
		var job = matcher.group(1);
		vn.trithuc.ImportJobWait.done(hr, job);
		var page = hr.get("/registry/import/" + job);
		assertThat(page.body()).contains("có thể ô đã mất số 0 ở đầu", "Giới tính &quot;X&quot; không rõ",
				"có phải là &quot;Thạc sĩ&quot;", "/registry/import/" + job + "/errors.xlsx");

		var report = hr.getBytes("/registry/import/" + job + "/errors.xlsx");
		try (var read = new XSSFWorkbook(new ByteArrayInputStream(report))) {
			var ws = read.getSheetAt(0);
			assertThat(ws.getRow(1).getCell(5).getStringCellValue()).isEqualTo("Lỗi");
			// row 3 (index 2) is clean
			assertThat(ws.getRow(2).getCell(3).getCellComment()).isNull();
			assertThat(ws.getRow(2).getCell(5)).isNull();
			// row 4: the 11-digit number, filled and commented, the value as uploaded
			var id = ws.getRow(3).getCell(3);
			assertThat(id.getNumericCellValue()).isEqualTo(68192001234d);
			assertThat(id.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(id.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
			assertThat(id.getCellComment().getString().getString()).contains("mất số 0 ở đầu");
			// row 5: sex, date and degree each commented; the summary column lists all three
			var bad = ws.getRow(4);
			assertThat(bad.getCell(1).getCellComment().getString().getString()).contains("Giới tính \"X\" không rõ");
			assertThat(bad.getCell(4).getCellComment().getString().getString()).contains("Thạc sĩ");
			assertThat(bad.getCell(5).getStringCellValue()).contains("Giới tính:", "Trình độ chuyên môn:");
			assertThat(bad.getCell(0).getStringCellValue()).isEqualTo("Võ " + tag + " Hà");
		}
	}

	@Test
	void a_column_not_recognised_is_mapped_on_screen_and_the_saved_mapping_is_reused_for_the_same_headers() {
		var hr = TestAccounts.loggedIn(port, administration, "imp.mapper", Role.HR_OFFICER);
		var tag = RegistryFixtures.uniqueToken("Ghep");
		var csv = "Họ và tên,Phái,Năm sinh\nĐinh Thị " + tag + " Lan,Nữ,1988\nHoàng Văn " + tag + " Sơn,Nam,1979\n";
		var job = upload(hr, "phai.csv", csv);
		var page = hr.get("/registry/import/" + job);
		assertThat(page.body()).contains("2 dòng có lỗi", "name=\"column.1\"", ">Phái</label>");

		var mapped = hr.postForm("/registry/import/" + job + "/mapping", java.util.Map.of("_csrf",
				vn.trithuc.WebClientSession.csrfToken(page.body()), "column.0", "fullName", "column.1", "sex", "column.2",
				"birth", "saveAs", "Mẫu phái"));
		assertThat(mapped.status()).isEqualTo(302);
		page = hr.get("/registry/import/" + job);
		assertThat(page.body()).contains("2 người sẽ được thêm mới", "0 dòng có lỗi");

		var again = upload(hr, "phai-2.csv", csv);
		page = hr.get("/registry/import/" + again);
		assertThat(page.body()).contains("Đã dùng cách ghép cột đã lưu &quot;Mẫu phái&quot;", "2 người sẽ được thêm mới");
		// another officer's files are not affected by this officer's mapping
		var other = TestAccounts.loggedIn(port, administration, "imp.other", Role.HR_OFFICER);
		page = other.get("/registry/import/" + upload(other, "phai-3.csv", csv));
		assertThat(page.body()).contains("2 dòng có lỗi").doesNotContain("Mẫu phái");
	}

	@Test
	void the_report_lists_problems_a_page_at_a_time_and_the_xlsx_has_them_all() throws Exception {
		var hr = TestAccounts.loggedIn(port, administration, "imp.pages", Role.HR_OFFICER);
		var tag = RegistryFixtures.uniqueToken("Tr");
		var csv = new StringBuilder("Họ và tên,Giới tính,Năm sinh\n");
		for (int i = 1; i <= 250; i++) {
			csv.append("Lê Văn ").append(tag).append(" Số").append(i).append(",Nam,năm xưa\n"); // a birth year that is no year
		}
		var job = upload(hr, "nhieu-loi.csv", csv.toString());
		var first = hr.get("/registry/import/" + job).body();
		assertThat(rows(first)).isEqualTo(ImportController.PROBLEMS_PER_PAGE);
		assertThat(first).contains("Trang 1/3 · 250 kết quả").contains("/registry/import/" + job + "?page=1");
		// nothing to write: no button that would write nothing, the officer is told what to do instead
		assertThat(first).contains("Không có dòng nào để ghi vào cơ sở dữ liệu", "Sửa các lỗi dưới đây trong tệp")
			.doesNotContain("/registry/import/" + job + "/apply").doesNotContain("Ghi vào cơ sở dữ liệu<");
		var last = hr.get("/registry/import/" + job + "?page=2").body();
		assertThat(rows(last)).isEqualTo(50);
		assertThat(last).contains("Trang 3/3").contains("?page=1").doesNotContain("?page=3");
		// out of range: the nearest page
		assertThat(rows(hr.get("/registry/import/" + job + "?page=99").body())).isEqualTo(50);
		assertThat(hr.getBytes("/registry/import/" + job + "/errors.xlsx")).isNotEmpty();
		// every row's problem in the .xlsx report: its error column (after the file's three) filled on each data row
		var xlsx = vn.trithuc.ScopedReads.xlsxRows(hr.getBytes("/registry/import/" + job + "/errors.xlsx"));
		assertThat(xlsx.stream().skip(1).filter(r -> r.size() > 3 && !r.get(3).isBlank()).count()).isEqualTo(250);
	}

	private static int rows(String page) {
		var table = page.substring(page.indexOf("import-problems"));
		return table.split("<tr class=\"table-(danger|warning)\"", -1).length - 1;
	}

	private static String upload(vn.trithuc.WebClientSession web, String name, String csv) {
		var uploaded = web.upload("/registry/import", name, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(uploaded.status()).isEqualTo(302);
		var matcher = JOB.matcher(uploaded.header("Location"));
		assertThat(matcher.find()).isTrue();
		vn.trithuc.ImportJobWait.done(web, matcher.group(1));
		return matcher.group(1);
	}
}
