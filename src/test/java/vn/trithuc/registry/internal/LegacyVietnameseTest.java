package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.trithuc.registry.internal.LegacyVietnamese.Encoding;

/** Known pairs: the TCVN3 side was produced by iconv (TCVN5712-1, the VN3 upper half) from the Unicode side. */
class LegacyVietnameseTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"NguyÔn V¨n Hoµ|Nguyễn Văn Hoà",
			"§¹ K'Nµng, huyÖn §am R«ng|Đạ K'Nàng, huyện Đam Rông",
			"Th¹c sü Qu¶n lý gi¸o dôc|Thạc sỹ Quản lý giáo dục",
			"Tr\u00ADêng §¹i häc T©y Nguyªn|Trường Đại học Tây Nguyên",
			"Bïi ThÞ Thuû|Bùi Thị Thuỷ",
			"M\u00ADêng Kh\u00AD¬ng, B¶o Th¾ng, B¸t X¸t|Mường Khương, Bảo Thắng, Bát Xát",
			"ngµy 05/09/1985|ngày 05/09/1985" })
	void tcvn3_text_becomes_unicode_nfc(String legacy, String unicode) {
		var converted = LegacyVietnamese.toUnicode(legacy, Encoding.TCVN3);
		assertThat(converted).isEqualTo(unicode);
		assertThat(Normalizer.isNormalized(converted, Normalizer.Form.NFC)).isTrue();
	}

	@Test
	void every_tcvn3_letter_round_trips_and_the_capitals_font_gives_capitals() {
		assertThat(LegacyVietnamese.toUnicode("µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00ADõøö÷ùúýûüþ¡¢£¤¥¦§",
				Encoding.TCVN3)).isEqualTo("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂÊÔƠƯĐ");
		assertThat(LegacyVietnamese.toUnicode("nguyÔn thÞ hoa", Encoding.TCVN3_CAPITALS)).isEqualTo("NGUYỄN THỊ HOA");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Nguyeãn Vaên Hoaø|Nguyễn Văn Hoà",
			"Ñaï K'Naøng, huyeän Ñam Roâng|Đạ K'Nàng, huyện Đam Rông",
			"Thaïc syõ Quaûn lyù giaùo duïc|Thạc sỹ Quản lý giáo dục",
			"Tröôøng Ñaïi hoïc Taây Nguyeân|Trường Đại học Tây Nguyên",
			"Buøi Thò Thuyû|Bùi Thị Thuỷ",
			"Xin chaøo caùc baïn|Xin chào các bạn",
			"NGUYEÃN VAÊN HUØNG, ÑAÏI HOÏC|NGUYỄN VĂN HÙNG, ĐẠI HỌC",
			"Löôøng Thò Ngoïc Yeán, Ñaø Laït|Lường Thị Ngọc Yến, Đà Lạt",
			"Tieán só khoa hoïc, Kyõ sö|Tiến sĩ khoa học, Kỹ sư" })
	void vni_text_becomes_unicode_nfc(String legacy, String unicode) {
		assertThat(LegacyVietnamese.toUnicode(legacy, Encoding.VNI)).isEqualTo(unicode);
	}

	@Test
	void the_font_name_tells_the_encoding() {
		assertThat(LegacyVietnamese.fromFont(".VnTime")).isEqualTo(Encoding.TCVN3);
		assertThat(LegacyVietnamese.fromFont(".VnArial")).isEqualTo(Encoding.TCVN3);
		assertThat(LegacyVietnamese.fromFont(".VnTimeH")).isEqualTo(Encoding.TCVN3_CAPITALS);
		assertThat(LegacyVietnamese.fromFont("VNI-Times")).isEqualTo(Encoding.VNI);
		assertThat(LegacyVietnamese.fromFont("VNI-Helve")).isEqualTo(Encoding.VNI);
		assertThat(LegacyVietnamese.fromFont("Times New Roman")).isEqualTo(Encoding.UNICODE);
		assertThat(LegacyVietnamese.fromFont("Calibri")).isEqualTo(Encoding.UNICODE);
		assertThat(LegacyVietnamese.fromFont(null)).isEqualTo(Encoding.UNICODE);
		assertThat(LegacyVietnamese.toUnicode("Nguyễn Văn Hoà", Encoding.UNICODE)).isEqualTo("Nguyễn Văn Hoà");
	}
}
