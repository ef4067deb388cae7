package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.SpreadsheetImport.Outcome;
import vn.trithuc.registry.internal.SpreadsheetImport.RowResult;

/**
 * The import reads .xlsx, .xls and .csv through one pipeline: the same sheet gives the same report whatever the
 * format; legacy fonts are converted from the cell font; bad files get a message and store nothing.
 */
@IntegrationTest
class ImportFormatsTest {

	@Autowired
	SpreadsheetImport imports;
	@Autowired
	Profiles profiles;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * A sheet as offices keep them: a title, a two-row header with merged cells (Họ và tên over two rows, "Ngày
	 * sinh" and "Giới tính"), the names in a TCVN3 font, a degree written three ways.
	 */
	static void messy(Workbook workbook, String tag, String id, boolean legacyFont) {
		var sheet = workbook.createSheet("DS");
		var legacy = workbook.createFont();
		legacy.setFontName(legacyFont ? ".VnTime" : "Times New Roman");
		var legacyStyle = workbook.createCellStyle();
		legacyStyle.setFont(legacy);
		sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH TRÍ THỨC");
		var top = sheet.createRow(2);
		var sub = sheet.createRow(3);
		top.createCell(0).setCellValue("TT");
		top.createCell(1).setCellValue("Họ và tên");
		top.createCell(2).setCellValue("Thông tin cá nhân");
		sub.createCell(2).setCellValue("Ngay sinh");
		sub.createCell(3).setCellValue("Gioi tinh");
		top.createCell(4).setCellValue("Số định danh cá nhân");
		top.createCell(5).setCellValue("Học vị");
		sheet.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
		sheet.addMergedRegion(new CellRangeAddress(2, 2, 2, 3));
		sheet.addMergedRegion(new CellRangeAddress(2, 3, 4, 4));
		sheet.addMergedRegion(new CellRangeAddress(2, 3, 5, 5));
		Object[][] rows = { { "NguyÔn V¨n " + tag + " Hoµ", "3/4/79", "Nam", id, "ThS" },
				{ "Bïi ThÞ " + tag + " Thuû", 32888d, "Nữ", null, "Thạc sỹ" },
				{ "§ç " + tag + " Khoa", "1980", "Nam", null, "thac xi" } };
		for (int r = 0; r < rows.length; r++) {
			var row = sheet.createRow(4 + r);
			row.createCell(0).setCellValue(r + 1);
			var name = row.createCell(1);
			name.setCellValue(legacyFont ? (String) rows[r][0]
					: LegacyVietnamese.toUnicode((String) rows[r][0], LegacyVietnamese.Encoding.TCVN3));
			name.setCellStyle(legacyStyle);
			for (int c = 1; c < rows[r].length; c++) {
				if (rows[r][c] instanceof String text) {
					row.createCell(c + 1).setCellValue(text);
				}
				else if (rows[r][c] instanceof Double number) {
					row.createCell(c + 1).setCellValue(number);
				}
			}
		}
	}

	static byte[] bytes(Workbook workbook) throws IOException {
		try (workbook) {
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private void assertMessyReport(SpreadsheetImport.Report report, String tag) {
		assertThat(report.fileError()).isNull();
		assertThat(report.headerRow()).as("the lower row of the two-row header").isEqualTo(4);
		assertThat(report.columns()).containsEntry("fullName", 1).containsEntry("birth", 2).containsEntry("sex", 3)
			.containsEntry("nationalId", 4).containsEntry("degree", 5);
		assertThat(report.rows()).extracting(RowResult::row, RowResult::outcome, RowResult::degree).containsExactly(
				tuple(5, Outcome.NEW, "THAC_SI"), tuple(6, Outcome.NEW, "THAC_SI"), tuple(7, Outcome.ERROR, null));
		var hoa = report.rows().get(0).data();
		assertThat(hoa.familyName()).isEqualTo("Nguyễn");
		assertThat(hoa.middleName()).isEqualTo("Văn " + tag);
		assertThat(hoa.givenName()).isEqualTo("Hoà");
		assertThat(hoa.birthDate()).isEqualTo(LocalDate.of(1979, 4, 3));
		var thuy = report.rows().get(1).data();
		assertThat(thuy.fullName()).isEqualTo("Bùi Thị " + tag + " Thuỷ");
		assertThat(thuy.birthDate()).isEqualTo(LocalDate.of(1990, 1, 15));
		assertThat(report.problems()).extracting(SpreadsheetImport.Problem::row, SpreadsheetImport.Problem::messageKey,
				SpreadsheetImport.Problem::arguments)
			.contains(tuple(7, "registry.import.degreeSuggested", List.of("thac xi", "Thạc sĩ")));
	}

	@Test
	void a_messy_xls_with_merged_two_row_headers_and_a_tcvn3_column_reads_like_unicode() throws IOException {
		var tag = RegistryFixtures.uniqueToken("Xls");
		var file = bytes(withMessy(new HSSFWorkbook(), tag, RegistryFixtures.nationalId(1979, Sex.MALE)));
		assertMessyReport(imports.upload("danh-sach-cu.xls", file, "test.hr"), tag);
	}

	@Test
	void a_legacy_font_xlsx_goes_through_the_font_aware_reader_and_applies_with_the_degree() throws IOException {
		var tag = RegistryFixtures.uniqueToken("Xlsx");
		var file = bytes(withMessy(new XSSFWorkbook(), tag, RegistryFixtures.nationalId(1979, Sex.MALE)));
		var report = imports.upload("danh-sach.xlsx", file, "test.hr");
		assertMessyReport(report, tag);
		long before = profiles.count();
		var counts = imports.apply(report.job(), "test.hr").orElseThrow();
		assertThat(counts.get(Outcome.NEW)).isEqualTo(2);
		assertThat(profiles.count()).isEqualTo(before + 2);
		var id = jdbc.sql("select id from registry.person where national_id = :n")
			.param("n", report.rows().get(0).data().nationalId()).query(java.util.UUID.class).single();
		var hoa = profiles.load(id).orElseThrow();
		assertThat(hoa.highestDegree()).isEqualTo("THAC_SI");
	}

	private static Workbook withMessy(Workbook workbook, String tag, String id) {
		messy(workbook, tag, id, true);
		return workbook;
	}

	@Test
	void a_unicode_xlsx_with_the_same_merged_headers_reads_the_same_through_the_fast_reader() throws IOException {
		var tag = RegistryFixtures.uniqueToken("Fast");
		var workbook = new XSSFWorkbook();
		messy(workbook, tag, RegistryFixtures.nationalId(1979, Sex.MALE), false);
		var file = bytes(workbook);
		assertThat(ImportSheets.read("a.xlsx", file).legacyFonts()).isFalse();
		assertMessyReport(imports.upload("danh-sach-moi.xlsx", file, "test.hr"), tag);
	}

	@Test
	void csv_in_utf8_with_bom_semicolons_and_quotes_is_read_and_a_legacy_8_bit_csv_gets_a_message() {
		var tag = RegistryFixtures.uniqueToken("Csv");
		var text = "Danh sách trích ngang\n\nHọ và tên;Giới tính;Ngày sinh;Số CCCD\n"
				+ "\"Lê Thị " + tag + " Mai\";Nữ;05/09/1985;\n"
				+ "\"Trần; Văn " + tag + " An\";Nam;1970;68192001234\n";
		var bom = new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		var content = concat(bom, text.getBytes(StandardCharsets.UTF_8));
		var report = imports.upload("ds.csv", content, "test.hr");
		assertThat(report.fileError()).isNull();
		assertThat(report.headerRow()).isEqualTo(3);
		assertThat(report.rows()).extracting(RowResult::row, RowResult::outcome)
			.containsExactly(tuple(4, Outcome.NEW), tuple(5, Outcome.ERROR));
		assertThat(report.rows().get(0).data().fullName()).isEqualTo("Lê Thị " + tag + " Mai");
		assertThat(report.problems()).extracting(SpreadsheetImport.Problem::messageKey)
			.contains("registry.import.nationalIdLeadingZero");

		var tabs = "Ho va ten\tGioi tinh\tNam sinh\nPhạm Văn " + tag + " Bình\tnam\t1975\n";
		var tabbed = imports.upload("ds.csv", tabs.getBytes(StandardCharsets.UTF_8), "test.hr");
		assertThat(tabbed.rows()).extracting(RowResult::outcome).containsExactly(Outcome.NEW);
		assertThat(tabbed.rows().get(0).data().birthYear()).isEqualTo(1975);

		var legacy = ("Họ và tên,Giới tính\nNguyễn Văn An,Nam\n").getBytes(Charset.forName("windows-1258"));
		assertThat(imports.upload("cu.csv", legacy, "test.hr").fileError()).isEqualTo("registry.import.csvNotUtf8");
	}

	@Test
	void password_protected_workbooks_are_refused_with_a_message() throws Exception {
		var plain = bytes(withMessy(new XSSFWorkbook(), "Khoa", RegistryFixtures.nationalId(1979, Sex.MALE)));
		var info = new EncryptionInfo(EncryptionMode.agile);
		var encryptor = info.getEncryptor();
		encryptor.confirmPassword("matkhau");
		var encrypted = new ByteArrayOutputStream();
		try (var fs = new POIFSFileSystem()) {
			try (var opc = OPCPackage.open(new ByteArrayInputStream(plain)); var os = encryptor.getDataStream(fs)) {
				opc.save(os);
			}
			fs.writeFilesystem(encrypted);
		}
		long before = profiles.count();
		assertThat(imports.upload("mat-khau.xlsx", encrypted.toByteArray(), "test.hr").fileError())
			.isEqualTo("registry.import.encrypted");

		byte[] xls;
		Biff8EncryptionKey.setCurrentUserPassword("matkhau");
		try {
			xls = bytes(withMessy(new HSSFWorkbook(), "Khoa", RegistryFixtures.nationalId(1979, Sex.MALE)));
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
		assertThat(imports.upload("mat-khau.xls", xls, "test.hr").fileError()).isEqualTo("registry.import.encrypted");
		assertThat(profiles.count()).isEqualTo(before);
	}

	@Test
	void wrong_types_names_and_sheets_are_refused_and_folders_never_reach_the_stored_name() throws IOException {
		assertThat(imports.upload("bao-cao.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "test.hr").fileError())
			.isEqualTo("registry.import.fileType");
		assertThat(imports.upload("x.xls", "không phải Excel".getBytes(StandardCharsets.UTF_8), "test.hr").fileError())
			.isEqualTo("registry.import.unreadableFile");
		assertThat(imports.upload("rong.xlsx", new byte[0], "test.hr").fileError()).isEqualTo("registry.import.empty");
		// a workbook whose first sheet is something else (a cover page): no header found
		var other = new XSSFWorkbook();
		other.createSheet("Bìa").createRow(0).createCell(0).setCellValue("BÁO CÁO NĂM 2026");
		assertThat(imports.upload("bia.xlsx", bytes(other), "test.hr").fileError()).isEqualTo("registry.import.noHeader");
		var report = imports.upload("../../../etc/cron.d/..\\x.csv", "Họ và tên,Giới tính\nAn Bình,Nam\n"
			.getBytes(StandardCharsets.UTF_8), "test.hr");
		assertThat(report.fileName()).isEqualTo("x.csv");
		assertThat(imports.job(report.job()).orElseThrow().fileName()).isEqualTo("x.csv");
	}

	@Test
	void degrees_are_matched_from_how_officers_write_them() {
		assertThat(List.of("ThS", "Th.S", "Thạc sỹ", "thac si", "THẠC SĨ", "Cao học")).allSatisfy(
				text -> assertThat(ImportCodes.degree(text)).isEqualTo(new ImportCodes.Match("THAC_SI", true)));
		assertThat(ImportCodes.degree("TS").code()).isEqualTo("TIEN_SI");
		assertThat(ImportCodes.degree("TSKH").code()).isEqualTo("TIEN_SI_KHOA_HOC");
		assertThat(ImportCodes.degree("Cử nhân").code()).isEqualTo("DAI_HOC");
		assertThat(ImportCodes.degree("BS CKI").code()).isEqualTo("CHUYEN_KHOA_1");
		assertThat(ImportCodes.degree("Tiến sỉ")).isEqualTo(new ImportCodes.Match("TIEN_SI", true));
		assertThat(ImportCodes.degree("Tien xi")).isEqualTo(new ImportCodes.Match("TIEN_SI", false));
		assertThat(ImportCodes.degree("Giáo sư").code()).isNull();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		var out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
