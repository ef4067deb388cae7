package vn.trithuc.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The faces embedded in PDFs have no glyph substitution table and still map every Vietnamese letter. */
class DocumentFontsTest {

	@Test
	void the_pdf_faces_hide_gsub_and_keep_the_vietnamese_glyphs() throws Exception {
		for (var face : DocumentFonts.FACES) {
			try (var original = new TTFParser().parse(new RandomAccessReadBuffer(face.open()));
					var pdf = new TTFParser().parse(new RandomAccessReadBuffer(face.openForPdf()))) {
				assertThat(original.getTableMap()).containsKey("GSUB");
				assertThat(pdf.getTableMap()).doesNotContainKey("GSUB");
				assertThat(pdf.getNumberOfGlyphs()).isEqualTo(original.getNumberOfGlyphs());
				var cmap = pdf.getUnicodeCmapLookup();
				"Nguyễn Thị Thuỷ Đặng Ưng Ỷ ường ộ ế".codePoints().filter(c -> c != ' ')
					.forEach(c -> assertThat(cmap.getGlyphId(c)).as("glyph of %s", Character.toString(c)).isPositive());
			}
		}
	}
}
