package vn.trithuc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.trithuc.documents.internal.DocumentFonts;

class ChartsTest {

	@Test
	void barChartAsSvgWithVietnameseTextAndPngAtTwiceTheSize() throws Exception {
		var image = Charts.bar(SampleDocuments.chart(), 600, 300);
		assertThat(image.svg()).startsWith("<svg").contains("viewBox='0.0 0.0 600.0 300.0'", ">Thạc sĩ<", ">Cao đẳng<",
				">Trí thức theo trình độ<", ">1.234,5<", "Liberation Serif");
		var png = ImageIO.read(new ByteArrayInputStream(image.png()));
		assertThat(png.getWidth()).isEqualTo(1200);
		assertThat(png.getHeight()).isEqualTo(600);
	}

	@Test
	void chartFontsAreTheBundledFacesThatCoverVietnamese() {
		var vietnamese = "Tiến sĩ, Thạc sĩ, Đại học, Cao đẳng, Số người, Kỳ trước, Trình độ, ỨỪỬỮỰ ặẵẳằắ";
		for (int style : new int[] { Font.PLAIN, Font.BOLD, Font.ITALIC, Font.BOLD | Font.ITALIC }) {
			var font = DocumentFonts.awt(style, 12);
			assertThat(font.getFamily()).isEqualTo("Liberation Serif");
			assertThat(font.getStyle()).isEqualTo(style);
			assertThat(font.canDisplayUpTo(vietnamese)).as("first glyph missing in style %d", style).isEqualTo(-1);
		}
	}

	@Test
	void seriesMustMatchTheCategories() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> new BarChart("t", "x", "y", List.of("a", "b"),
						List.of(new BarChart.Series("s", List.of(1)))))
				.withMessageContaining("categories");
	}
}
