package vn.trithuc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocxDocumentTest {

	static byte[] docx;
	static XWPFDocument read;

	@BeforeAll
	static void render() throws Exception {
		var chart = Charts.bar(SampleDocuments.chart());
		long start = System.nanoTime();
		docx = new Documents().docx(SampleDocuments.report(chart));
		System.out.printf("docx: %d bytes in %d ms%n", docx.length, (System.nanoTime() - start) / 1_000_000);
		var dir = Path.of("target/documents");
		Files.createDirectories(dir);
		Files.write(dir.resolve("review-report.docx"), docx);
		read = new XWPFDocument(new ByteArrayInputStream(docx));
	}

	static List<XWPFParagraph> allParagraphs() {
		var all = new ArrayList<>(read.getParagraphs());
		for (var table : read.getTables()) {
			for (var row : table.getRows()) {
				for (var cell : row.getTableCells()) {
					all.addAll(cell.getParagraphs());
				}
			}
		}
		return all;
	}

	static XWPFRun run(String text) {
		return allParagraphs().stream().flatMap(p -> p.getRuns().stream()).filter(r -> text.equals(r.text())).findFirst()
				.orElseThrow(() -> new AssertionError("no run " + text));
	}

	@Test
	void headerLinesInTwoColumnsWithTheirTypefaces() {
		var header = read.getTables().get(0);
		assertThat(header.getRow(0).getCell(0).getText()).contains("ĐẢNG BỘ TỈNH LÂM ĐỒNG", "HUYỆN ỦY ĐAM RÔNG", "*");
		assertThat(header.getRow(0).getCell(1).getText()).contains("ĐẢNG CỘNG SẢN VIỆT NAM");
		assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số 12-BC/HU");
		assertThat(header.getRow(1).getCell(1).getText()).isEqualTo("Đam Rông, ngày 15 tháng 12 năm 2024");
		assertThat(header.getCTTbl().getTblPr().getTblBorders().getTop().getVal().toString()).isEqualTo("none");

		assertThat(run("ĐẢNG BỘ TỈNH LÂM ĐỒNG").getFontSizeAsDouble()).isEqualTo(14.0);
		assertThat(run("ĐẢNG BỘ TỈNH LÂM ĐỒNG").isBold()).isFalse();
		assertThat(run("HUYỆN ỦY ĐAM RÔNG").isBold()).isTrue();
		var national = run("ĐẢNG CỘNG SẢN VIỆT NAM");
		assertThat(national.isBold()).isTrue();
		assertThat(national.getFontSizeAsDouble()).isEqualTo(15.0);
		assertThat(national.getUnderline().name()).isEqualTo("SINGLE");
		assertThat(run("Đam Rông, ngày 15 tháng 12 năm 2024").isItalic()).isTrue();
		var kind = run("BÁO CÁO");
		assertThat(kind.isBold()).isTrue();
		assertThat(kind.getFontSizeAsDouble()).isEqualTo(16.0);
	}

	@Test
	void everyRunIsTimesNewRomanOnA4() {
		var runs = allParagraphs().stream().flatMap(p -> p.getRuns().stream()).filter(r -> !r.text().isEmpty()).toList();
		assertThat(runs).hasSizeGreaterThan(30);
		assertThat(runs).allSatisfy(r -> assertThat(r.getFontFamily()).isEqualTo("Times New Roman"));
		var sectPr = read.getDocument().getBody().getSectPr();
		assertThat(((Number) sectPr.getPgSz().getW()).intValue()).isEqualTo(11906);
		assertThat(((Number) sectPr.getPgSz().getH()).intValue()).isEqualTo(16838);
		assertThat(((Number) sectPr.getPgMar().getLeft()).intValue()).isEqualTo(1701);
		assertThat(sectPr.isSetTitlePg()).as("page numbers from page 2").isTrue();
		assertThat(read.getHeaderList()).anySatisfy(h -> assertThat(h._getHdrFtr().xmlText()).contains("PAGE"));
	}

	@Test
	void tablesFormatNumbersTheVietnameseWayAndRightAlignThem() {
		var table = read.getTables().stream().filter(t -> t.getText().contains("Kỳ trước")).findFirst().orElseThrow();
		assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Trình độ");
		var university = table.getRow(3);
		assertThat(university.getCell(0).getText()).isEqualTo("Đại học");
		assertThat(university.getCell(1).getText()).isEqualTo("1.180");
		assertThat(university.getCell(2).getText()).isEqualTo("1.234,5");
		assertThat(university.getCell(4).getText()).isEqualTo("4,6%");
		assertThat(university.getCell(2).getParagraphs().get(0).getAlignment().name()).isEqualTo("RIGHT");
		assertThat(university.getCell(0).getParagraphs().get(0).getAlignment().name()).isEqualTo("LEFT");
		// the annex repeats the table on its own page
		assertThat(read.getTables().stream().filter(t -> t.getText().contains("1.234,5")).count()).isEqualTo(2);
		assertThat(read.getParagraphs()).anySatisfy(p -> {
			assertThat(p.getText()).isEqualTo("PHỤ LỤC 1");
			assertThat(p.isPageBreak()).isTrue();
		});
	}

	@Test
	void bodySignatureRecipientsAndChart() {
		var text = allParagraphs().stream().map(XWPFParagraph::getText).toList();
		assertThat(text).contains("I. TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN", "-----", "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c),",
				"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Thành");
		assertThat(run("Nơi nhận:").isBold()).isTrue();
		assertThat(run("- Lưu Văn phòng Huyện ủy.").getFontSizeAsDouble()).isEqualTo(11.0);
		assertThat(read.getAllPictures()).hasSize(1);
		assertThat(read.getAllPictures().get(0).getData()).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void unknownNumberAndDayLeaveBlanksLikeTheSeed() {
		var draft = new OfficialDocument(DocumentFormat.PARTY, "Đảng bộ tỉnh Lâm Đồng", "Huyện ủy Đam Rông",
				DocumentNumber.unknown("CTr/HU"), "Đam Rông", new DocumentDate(null, 3, 2024), "Chương trình hành động",
				"Thực hiện Nghị quyết số 45-NQ/TW", List.of(new Block.Paragraph("Nội dung.")), null, List.of(), List.of());
		assertThat(draft.numberLine()).matches("Số \u00a0{6}-CTr/HU");
		assertThat(draft.dateLine()).isEqualTo("Đam Rông, ngày \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 tháng 3 năm 2024");
		var state = new OfficialDocument(DocumentFormat.STATE, "UBND tỉnh Lâm Đồng", "Ủy ban nhân dân huyện Đam Rông",
				new DocumentNumber(12, "BC-UBND"), "Đam Rông", new DocumentDate(5, 1, 2025), "Báo cáo", "Tóm tắt",
				List.of(), new Signature("TM. Ủy ban nhân dân", "KT. Chủ tịch", "Trần Văn B"), List.of("Như trên;"),
				List.of());
		assertThat(state.numberLine()).isEqualTo("Số: 12/BC-UBND");
		assertThat(state.dateLine()).isEqualTo("Đam Rông, ngày 05 tháng 01 năm 2025");
		assertThat(state.nationalTitle()).containsExactly("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc");
		var documents = new Documents();
		assertThat(documents.docx(draft)).isNotEmpty();
		assertThat(documents.docx(state)).isNotEmpty();
	}
}
