package vn.trithuc.registry.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.trithuc.shared.VietnameseText;

/**
 * Names as search tokens: folded (no diacritics or tone placement, đ = d, lower case) and split on spaces and
 * hyphens; a token with an apostrophe (K'Ho, M'Nông names: "K'Huơng") is also indexed without it ("khuong").
 */
public final class NameTokens {

	/** Tokens shorter than this match exactly; longer ones tolerate one typo. */
	public static final int FUZZY_MIN_LENGTH = 4;

	private NameTokens() {
	}

	public static List<String> of(String... parts) {
		var tokens = new LinkedHashSet<String>();
		for (var part : parts) {
			if (part == null) {
				continue;
			}
			for (var token : split(part)) {
				tokens.add(token);
				if (token.indexOf('\'') >= 0) {
					tokens.add(token.replace("'", ""));
				}
			}
		}
		return List.copyOf(tokens);
	}

	/** Query tokens: folded words, duplicates removed, order kept. */
	public static List<String> query(String text) {
		return List.copyOf(new LinkedHashSet<>(split(text)));
	}

	private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}']");

	private static List<String> split(String text) {
		var folded = VietnameseText.fold(text).replace('-', ' ');
		var tokens = new java.util.ArrayList<String>();
		for (var token : folded.split(" ")) {
			var clean = wordOnly(token) ? token : NOT_WORD.matcher(token).replaceAll("");
			if (!clean.isEmpty() && !clean.equals("'")) {
				tokens.add(clean);
			}
		}
		return tokens;
	}

	/** True when the token holds only letters, digits and apostrophes (the usual case: nothing to remove). */
	private static boolean wordOnly(String token) {
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c != '\'' && !Character.isLetterOrDigit(c)) {
				return false;
			}
		}
		return true;
	}

	/** The search tokens ({@link #of}) and the duplicate key ({@link #key}) of a name, each part folded once. */
	record OfName(List<String> tokens, String key) {
	}

	static OfName ofName(String family, @org.jspecify.annotations.Nullable String middle, String given,
			@org.jspecify.annotations.Nullable String other) {
		var parts = new String[] { family, middle == null ? "" : middle, given };
		for (var part : parts) {
			if (part.indexOf('\'') >= 0 || part.indexOf('’') >= 0 || part.indexOf('ʼ') >= 0 || part.indexOf('`') >= 0) {
				// an apostrophe folds together with the spaces around it: the parts joined, as key() does
				return new OfName(of(family, middle, given, other), key(family, middle, given));
			}
		}
		var tokens = new LinkedHashSet<String>();
		var key = new StringBuilder();
		for (var part : parts) {
			for (var token : split(part)) {
				tokens.add(token);
				if (key.length() > 0) {
					key.append(' ');
				}
				key.append(token);
			}
		}
		if (other != null) {
			for (var token : split(other)) {
				tokens.add(token);
				if (token.indexOf('\'') >= 0) {
					tokens.add(token.replace("'", ""));
				}
			}
		}
		return new OfName(List.copyOf(tokens), key.toString());
	}

	/** The folded full name used to find likely duplicates. */
	public static String key(String family, String middle, String given) {
		return String.join(" ", split(String.join(" ", family, middle == null ? "" : middle, given)));
	}

	public static boolean fuzzy(String token) {
		return token.replace("'", "").length() >= FUZZY_MIN_LENGTH;
	}

	static Set<String> none() {
		return Set.of();
	}
}
