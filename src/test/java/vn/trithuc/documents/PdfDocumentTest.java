package vn.trithuc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfDocumentTest {

	static byte[] pdf;
	static PDDocument read;
	static Path dir = Path.of("target/documents");

	@BeforeAll
	static void render() throws Exception {
		var chart = Charts.bar(SampleDocuments.chart());
		var documents = new Documents();
		long start = System.nanoTime();
		pdf = documents.pdf(SampleDocuments.report(chart));
		System.out.printf("pdf: %d bytes in %d ms%n", pdf.length, (System.nanoTime() - start) / 1_000_000);
		start = System.nanoTime();
		documents.pdf(SampleDocuments.report(chart));
		System.out.printf("pdf again: %d ms%n", (System.nanoTime() - start) / 1_000_000);
		Files.createDirectories(dir);
		Files.write(dir.resolve("review-report.pdf"), pdf);
		Files.writeString(dir.resolve("review-report.html"), documents.html(SampleDocuments.report(chart)));
		Files.writeString(dir.resolve("chart.svg"), chart.svg());
		Files.write(dir.resolve("chart.png"), chart.png());
		read = Loader.loadPDF(pdf);
	}

	@AfterAll
	static void close() throws IOException {
		read.close();
	}

	static String text(int fromPage, int toPage) throws IOException {
		var stripper = new PDFTextStripper();
		stripper.setStartPage(fromPage);
		stripper.setEndPage(toPage);
		return stripper.getText(read);
	}

	@Test
	void headerLinesInNfcVietnameseOnA4() throws IOException {
		var first = text(1, 1);
		assertThat(first).isEqualTo(Normalizer.normalize(first, Normalizer.Form.NFC));
		var lines = first.lines().map(String::strip).toList();
		assertThat(lines).contains("BÁO CÁO").anySatisfy(l -> assertThat(l).contains("ĐẢNG BỘ TỈNH LÂM ĐỒNG"))
				.anySatisfy(l -> assertThat(l).contains("HUYỆN ỦY ĐAM RÔNG"))
				.anySatisfy(l -> assertThat(l).contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
				.anySatisfy(l -> assertThat(l).contains("Số 12-BC/HU"))
				.anySatisfy(l -> assertThat(l).contains("Đam Rông, ngày 15 tháng 12 năm 2024"));
		for (var page : read.getPages()) {
			assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
			assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
		}
	}

	@Test
	void tablesChartTextAndAnnexAreSearchable() throws IOException {
		var all = text(1, read.getNumberOfPages());
		assertThat(all).contains("Nơi nhận:", "1.234,5", "4,6%", "Tăng, giảm", "T/M BAN THƯỜNG VỤ", "Nguyễn Văn Thành", "PHỤ LỤC 1");
		// the chart is drawn with real text: its title and Vietnamese category labels are extractable
		assertThat(all).contains("Cao đẳng", "1.300").containsPattern("Kỳ trước[\\s\\S]*Kỳ trước");
		assertThat(text(read.getNumberOfPages(), read.getNumberOfPages())).contains("PHỤ LỤC 1");
		assertThat(read.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		// page numbers from page 2
		assertThat(text(2, 2).lines().map(String::strip).findFirst()).hasValue("2");
		assertThat(text(1, 1).lines().map(String::strip).findFirst()).isNotEqualTo(java.util.Optional.of("1"));
	}

	@Test
	void onlyEmbeddedLiberationSerifWithoutNotdefGlyphs() throws IOException {
		Set<String> fonts = new TreeSet<>();
		List<String> missing = new ArrayList<>();
		var stripper = new PDFTextStripper() {
			@Override
			protected void processTextPosition(TextPosition text) {
				var font = text.getFont();
				fonts.add(font.getName());
				try {
					if (font instanceof PDType0Font type0 && type0.getDescendantFont() instanceof PDCIDFontType2 cid) {
						for (int code : text.getCharacterCodes()) {
							if (cid.codeToGID(code) == 0) {
								missing.add(text.getUnicode());
							}
						}
					}
					else {
						missing.add("not a Type0/CIDFontType2 font: " + font.getName());
					}
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
				super.processTextPosition(text);
			}
		};
		stripper.getText(read);
		assertThat(missing).as(".notdef glyphs").isEmpty();
		assertThat(fonts).isNotEmpty().allSatisfy(name -> assertThat(name).matches("[A-Z]{6}\\+LiberationSerif.*"));
		assertThat(fonts).anySatisfy(n -> assertThat(n).endsWith("LiberationSerif-Bold"))
				.anySatisfy(n -> assertThat(n).endsWith("LiberationSerif-Italic"))
				.anySatisfy(n -> assertThat(n).endsWith("LiberationSerif"));
		for (var page : read.getPages()) {
			for (var name : page.getResources().getFontNames()) {
				assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
			}
		}
	}

	@Test
	void pagesRenderToImagesForALook() throws IOException {
		var renderer = new PDFRenderer(read);
		for (int i = 0; i < read.getNumberOfPages(); i++) {
			var image = renderer.renderImageWithDPI(i, 80);
			var file = dir.resolve("review-report-page" + (i + 1) + ".png");
			ImageIO.write(image, "png", file.toFile());
			assertThat(image.getWidth()).isCloseTo(661, org.assertj.core.data.Offset.offset(3));
			assertThat(Files.size(file)).isGreaterThan(10_000);
		}
	}

	@Test
	void previewHtmlCarriesTheSameLayoutAndTheInlineSvg() throws IOException {
		var html = Files.readString(dir.resolve("review-report.html"));
		assertThat(html).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\">", "ĐẢNG CỘNG SẢN VIỆT NAM",
				"<svg", "viewBox='0.0 0.0 640.0 360.0'", "Tiến sĩ", "1.234,5");
		assertThat(Files.readString(dir.resolve("chart.svg"))).contains("Liberation Serif", "Thạc sĩ");
	}

	@Test
	void stateFormatHeaderAndDecomposedInputComeOutNfc() throws IOException {
		var nfd = java.text.Normalizer.normalize("Ủy ban nhân dân huyện Đam Rông", java.text.Normalizer.Form.NFD);
		var state = new OfficialDocument(DocumentFormat.STATE, "UBND tỉnh Lâm Đồng", nfd, new DocumentNumber(12, "BC-UBND"),
				"Đam Rông", new DocumentDate(5, 1, 2025), "Báo cáo", "Kết quả thực hiện Nghị quyết số 45-NQ/TW",
				List.of(new Block.Paragraph("Nội dung báo cáo.")),
				new Signature("TM. Ủy ban nhân dân", "KT. Chủ tịch", "Trần Văn Bình"), List.of("Như trên;", "Lưu: VT."),
				List.of());
		var bytes = new Documents().pdf(state);
		Files.write(dir.resolve("state-report.pdf"), bytes);
		try (var doc = Loader.loadPDF(bytes)) {
			var text = new PDFTextStripper().getText(doc);
			assertThat(text.lines().map(String::strip)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
			assertThat(text.replaceAll("\\s+", " ")).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-UBND",
					"ỦY BAN NHÂN DÂN HUYỆN ĐAM RÔNG", "Đam Rông, ngày 05 tháng 01 năm 2025", "TM. ỦY BAN NHÂN DÂN",
					"KT. CHỦ TỊCH", "Trần Văn Bình");
			assertThat(text).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
			ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png", dir.resolve("state-report-page1.png").toFile());
		}
	}
}
