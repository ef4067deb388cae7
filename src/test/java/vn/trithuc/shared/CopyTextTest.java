package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTextTest {

	@Test
	void nulls_become_backslash_n_and_tabs_newlines_backslashes_are_escaped() {
		var out = new StringBuilder();
		CopyText.line(out, "Đạ K'Nàng", null, 42, "a\tb\nc\\d\re");
		assertThat(out).hasToString("Đạ K'Nàng\t\\N\t42\ta\\tb\\nc\\\\d\\re\n");
	}
}
