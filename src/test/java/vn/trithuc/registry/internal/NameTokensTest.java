package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class NameTokensTest {

	@Test
	void names_fold_to_tokens_without_diacritics_and_with_d_for_dj() {
		assertThat(NameTokens.of("Đặng", "Thị", "Thuỷ")).containsExactly("dang", "thi", "thuy");
		assertThat(NameTokens.of("Nguyễn", "Văn", "Hoà")).isEqualTo(NameTokens.of("Nguyễn", "Văn", "Hòa"));
		assertThat(NameTokens.query(Normalizer.normalize("Nguyễn Văn Hoà", Normalizer.Form.NFD)))
			.containsExactly("nguyen", "van", "hoa");
	}

	@Test
	void k_ho_names_are_indexed_with_and_without_the_apostrophe() {
		assertThat(NameTokens.of("Ka", "", "K'Huơng")).containsExactly("ka", "k'huong", "khuong");
		assertThat(NameTokens.query("k' huong")).containsExactly("k'huong");
	}

	@Test
	void only_tokens_of_four_letters_or_more_are_fuzzy() {
		assertThat(NameTokens.fuzzy("hoa")).isFalse();
		assertThat(NameTokens.fuzzy("k'ho")).isFalse();
		assertThat(NameTokens.fuzzy("hoan")).isTrue();
	}

	@Test
	void spreadsheet_values_that_look_like_formulas_are_neutralised() {
		assertThat(SpreadsheetText.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetText.neutralise("+84 912")).isEqualTo("'+84 912");
		assertThat(SpreadsheetText.neutralise("-1")).isEqualTo("'-1");
		assertThat(SpreadsheetText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetText.neutralise("  =1+1")).isEqualTo("'  =1+1");
		assertThat(SpreadsheetText.neutralise("Nguyễn")).isEqualTo("Nguyễn");
		assertThat(SpreadsheetText.neutralise("\t=1+1")).isEqualTo("'\t=1+1");
		assertThat(SpreadsheetText.neutralise("\rX")).isEqualTo("'\rX");
	}

	@Test
	void tokens_and_key_of_a_name_folded_once_equal_those_folded_separately() {
		String[][] names = { { "Đặng", "Thị", "Thuỷ", null }, { "Nguyễn", null, "Hoà", null }, { "Ka", "", "K'Huơng", null },
				{ "Lê-Trần", "Thị  Minh", "Ánh", "Ánh Hồng" }, { "Ngô", "Văn (Sáu)", "Tư²", "K'Ho" }, { "Ông", "Ích", "Khiêm", "" },
				{ "Trần", "Văn", "Nam", "Trần Văn Nam" }, { " Phạm ", " Thị", "Lan. ", null } };
		for (var n : names) {
			var once = NameTokens.ofName(n[0], n[1], n[2], n[3]);
			assertThat(once.tokens()).as(String.join("|", java.util.Arrays.toString(n))).isEqualTo(NameTokens.of(n));
			assertThat(once.key()).isEqualTo(NameTokens.key(n[0], n[1], n[2]));
		}
	}
}
