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

	private static List<String> split(String text) {
		var folded = VietnameseText.fold(text).replace('-', ' ');
		var tokens = new java.util.ArrayList<String>();
		for (var token : folded.split(" ")) {
			var clean = token.replaceAll("[^\\p{L}\\p{N}']", "");
			if (!clean.isEmpty() && !clean.equals("'")) {
				tokens.add(clean);
			}
		}
		return tokens;
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
