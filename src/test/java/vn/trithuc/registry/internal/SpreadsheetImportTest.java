package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.SpreadsheetImport.Outcome;

@IntegrationTest
class SpreadsheetImportTest {

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	SpreadsheetImport imports;
	@Autowired
	Profiles profiles;
	@Autowired
	PeopleSearch search;

	/** An officer's sheet: a title, the header on row 3 without diacritics, mixed date styles, common mistakes. */
	private byte[] sheet(String tag, String id1, String id2) throws IOException {
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "test", "1.0");
		var ws = workbook.newWorksheet("Danh sách");
		ws.value(0, 0, "DANH SÁCH TRÍ THỨC TRƯỜNG THPT ĐAM RÔNG");
		ws.value(2, 0, "STT");
		ws.value(2, 1, "Ho va ten");
		ws.value(2, 2, "Ngày tháng năm sinh");
		ws.value(2, 3, "Giới tính");
		ws.value(2, 4, "Số CCCD");
		ws.value(2, 5, "Điện thoại");
		ws.value(2, 6, "Dan toc");
		ws.value(3, 6, "Kinh");
		ws.value(4, 6, "co-ho");
		// 4: full date as text
		ws.value(3, 0, 1);
		ws.value(3, 1, "Nguyễn Thị " + tag + " Hoa");
		ws.value(3, 2, "05/09/1985");
		ws.value(3, 3, "Nữ");
		ws.value(3, 4, id1);
		// 5: d/M/yy, no ID
		ws.value(4, 0, 2);
		ws.value(4, 1, "Trần Văn " + tag + " Minh");
		ws.value(4, 2, "3/4/79");
		ws.value(4, 3, "nam");
		// 6: Excel serial date (1990-01-15 = 32888), ID as text
		ws.value(5, 0, 3);
		ws.value(5, 1, "Lê Văn " + tag + " Nam");
		ws.value(5, 2, 32888);
		ws.value(5, 3, "Nam");
		ws.value(5, 4, id2);
		// 7: ID that lost its leading zero (typed as a number)
		ws.value(6, 0, 4);
		ws.value(6, 1, "Phạm Thị " + tag + " Lan");
		ws.value(6, 2, "1992");
		ws.value(6, 3, "Nữ");
		ws.value(6, 4, Long.parseLong("068192001234"));
		// 8: the same ID as row 4
		ws.value(7, 0, 5);
		ws.value(7, 1, "Võ Thị " + tag + " Mai");
		ws.value(7, 2, "01/01/1985");
		ws.value(7, 3, "Nữ");
		ws.value(7, 4, id1);
		// 9: unclear sex
		ws.value(8, 0, 6);
		ws.value(8, 1, "Đỗ " + tag + " Khoa");
		ws.value(8, 2, "01/01/1980");
		ws.value(8, 3, "X");
		workbook.finish();
		return out.toByteArray();
	}

	@Test
	void a_dry_run_finds_the_header_reports_each_row_and_applying_twice_changes_nothing_the_second_time()
			throws IOException {
		var tag = RegistryFixtures.uniqueToken("Nhap");
		var id1 = RegistryFixtures.nationalId(1985, Sex.FEMALE);
		var id2 = RegistryFixtures.nationalId(1990, Sex.MALE);
		var file = sheet(tag, id1, id2);
		long before = profiles.count();

		var report = imports.upload("truong-dam-rong.xlsx", file, "test.hr");
		assertThat(report.fileError()).isNull();
		assertThat(report.headerRow()).isEqualTo(3);
		assertThat(report.columns()).containsKeys("fullName", "birth", "sex", "nationalId", "phone");
		assertThat(report.rows()).extracting(SpreadsheetImport.RowResult::row, SpreadsheetImport.RowResult::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, Outcome.NEW), org.assertj.core.groups.Tuple.tuple(5, Outcome.NEW),
					org.assertj.core.groups.Tuple.tuple(6, Outcome.NEW), org.assertj.core.groups.Tuple.tuple(7, Outcome.ERROR),
					org.assertj.core.groups.Tuple.tuple(8, Outcome.ERROR), org.assertj.core.groups.Tuple.tuple(9, Outcome.ERROR));
		assertThat(report.problems()).extracting(SpreadsheetImport.Problem::row, SpreadsheetImport.Problem::messageKey)
			.contains(org.assertj.core.groups.Tuple.tuple(7, "registry.import.nationalIdLeadingZero"),
					org.assertj.core.groups.Tuple.tuple(8, "registry.import.nationalIdRepeated"),
					org.assertj.core.groups.Tuple.tuple(9, "registry.import.sex"));
		var minh = report.rows().get(1).data();
		assertThat(minh.birthDate()).isEqualTo(LocalDate.of(1979, 4, 3));
		assertThat(minh.familyName()).isEqualTo("Trần");
		assertThat(minh.ethnicGroup()).as("ethnic group typed by name, without diacritics").isEqualTo("15");
		assertThat(report.rows().get(0).data().ethnicGroup()).isEqualTo("01");
		assertThat(minh.middleName()).isEqualTo("Văn " + tag);
		assertThat(report.rows().get(2).data().birthDate()).isEqualTo(LocalDate.of(1990, 1, 15));
		assertThat(profiles.count()).as("a dry run writes nothing").isEqualTo(before);

		var counts = imports.apply(report.job(), "test.hr").orElseThrow();
		assertThat(counts.get(Outcome.NEW)).isEqualTo(3);
		assertThat(counts.get(Outcome.ERROR)).isEqualTo(3);
		assertThat(profiles.count()).isEqualTo(before + 3);
		// audit: one IMPORTED change-log entry per person, naming the job, the file and the row; no entry per field
		var entries = jdbc.sql("""
				select l.action, l.new_value from registry.change_log l join registry.person p on p.id = l.person_id
				where p.national_id in (:id1, :id2) order by l.new_value""").param("id1", id1).param("id2", id2)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
		assertThat(entries).hasSize(2).allMatch(e -> e.startsWith("IMPORTED ")
				&& e.contains("(import:" + report.job() + ", truong-dam-rong.xlsx, row "));
		var logOfThem = """
				select count(*) from registry.change_log l join registry.person p on p.id = l.person_id
				where p.national_id in (:id1, :id2)""";
		long logRows = jdbc.sql(logOfThem).param("id1", id1).param("id2", id2).query(Long.class).single();
		// the 11-digit number was never stored as an ID
		assertThat(search.search(new PeopleSearch.Query("68192001234", java.util.Map.of(), 0, 5), RegistryFixtures.hr()).rows()).isEmpty();

		var again = imports.upload("truong-dam-rong.xlsx", file, "test.hr");
		assertThat(again.count(Outcome.NEW)).isZero();
		assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(3);
		imports.apply(again.job(), "test.hr");
		assertThat(profiles.count()).as("re-importing the same file changes nothing").isEqualTo(before + 3);
		assertThat(jdbc.sql(logOfThem).param("id1", id1).param("id2", id2).query(Long.class).single())
			.as("nor does it write to their change log").isEqualTo(logRows);
		assertThat(jdbc.sql("select applied_by from registry.import_job where id = :id").param("id", again.job())
			.query(String.class).single()).as("the job's own record").isEqualTo("test.hr");
	}

	@Test
	void the_apply_after_a_dry_run_sees_people_registered_in_between() throws IOException {
		var tag = RegistryFixtures.uniqueToken("Giua");
		var id1 = RegistryFixtures.nationalId(1985, Sex.FEMALE);
		var id2 = RegistryFixtures.nationalId(1990, Sex.MALE);
		var report = imports.upload("giua-chung.xlsx", sheet(tag, id1, id2), "test.hr");
		assertThat(report.count(Outcome.NEW)).isEqualTo(3);
		// between the dry run and the apply, row 4 (with a national ID) and row 5 (without) are registered by hand
		profiles.register(report.rows().get(0).data(), "test.hr");
		profiles.register(report.rows().get(1).data(), "test.hr");
		long before = profiles.count();

		var counts = imports.apply(report.job(), "test.hr").orElseThrow();

		assertThat(counts.get(Outcome.NEW)).isEqualTo(1);
		assertThat(counts.get(Outcome.UNCHANGED)).isEqualTo(2);
		assertThat(counts.get(Outcome.ERROR)).isEqualTo(3);
		assertThat(profiles.count()).as("only row 6 is new now").isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from registry.person where national_id = :id").param("id", id1)
			.query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * The same with many rows (COPY): the apply trusts the IDs unregistered at the dry run, the unique index refuses
	 * the one registered since, and the apply goes back to its savepoint and checks every ID again.
	 */
	@Test
	void a_bulk_apply_after_a_dry_run_sees_an_id_registered_in_between() throws IOException {
		var tag = RegistryFixtures.uniqueToken("Khoi");
		int n = SpreadsheetImport.BULK_THRESHOLD + 20;
		var rows = new String[n + 1][];
		rows[0] = new String[] { "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD" };
		for (int i = 1; i <= n; i++) {
			rows[i] = new String[] { "Hoàng Văn " + tag + " Số" + i, "02/03/1988", "Nam", RegistryFixtures.nationalId(1988, Sex.MALE) };
		}
		var report = imports.upload("khoi-lon.xlsx", vn.trithuc.catalog.internal.Spreadsheets.xlsx(rows), "test.hr");
		assertThat(report.count(Outcome.NEW)).isEqualTo(n);
		var between = report.rows().get(117).data();
		profiles.register(between, "test.hr");
		long before = profiles.count();

		var counts = imports.apply(report.job(), "test.hr").orElseThrow();

		assertThat(counts.get(Outcome.NEW)).isEqualTo(n - 1);
		assertThat(counts.get(Outcome.UNCHANGED)).isEqualTo(1);
		assertThat(profiles.count()).isEqualTo(before + n - 1);
		assertThat(jdbc.sql("select count(*) from registry.person where national_id = :id").param("id", between.nationalId())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from registry.change_log where new_value like :job").param("job",
				"%(import:" + report.job() + ",%").query(Long.class).single()).as("one entry per person written, none of the attempt")
			.isEqualTo(n - 1);
	}

	@Test
	void a_bad_phone_a_bad_email_and_a_day_that_does_not_exist_are_errors_of_their_cells() throws IOException {
		var tag = RegistryFixtures.uniqueToken("Lien");
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "test", "1.0");
		var ws = workbook.newWorksheet("Danh sách");
		String[] header = { "Họ và tên", "Ngày sinh", "Giới tính", "Điện thoại", "Email" };
		for (int c = 0; c < header.length; c++) {
			ws.value(0, c, header[c]);
		}
		String[][] rows = { { "Nguyễn Văn " + tag + " An", "05/09/1985", "Nam", "0912 345 678", "an@example.vn" },
				{ "Trần Thị " + tag + " Bình", "06/09/1985", "Nữ", "abc", "" },
				{ "Lê Văn " + tag + " Cường", "07/09/1985", "Nam", "", "notanemail" },
				{ "Phạm Thị " + tag + " Dung", "31/02/1990", "Nữ", "(024) 3825-1234", "" },
				{ "Võ Văn " + tag + " Em", "08/09/1985", "Nam", "09123", "" } };
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < rows[r].length; c++) {
				if (!rows[r][c].isEmpty()) {
					ws.value(r + 1, c, rows[r][c]);
				}
			}
		}
		workbook.finish();

		var report = imports.upload("lien-he.xlsx", out.toByteArray(), "test.hr");
		assertThat(report.fileError()).isNull();
		assertThat(report.rows()).extracting(SpreadsheetImport.RowResult::outcome)
			.containsExactly(Outcome.NEW, Outcome.ERROR, Outcome.ERROR, Outcome.ERROR, Outcome.ERROR);
		assertThat(report.problems()).extracting(SpreadsheetImport.Problem::row, SpreadsheetImport.Problem::column,
				SpreadsheetImport.Problem::messageKey, SpreadsheetImport.Problem::arguments)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(3, "phone", "registry.phone.format", List.of("abc", 0)),
					org.assertj.core.groups.Tuple.tuple(4, "email", "registry.email.format", List.of("notanemail")),
					org.assertj.core.groups.Tuple.tuple(5, "birth", "date.noSuchDay", List.of("31/02/1990", "02/1990", "28")),
					org.assertj.core.groups.Tuple.tuple(6, "phone", "registry.phone.digits", List.of("09123", 5)));
		assertThat(report.rows().get(0).data().phone()).isEqualTo("0912 345 678");
	}

	@Test
	void a_file_that_is_no_spreadsheet_gets_a_clear_message_and_changes_nothing() {
		var report = imports.upload("bang.xlsx", "không phải tệp Excel".getBytes(java.nio.charset.StandardCharsets.UTF_8), "test.hr");
		assertThat(report.fileError()).isEqualTo("registry.import.unreadableFile");
		assertThat(report.rows()).isEmpty();
	}

	@Test
	void a_sheet_without_recognisable_headers_is_refused() throws IOException {
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "test", "1.0");
		var ws = workbook.newWorksheet("x");
		ws.value(0, 0, "Cột A");
		ws.value(0, 1, "Cột B");
		ws.value(1, 0, "Nguyễn Văn A");
		workbook.finish();
		assertThat(imports.upload("x.xlsx", out.toByteArray(), "test.hr").fileError()).isEqualTo("registry.import.noHeader");
		assertThat(List.of(SpreadsheetImport.normaliseHeader("Họ và tên "), SpreadsheetImport.normaliseHeader("SỐ CCCD")))
			.containsExactly("ho va ten", "so cccd");
	}
}
