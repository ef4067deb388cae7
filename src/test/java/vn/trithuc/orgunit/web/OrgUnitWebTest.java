package vn.trithuc.orgunit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.orgunit.internal.OrgUnitSpreadsheets;

/** The organisation pages, forms, import and export over real HTTP. */
@IntegrationTest
class OrgUnitWebTest {

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	OrgUnits units;
	@Autowired
	MockMvc mvc;

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@Test
	void a_leader_browses_the_tree_as_of_a_date_searches_without_diacritics_and_reads_a_history() {
		var root = create("TU", "Tỉnh ủy Thử Nghiệm " + run, null);
		var child = create("BTG", "Ban Tuyên giáo Tỉnh ủy " + run, root);
		operations.rename(child, null, "Ban Tuyên giáo và Dân vận Tỉnh ủy " + run, null, LocalDate.of(2025, 3, 1),
				new Decision("01-QĐ/TU", LocalDate.of(2025, 2, 20), null));
		var leader = TestAccounts.loggedIn(port, administration, "orgunit.leader", Role.LEADER);

		var tree = leader.get("/orgunit/units?asOf=30/06/2024");
		assertThat(tree.status()).isEqualTo(200);
		assertThat(tree.body()).contains("Cây tổ chức tại ngày 30/06/2024", "Tỉnh ủy Thử Nghiệm " + run)
			.doesNotContain("Thêm đơn vị");
		var branch = leader.get("/orgunit/units/" + root + "/children?asOf=30/06/2024", "HX-Request", "true", "HX-Target",
				"c-" + root);
		assertThat(branch.body()).startsWith("<ul class=\"org-tree\">").contains("Ban Tuyên giáo Tỉnh ủy " + run)
			.doesNotContain("<html");
		var noJs = leader.get("/orgunit/units/" + root + "/children?asOf=30/06/2024");
		assertThat(noJs.status()).isEqualTo(302);
		assertThat(leader.get(noJs.header("Location").replaceFirst("^http://[^/]+", "")).body()).contains("Ban Tuyên giáo Tỉnh ủy " + run);

		var search = leader.get("/orgunit/units?asOf=01/07/2025&q=ban+tuyen+giao+va+dan+van+tinh+uy+" + run.toLowerCase());
		assertThat(search.body()).contains("Kết quả tìm kiếm: 1 đơn vị", "Ban Tuyên giáo và Dân vận Tỉnh ủy " + run);

		var page = leader.get("/orgunit/units/" + child + "?asOf=01/07/2025");
		assertThat(page.body()).contains("Ban Tuyên giáo và Dân vận Tỉnh ủy " + run, "Ban Tuyên giáo Tỉnh ủy " + run,
				"01-QĐ/TU ngày 20/02/2025", "Đổi tên", "28/02/2025").doesNotContain("btn-outline-danger");

		var bad = leader.get("/orgunit/units?asOf=31/02/2025");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.",
				"value=\"31/02/2025\"");
		var iso = leader.get("/orgunit/units/" + child + "?asOf=2025-02-03");
		assertThat(iso.status()).isEqualTo(200);
		assertThat(iso.body()).contains("Ngày «2025-02-03» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.");
		var export = leader.get("/orgunit/export?asOf=abc");
		assertThat(export.status()).as("the tree page says what is wrong").isEqualTo(303);
		assertThat(leader.get(export.header("Location").replaceFirst("^http://[^/]+", "")).body())
			.contains("Ngày «abc» chưa đúng dạng.");
		assertThat(leader.get("/api/v1/orgunit/units/" + child + "/history").body()).contains("RENAMED");
	}

	@Test
	void an_hr_officer_merges_through_the_form_and_an_unknown_code_is_refused_in_vietnamese() {
		var a = create("A", "Đảng ủy xã Phi Liêng", null);
		create("B", "Đảng ủy xã Đạ K'Nàng", null);
		var hr = TestAccounts.loggedIn(port, administration, "orgunit.hr", Role.HR_OFFICER);
		var form = hr.get("/orgunit/operations/merge?from=" + code("A"));
		assertThat(form.body()).contains(code("A"));
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", WebClientSession.csrfToken(form.body()));
		fields.put("sourceCodes", code("A") + "\n" + code("KHONG"));
		fields.put("code", code("C"));
		fields.put("name", "Đảng ủy xã Đam Rông 1");
		fields.put("kind", "PARTY_COMMITTEE");
		fields.put("effectiveOn", "01/07/2025");
		fields.put("decisionNumber", "1671/NQ-UBTVQH15");
		var refused = hr.postForm("/orgunit/operations/merge", fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Không có đơn vị nào mang mã «" + code("KHONG") + "».");
		assertThat(units.findByCode(code("C"))).isEmpty();

		fields.put("sourceCodes", code("A") + ", " + code("B"));
		var merged = hr.postForm("/orgunit/operations/merge", fields);
		assertThat(merged.status()).isEqualTo(302);
		var result = units.findByCode(code("C")).orElseThrow();
		assertThat(units.successors(a, LocalDate.of(2025, 7, 1))).containsExactly(result.id());
		var page = hr.get(merged.header("Location").replaceFirst("^http://[^/]+", ""));
		assertThat(page.body()).contains("Đã sáp nhập.", "Đơn vị tiền thân", "Đảng ủy xã Phi Liêng", "Đảng ủy xã Đạ K&#39;Nàng");
	}

	@Test
	void a_date_that_cannot_be_read_is_told_beside_its_field_and_changes_nothing() {
		var unit = create("D", "Đảng ủy xã Liêng Srônh", null);
		var hr = TestAccounts.loggedIn(port, administration, "orgunit.hr.dates", Role.HR_OFFICER);
		var form = hr.get("/orgunit/operations/" + unit.value() + "/rename");
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", WebClientSession.csrfToken(form.body()));
		fields.put("version", String.valueOf(units.find(unit).orElseThrow().lockVersion()));
		fields.put("name", "Đảng ủy xã Liêng Srônh mới");
		fields.put("effectiveOn", "31/02/2025");
		fields.put("decisionDate", "2025-02-03");
		var refused = hr.postForm("/orgunit/operations/" + unit.value() + "/rename", fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"effectiveOn-error\"",
				"Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.", "id=\"decisionDate-error\"",
				"Ngày «2025-02-03» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.", "value=\"31/02/2025\"")
			.doesNotContain("alert alert-danger refusal");
		fields.put("effectiveOn", "abc");
		fields.put("decisionDate", "");
		assertThat(hr.postForm("/orgunit/operations/" + unit.value() + "/rename", fields).body())
			.contains("Ngày «abc» chưa đúng dạng.");
		fields.put("effectiveOn", "");
		assertThat(hr.postForm("/orgunit/operations/" + unit.value() + "/rename", fields).body())
			.contains("Vui lòng nhập ngày có hiệu lực (dd/MM/yyyy).");
		assertThat(units.find(unit).orElseThrow().name()).as("nothing renamed").isEqualTo("Đảng ủy xã Liêng Srônh");
		assertThat(units.history(unit).orElseThrow().versions()).hasSize(1);
	}

	@Test
	void an_import_with_a_wrong_column_is_refused_with_a_row_report_and_nothing_is_imported() throws Exception {
		var header = new java.util.ArrayList<>(OrgUnitSpreadsheets.COLUMNS);
		header.set(3, "Kiểu");
		var bad = xlsx(header, List.of(List.of(code("I1"), "Trường Tiểu học Rô Men", "", "Trường học", "", "01/09/2020")));
		var report = mvc.perform(multipart("/orgunit/operations/import").file(bad).with(csrf())
			.with(user("orgunit.importer").authorities(() -> Role.HR_OFFICER.authority()))).andReturn();
		assertThat(report.getResponse().getContentAsString()).contains("Cột 4: cần tiêu đề «Loại» nhưng tệp có «Kiểu».",
				"chưa đơn vị nào được nhập");
		assertThat(units.findByCode(code("I1"))).isEmpty();

		var rows = xlsx(OrgUnitSpreadsheets.COLUMNS, List.of(
				List.of(code("I1"), "Phòng Giáo dục và Đào tạo", "", "Cơ quan chuyên môn thuộc Ủy ban nhân dân", "", "01/01/2020"),
				List.of(code("I2"), "Trường Tiểu học Rô Men", "", "truong hoc", code("I1"), "01/09/2020"),
				List.of(code("I3"), "Trường THCS", "", "Tàu bay", code("KHONG"), "31/02/2020"),
				// a year typed alone into a number cell: not a day of 1905
				List.of(code("I4"), "Trường THPT", "", "Trường học", "", "num:1995")));
		var refused = mvc.perform(multipart("/orgunit/operations/import").file(rows).with(csrf())
			.with(user("orgunit.importer").authorities(() -> Role.HR_OFFICER.authority()))).andReturn();
		assertThat(refused.getResponse().getContentAsString()).contains("Loại đơn vị «Tàu bay» không có trong danh mục.",
				"Không có đơn vị nào mang mã «" + code("KHONG") + "».",
				"Ngày 31/02/2020 không có trên lịch: tháng 02/2020 chỉ có 29 ngày.", "Ngày «1995» chưa đúng dạng.");
		assertThat(units.findByCode(code("I1"))).as("nothing half-applied").isEmpty();

		var good = xlsx(OrgUnitSpreadsheets.COLUMNS, List.of(
				List.of(code("I1"), "Phòng Giáo dục và Đào tạo", "", "Cơ quan chuyên môn thuộc Ủy ban nhân dân", "", "01/01/2020"),
				List.of(code("I2"), "Trường Tiểu học Rô Men", "", "truong hoc", code("I1"), "date:2020-09-01")));
		var done = mvc.perform(multipart("/orgunit/operations/import").file(good).with(csrf())
			.with(user("orgunit.importer").authorities(() -> Role.HR_OFFICER.authority()))).andReturn();
		assertThat(done.getResponse().getContentAsString()).contains("Đã nhập 2 đơn vị.");
		var school = units.findByCode(code("I2")).orElseThrow();
		assertThat(school.kind()).isEqualTo(OrgUnitKind.SCHOOL);
		assertThat(school.validFrom()).as("a founding date kept by Excel as a date cell").isEqualTo(java.time.LocalDate.of(2020, 9, 1));
		assertThat(school.parentId()).isEqualTo(units.findByCode(code("I1")).orElseThrow().id());

		var export = mvc.perform(get("/orgunit/export?asOf=01/10/2020")
			.with(user("orgunit.reader").authorities(() -> Role.PROGRAM_MANAGER.authority()))).andReturn();
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			var sheetRows = workbook.getFirstSheet().read();
			assertThat(sheetRows.get(0).getCellAsString(0)).contains("Mã");
			assertThat(sheetRows).anySatisfy(r -> {
				assertThat(r.getCellAsString(0)).contains(code("I2"));
				assertThat(r.getCellAsString(3)).contains("Trường học");
				assertThat(r.getCellAsString(4)).contains(code("I1"));
			});
		}
	}

	private MockMultipartFile xlsx(List<String> header, List<List<String>> rows) throws Exception {
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "test", "1.0");
		var sheet = workbook.newWorksheet("Đơn vị");
		for (int c = 0; c < header.size(); c++) {
			sheet.value(0, c, header.get(c));
		}
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				var value = rows.get(r).get(c);
				if (value.startsWith("date:")) {
					// a real date cell, as Excel keeps a date typed into a date-formatted column (a serial day number)
					sheet.value(r + 1, c, java.time.LocalDate.parse(value.substring(5)));
					sheet.style(r + 1, c).format("dd/mm/yyyy").set();
				}
				else if (value.startsWith("num:")) {
					sheet.value(r + 1, c, Integer.valueOf(value.substring(4)));
				}
				else if (!value.isEmpty()) {
					sheet.value(r + 1, c, value);
				}
			}
		}
		workbook.finish();
		return new MockMultipartFile("file", "don-vi.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
	}

	private OrgUnitId create(String code, String name, OrgUnitId parent) {
		return operations.create(NewUnit.of(code(code), name, OrgUnitKind.PARTY_COMMITTEE, parent), START, Decision.NONE);
	}

	private String code(String code) {
		return "W" + run + "-" + code;
	}
}
