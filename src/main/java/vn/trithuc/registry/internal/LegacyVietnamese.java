package vn.trithuc.registry.internal;

import java.text.Normalizer;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Text typed in the legacy Vietnamese fonts of old Excel files. These are font tricks, not charsets: the file
 * holds ordinary Windows-1252 characters ("B¸t X¸t") and only the cell's font (.VnTime = TCVN3/ABC, VNI-Times =
 * VNI) draws them as Vietnamese letters ("Bát Xát"). The font name tells the encoding; the characters are remapped
 * to Unicode and returned in NFC.
 * <ul>
 * <li>TCVN3 (ABC, TCVN 5712:1993 VN3): one character per letter; the fonts whose name ends in H (.VnTimeH,
 * .VnArialH) draw the lower-case codes as capitals.</li>
 * <li>VNI Windows: a base letter followed by one mark character (aù = á, aâ = â, aá = ấ); ô/ö alone are ơ/ư.</li>
 * </ul>
 */
public final class LegacyVietnamese {

	public enum Encoding {
		UNICODE, TCVN3, TCVN3_CAPITALS, VNI
	}

	// TCVN3 (VN3): position i of the first string is the character stored, of the second its letter
	private static final String TCVN3_CODES = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00ADõøö÷ùúýûüþ¡¢£¤¥¦§";
	private static final String TCVN3_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂÊÔƠƯĐ";

	private static final char[] TCVN3 = new char[256];
	static {
		if (TCVN3_CODES.length() != TCVN3_LETTERS.length()) {
			throw new IllegalStateException("TCVN3 table");
		}
		for (int i = 0; i < TCVN3_CODES.length(); i++) {
			TCVN3[TCVN3_CODES.charAt(i)] = TCVN3_LETTERS.charAt(i);
		}
	}

	// VNI: mark characters (lower and upper case) → combining marks to put after the base letter
	private static final String VNI_MARKS_LOWER = "ùøûõïâáàåãäêéèúüë";
	private static final String VNI_MARKS_UPPER = "ÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË";
	private static final String[] VNI_COMBINING = { "\u0301", "\u0300", "\u0309", "\u0303", "\u0323", // tones
			"\u0302", "\u0302\u0301", "\u0302\u0300", "\u0302\u0309", "\u0302\u0303", "\u0302\u0323", // circumflex
			"\u0306", "\u0306\u0301", "\u0306\u0300", "\u0306\u0309", "\u0306\u0303", "\u0306\u0323" }; // breve
	// VNI: characters that are a letter on their own
	private static final String VNI_SINGLE_CODES = "ñÑôÔöÖæÆóÓòÒîÎ";
	private static final String VNI_SINGLE_LETTERS = "đĐơƠưƯỉỈĩĨịỊỵỴ";

	private LegacyVietnamese() {
	}

	/** The encoding a cell font implies; {@code UNICODE} for every other font (Times New Roman, Arial, Calibri…). */
	public static Encoding fromFont(@Nullable String fontName) {
		if (fontName == null) {
			return Encoding.UNICODE;
		}
		var name = fontName.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith(".vn") || name.startsWith("vn3-") || name.startsWith("abc ")) {
			// .VnTimeH, .VnArialH, .VnAvantH… are the capitals fonts
			return name.endsWith("h") ? Encoding.TCVN3_CAPITALS : Encoding.TCVN3;
		}
		if (name.startsWith("vni-") || name.startsWith("vni ")) {
			return Encoding.VNI;
		}
		return Encoding.UNICODE;
	}

	/** True for the fonts of {@link #fromFont} other than Unicode. */
	public static boolean legacy(@Nullable String fontName) {
		return fromFont(fontName) != Encoding.UNICODE;
	}

	/** The text in Unicode NFC; null stays null, {@code UNICODE} text is only normalised. */
	public static String toUnicode(String text, Encoding encoding) {
		if (text == null) {
			return null;
		}
		var converted = switch (encoding) {
			case UNICODE -> text;
			case TCVN3 -> tcvn3(text);
			case TCVN3_CAPITALS -> tcvn3(text).toUpperCase(Locale.forLanguageTag("vi"));
			case VNI -> vni(text);
		};
		return Normalizer.normalize(converted, Normalizer.Form.NFC);
	}

	private static String tcvn3(String text) {
		var out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char mapped = c < 256 ? TCVN3[c] : 0;
			out.append(mapped != 0 ? mapped : c);
		}
		return out.toString();
	}

	private static String vni(String text) {
		var out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			char base = vniBase(c);
			if (base != 0 && i + 1 < text.length()) {
				int mark = vniMark(text.charAt(i + 1));
				if (mark >= 0 && (mark < 5 || isPlainVowel(base))) {
					out.append(base).append(VNI_COMBINING[mark]);
					i++;
					continue;
				}
			}
			int single = VNI_SINGLE_CODES.indexOf(c);
			out.append(single >= 0 ? VNI_SINGLE_LETTERS.charAt(single) : c);
		}
		return out.toString();
	}

	/** The letter a VNI mark may follow: a vowel, or ơ/ư written as ô/ö; 0 for any other character. */
	private static char vniBase(char c) {
		if ("aeouyAEOUY".indexOf(c) >= 0) {
			return c;
		}
		return switch (c) {
			case 'ô' -> 'ơ';
			case 'Ô' -> 'Ơ';
			case 'ö' -> 'ư';
			case 'Ö' -> 'Ư';
			default -> 0;
		};
	}

	private static boolean isPlainVowel(char base) {
		return "aeoAEO".indexOf(base) >= 0;
	}

	private static int vniMark(char c) {
		int lower = VNI_MARKS_LOWER.indexOf(c);
		return lower >= 0 ? lower : VNI_MARKS_UPPER.indexOf(c);
	}
}
