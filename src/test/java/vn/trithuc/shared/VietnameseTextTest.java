package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

	@Test
	void folding_drops_diacritics_and_maps_d_with_stroke() {
		assertThat(VietnameseText.fold("Nguyễn Thị Thuỷ Đặng Ưng Ỷ")).isEqualTo("nguyen thi thuy dang ung y");
	}

	@Test
	void folding_ignores_tone_placement_and_composition() {
		var decomposed = Normalizer.normalize("Hòa", Normalizer.Form.NFD);
		assertThat(VietnameseText.fold("hoà")).isEqualTo(VietnameseText.fold("Hòa")).isEqualTo("hoa");
		assertThat(VietnameseText.fold(decomposed)).isEqualTo("hoa");
	}

	@Test
	void folding_ignores_apostrophe_spacing_in_minority_names() {
		assertThat(VietnameseText.fold("Đạ K' Nàng")).isEqualTo(VietnameseText.fold("Đạ K'Nàng")).isEqualTo("da k'nang");
	}

	@Test
	void nfc_composes_what_was_typed_decomposed() {
		var decomposed = Normalizer.normalize("Đam Rông", Normalizer.Form.NFD);
		assertThat(VietnameseText.nfc(" " + decomposed + " ")).isEqualTo("Đam Rông").hasSize(8);
	}
}
