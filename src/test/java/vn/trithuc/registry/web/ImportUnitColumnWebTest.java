package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.ImportJobWait;
import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.RegistryFixtures;

/**
 * The "Đơn vị công tác" column of an import, over HTTP with real .xlsx files: a unit is matched by name (with or
 * without diacritics) or code within the uploader's scope; an unknown unit or one outside the scope is a cell error;
 * without the column a scoped officer's people go to the scope's unit; and the officer then finds them in search.
 */
@IntegrationTest
class ImportUnitColumnWebTest {

	private static final Pattern JOB = Pattern.compile("/registry/import/([0-9a-f-]{36})$");

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	JdbcClient jdbc;

	private final String run = RegistryFixtures.uniqueToken("Dv");

	@Test
	void the_unit_column_places_people_in_units_of_the_officers_scope_and_refuses_unknown_or_outside_units()
			throws IOException {
		var commune = unit("XA", "Đảng ủy xã Hòa Ninh " + run, null);
		var school = unit("TH", "Trường THCS Lê Lợi " + run, commune);
		var clinic = unit("YT", "Trạm y tế xã Hòa Ninh " + run, commune);
		var outside = unit("NG", "Trường THPT Bảo Lộc " + run, null);
		var officer = scoped("imp.unit." + run.toLowerCase(), commune);

		var mai = RegistryFixtures.nationalId(1988, Sex.FEMALE);
		var an = RegistryFixtures.nationalId(1979, Sex.MALE);
		byte[] file = xlsx(new String[] { "Họ và tên", "Giới tính", "Năm sinh", "Số CCCD", "Đơn vị công tác" },
				new String[][] { { "Lê Thị " + run + " Mai", "Nữ", "1988", mai, "truong thcs le loi " + run.toLowerCase() },
						{ "Trần Văn " + run + " An", "Nam", "1979", an, "T" + run + "-YT" },
						{ "Võ Thị " + run + " Hà", "Nữ", "1990", null, "Trường THPT Bảo Lộc " + run },
						{ "Đỗ Văn " + run + " Nam", "Nam", "1985", null, "Trường THCS Lê Lợi" },
						{ "Phan Văn " + run + " Tú", "Nam", "1982", null, "Bệnh viện không có " + run } });
		var job = upload(officer, "don-vi.xlsx", file);
		var page = officer.get("/registry/import/" + job).body();
		assertThat(page).contains("2 người sẽ được thêm mới", "3 dòng có lỗi",
				"Đơn vị &quot;Trường THPT Bảo Lộc " + run + "&quot; (Trường THPT Bảo Lộc " + run + " (T" + run
						+ "-NG)) nằm ngoài phạm vi đơn vị của bạn",
				"Không tìm thấy đơn vị &quot;Trường THCS Lê Lợi&quot; trong phạm vi của bạn; có phải là: Trường THCS Lê Lợi "
						+ run + " (T" + run + "-TH)?",
				"Không tìm thấy đơn vị &quot;Bệnh viện không có " + run + "&quot; trong phạm vi của bạn: ghi đúng tên");

		apply(officer, job);
		assertThat(unitOf(mai)).isEqualTo(school);
		assertThat(unitOf(an)).isEqualTo(clinic);
		assertThat(jdbc.sql("select count(*) from registry.person where given_name = 'Hà' and middle_name like :m")
			.param("m", "%" + run + "%").query(Long.class).single()).as("a row with an error stores nothing").isZero();
		assertThat(outside).isNotNull();

		// the officer's search finds them, each with the unit; a province-wide file of the same people changes nothing
		var found = officer.get("/registry/people?q=" + URLEncoder.encode(run, StandardCharsets.UTF_8)).body();
		assertThat(found).contains(run + " Mai", run + " An").doesNotContain(run + " Hà");
		var again = upload(officer, "don-vi-lai.xlsx", file);
		assertThat(officer.get("/registry/import/" + again).body()).contains("0 người sẽ được thêm mới",
				"2 người đã có, không thay đổi");
	}

	@Test
	void a_scoped_officers_file_without_the_unit_column_puts_people_in_the_scope_unit_and_they_are_found_in_search()
			throws IOException {
		var commune = unit("XB", "Phường Lâm Viên " + run, null);
		var officer = scoped("imp.nounit." + run.toLowerCase(), commune);
		var lan = RegistryFixtures.nationalId(1991, Sex.FEMALE);
		byte[] file = xlsx(new String[] { "Họ và tên", "Giới tính", "Năm sinh", "Số CCCD" },
				new String[][] { { "Ngô Thị " + run + " Lan", "Nữ", "1991", lan },
						{ "Bùi Văn " + run + " Khoa", "Nam", "1984", null } });
		var job = upload(officer, "khong-don-vi.xlsx", file);
		var page = officer.get("/registry/import/" + job).body();
		assertThat(page).contains("2 người sẽ được thêm mới", "0 dòng có lỗi",
				"Tệp không ghi đơn vị công tác: đã gán đơn vị Phường Lâm Viên " + run + " (T" + run + "-XB)");
		assertThat(page.split("đã gán đơn vị", -1)).as("said once for the file, not as a warning on every row").hasSize(2);
		// before the apply the officer does not find them (nobody is stored by a dry run)
		var query = "/registry/people?q=" + URLEncoder.encode(run, StandardCharsets.UTF_8);
		assertThat(officer.get(query).body()).doesNotContain(run + " Lan");

		apply(officer, job);
		assertThat(unitOf(lan)).isEqualTo(commune);
		// the job page shows the import done at its commit; the search index takes the people right after it
		var found = officer.get(query).body();
		for (int i = 0; i < 50 && !(found.contains(run + " Lan") && found.contains(run + " Khoa")); i++) {
			sleep(100);
			found = officer.get(query).body();
		}
		assertThat(found).contains(run + " Lan", run + " Khoa");
		// one IMPORTED entry per person, the position belongs to the import; the history names file and row in words
		assertThat(jdbc.sql("""
				select count(*) from registry.change_log c join registry.person p on p.id = c.person_id
				where p.national_id = :id""").param("id", lan).query(Long.class).single()).isEqualTo(1);
		var lanId = jdbc.sql("select id from registry.person where national_id = :id").param("id", lan)
			.query(UUID.class).single();
		assertThat(officer.get("/registry/people/" + lanId + "/history").body())
			.containsPattern("Ngô Thị " + run + " Lan \\(tệp khong-don-vi\\.xlsx, dòng [0-9]+\\)")
			.doesNotContain("import:", ", row ");

		// a province-wide HR officer's file without the column: no unit, as before
		var province = TestAccounts.loggedIn(port, administration, "imp.unit.province", Role.HR_OFFICER);
		var hoa = RegistryFixtures.nationalId(1993, Sex.FEMALE);
		var wide = upload(province, "toan-tinh.xlsx", xlsx(new String[] { "Họ và tên", "Giới tính", "Năm sinh", "Số CCCD" },
				new String[][] { { "Mai Thị " + run + " Hoa", "Nữ", "1993", hoa } }));
		assertThat(province.get("/registry/import/" + wide).body()).doesNotContain("đã gán đơn vị");
		apply(province, wide);
		assertThat(unitOf(hoa)).isNull();
	}

	@Test
	void a_row_sent_to_duplicate_review_keeps_its_unit_and_degree_for_the_officer_who_registers_it_as_new()
			throws IOException {
		var commune = unit("XC", "Xã Đạ Tông " + run, null);
		var school = unit("TC", "Trường Tiểu học Đạ Tông " + run, commune);
		var officer = scoped("imp.dup." + run.toLowerCase(), commune);
		String[] headers = { "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị công tác", "Trình độ chuyên môn", "Điện thoại" };
		apply(officer, upload(officer, "lan-1.xlsx", xlsx(headers,
				new String[][] { { "Hà Văn " + run + " Lực", "Nam", "1980", "Trường Tiểu học Đạ Tông " + run, "Đại học", "0912000001" } })));
		// the same name and year without a national ID, another phone: likely the same person, sent to review
		var second = upload(officer, "lan-2.xlsx", xlsx(headers,
				new String[][] { { "Hà Văn " + run + " Lực", "Nam", "1980", "Trường Tiểu học Đạ Tông " + run, "ThS", "0912000002" } }));
		assertThat(officer.get("/registry/import/" + second).body()).contains("1 người nghi trùng");
		apply(officer, second);
		var candidate = jdbc.sql("""
				select id from registry.duplicate_candidate where status = 'OPEN' and proposal ->> 'phone' = '0912000002'""")
			.query(UUID.class).single();
		var list = officer.get("/registry/duplicates").body();
		assertThat(list).contains(candidate.toString());
		// side by side: the phones differ (shaded), the degrees by name, the unit by name
		var card = list.substring(list.indexOf("Hà Văn " + run + " Lực"));
		assertThat(card).contains("Đề xuất mới", "Hồ sơ đã có", "Thạc sĩ", "Đại học", "Trường Tiểu học Đạ Tông " + run)
			.containsPattern("<tr class=\"differs\">\\s*<th scope=\"row\">Điện thoại</th>\\s*<td>0912000002</td>\\s*<td>0912000001</td>");

		// a different person after all: registered in the school with the file's degree, so in the officer's scope
		var token = WebClientSession.csrfToken(list);
		assertThat(officer.postForm("/registry/duplicates/" + candidate + "/register", Map.of("_csrf", token)).status())
			.isEqualTo(302);
		var created = jdbc.sql("""
				select id from registry.person where middle_name like :m and given_name = 'Lực' and phone = '0912000002'""")
			.param("m", "%" + run + "%").query(UUID.class).single();
		assertThat(jdbc.sql("select current_org_unit from registry.person where id = :id").param("id", created)
			.query(UUID.class).single()).isEqualTo(school);
		assertThat(jdbc.sql("""
				select attributes ->> 'level' from registry.person_part where person_id = :id and kind = 'DEGREE'""")
			.param("id", created).query(String.class).list()).containsExactly("THAC_SI");
		var query = "/registry/people?q=" + URLEncoder.encode(run + " Lực", StandardCharsets.UTF_8);
		var found = officer.get(query).body();
		for (int i = 0; i < 50 && !found.contains("/registry/people/" + created); i++) {
			sleep(100);
			found = officer.get(query).body();
		}
		assertThat(found).contains("/registry/people/" + created);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private UUID unitOf(String nationalId) {
		return jdbc.sql("select current_org_unit from registry.person where national_id = :id").param("id", nationalId)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).single().orElse(null);
	}

	private UUID unit(String code, String name, UUID parent) {
		return operations.create(NewUnit.of("T" + run + "-" + code, name, OrgUnitKind.OTHER,
				parent == null ? null : new vn.trithuc.orgunit.OrgUnitId(parent)), LocalDate.of(2020, 1, 1), Decision.NONE)
			.value();
	}

	private WebClientSession scoped(String username, UUID unit) {
		TestAccounts.ready(administration, username, Role.HR_OFFICER);
		scopes.assign(administration.findByUsername(username).orElseThrow().id(), unit, "import unit test");
		return TestAccounts.loggedIn(port, administration, username, Role.HR_OFFICER);
	}

	private static byte[] xlsx(String[] headers, String[][] rows) throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("DS");
			sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH TRÍ THỨC");
			var header = sheet.createRow(1);
			for (int c = 0; c < headers.length; c++) {
				header.createCell(c).setCellValue(headers[c]);
			}
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(2 + r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static String upload(WebClientSession web, String name, byte[] content) {
		var uploaded = web.upload("/registry/import", name, content);
		assertThat(uploaded.status()).isEqualTo(302);
		var matcher = JOB.matcher(uploaded.header("Location"));
		assertThat(matcher.find()).isTrue();
		ImportJobWait.done(web, matcher.group(1));
		return matcher.group(1);
	}

	private static void apply(WebClientSession web, String job) {
		var token = WebClientSession.csrfToken(web.get("/registry/import/" + job).body());
		assertThat(web.postForm("/registry/import/" + job + "/apply", Map.of("_csrf", token)).status()).isEqualTo(302);
		ImportJobWait.done(web, job);
		assertThat(web.get("/registry/import/" + job).body()).contains("Đã ghi các dòng");
	}
}
