package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The messy sample spreadsheet shipped in test resources for the browser test ({@link #SAMPLE}), and its generator:
 * a title, the header on rows 3–4 with merged cells, names typed in TCVN3 in a .VnTime font, dates d/M/yy, as an
 * Excel serial and year only, degrees "ThS" / "Thạc sỹ" / "thac si", a national ID given twice and one that lost its
 * leading zero (a number cell). This test checks that the shipped file is what the generator writes (same cells);
 * regenerate it with {@code -Dregistry.sample.write=true}.
 */
class MessySampleTest {

	static final Path SAMPLE = Path.of("src/test/resources/registry/import/danh-sach-tri-thuc-cu.xlsx");

	/** Name (TCVN3), birth, sex, national ID (String or Double), degree. */
	static final Object[][] ROWS = { { "NguyÔn V¨n Hoµ", "3/4/79", "Nam", "068079001234", "ThS" },
			{ "Bïi ThÞ Thuû", 32888d, "Nữ", null, "Thạc sỹ" },
			{ "TrÇn V¨n Minh", "12/05/1980", "Nam", "068079001234", "Đại học" },
			{ "Ph¹m ThÞ Lan", "1992", "Nữ", 68192001235d, "Cử nhân" },
			{ "Lª ThÞ Mai", "01/01/1985", "nu", null, "thac si" } };

	static byte[] generate() throws IOException {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("Danh sach");
			var vnTime = workbook.createFont();
			vnTime.setFontName(".VnTime");
			var legacy = workbook.createCellStyle();
			legacy.setFont(vnTime);
			sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH TRÍ THỨC HUYỆN ĐAM RÔNG (cập nhật 2019)");
			var top = sheet.createRow(2);
			var sub = sheet.createRow(3);
			top.createCell(0).setCellValue("STT");
			top.createCell(1).setCellValue("Họ và tên");
			top.createCell(2).setCellValue("Sơ yếu");
			sub.createCell(2).setCellValue("Ngày sinh");
			sub.createCell(3).setCellValue("Giới tính");
			top.createCell(4).setCellValue("Số CCCD");
			top.createCell(5).setCellValue("Trình độ chuyên môn");
			sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
			sheet.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
			sheet.addMergedRegion(new CellRangeAddress(2, 2, 2, 3));
			sheet.addMergedRegion(new CellRangeAddress(2, 3, 4, 4));
			sheet.addMergedRegion(new CellRangeAddress(2, 3, 5, 5));
			for (int r = 0; r < ROWS.length; r++) {
				var row = sheet.createRow(4 + r);
				row.createCell(0).setCellValue(r + 1);
				for (int c = 0; c < ROWS[r].length; c++) {
					var value = ROWS[r][c];
					if (value instanceof String text) {
						var cell = row.createCell(c + 1);
						cell.setCellValue(text);
						if (c == 0) {
							cell.setCellStyle(legacy);
						}
					}
					else if (value instanceof Double number) {
						row.createCell(c + 1).setCellValue(number);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static List<String> cells(byte[] file) {
		var cells = new ArrayList<String>();
		for (var row : ImportSheets.read("x.xlsx", file).rows()) {
			for (var cell : row.cells()) {
				cells.add(row.number() + ":" + (cell == null ? "" : cell.text()));
			}
		}
		return cells;
	}

	@Test
	void the_shipped_sample_is_what_the_generator_writes() throws IOException {
		var generated = generate();
		if (Boolean.getBoolean("registry.sample.write")) {
			Files.createDirectories(SAMPLE.getParent());
			Files.write(SAMPLE, generated);
		}
		var shipped = Files.readAllBytes(SAMPLE);
		assertThat(cells(shipped)).isEqualTo(cells(generated)).contains("5:Nguyễn Văn Hoà", "8:Phạm Thị Lan",
				"8:68192001235", "6:32888");
		assertThat(ImportSheets.read("x.xlsx", shipped).legacyFonts()).isTrue();
	}
}
