package vn.trithuc.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as users type it: NFC for storage, a folded form for matching (no diacritics, đ → d,
 * lower case, apostrophe spacing and tone placement made irrelevant, Đạ K' Nàng = da k'nang).
 */
public final class VietnameseText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SPACES = Pattern.compile("\\s+");
	private static final Pattern APOSTROPHE = Pattern.compile("\\s*['’ʼ`]\\s*");

	private VietnameseText() {
	}

	/** Unicode NFC, trimmed; null stays null. */
	public static String nfc(String text) {
		return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
	}

	/** The matching key of a text: decomposed, marks dropped, đ/Đ → d, lower case, spaces collapsed. */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		var decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		var withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("")
			.replace('đ', 'd').replace('Đ', 'D').replace('Ð', 'D');
		var lower = withoutMarks.toLowerCase(Locale.ROOT);
		return SPACES.matcher(APOSTROPHE.matcher(lower).replaceAll("'")).replaceAll(" ").strip();
	}
}
