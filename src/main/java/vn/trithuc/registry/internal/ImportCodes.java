package vn.trithuc.registry.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.trithuc.shared.VietnameseText;

/**
 * Code values as officers write them in spreadsheets: "Thạc sỹ", "ThS", "Th.S", "thac si" are all the education
 * level THAC_SI. A text that only resembles a known one (one or two letters off: "Thac xi") gives the code as a
 * suggestion, not as a match, so that the officer confirms it.
 */
final class ImportCodes {

	/** Folded spellings (dots and spaces removed as well) → education level code. */
	private static final Map<String, String> DEGREES = new LinkedHashMap<>();
	static {
		degree("THAC_SI", "ths", "thacsi", "thacsy", "caohoc", "master", "msc", "mba");
		degree("TIEN_SI", "ts", "tiensi", "tiensy", "phd", "dr");
		degree("TIEN_SI_KHOA_HOC", "tskh", "tiensikhoahoc", "tiensykhoahoc", "dsc");
		degree("DAI_HOC", "dh", "daihoc", "cunhan", "cn", "kysu", "ks", "bacsi", "bacsy", "bs", "duocsi", "duocsy", "ds",
				"kientrucsu", "kts", "bachelor", "totnghiepdaihoc");
		degree("CAO_DANG", "cd", "caodang");
		degree("TRUNG_CAP", "tc", "trungcap");
		degree("SO_CAP", "socap");
		degree("CHUYEN_KHOA_1", "ck1", "cki", "chuyenkhoa1", "chuyenkhoai", "chuyenkhoacap1", "chuyenkhoacapi", "bsck1",
				"bscki");
		degree("CHUYEN_KHOA_2", "ck2", "ckii", "chuyenkhoa2", "chuyenkhoaii", "chuyenkhoacap2", "chuyenkhoacapii",
				"bsck2", "bsckii");
		degree("BAC_SI_NOI_TRU", "bsnt", "bacsinoitru", "bacsynoitru");
	}

	private static void degree(String code, String... spellings) {
		for (var spelling : spellings) {
			DEGREES.put(spelling, code);
		}
	}

	/** @param exact false when {@code code} is only a suggestion; code null when nothing resembles the text */
	record Match(@Nullable String code, boolean exact) {
	}

	private ImportCodes() {
	}

	static String key(String text) {
		return VietnameseText.fold(text).replaceAll("[^a-z0-9]", "");
	}

	static Match degree(String text) {
		var key = key(text);
		var code = DEGREES.get(key);
		if (code != null) {
			return new Match(code, true);
		}
		if (key.length() < 5) {
			return new Match(null, false);
		}
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (var entry : DEGREES.entrySet()) {
			if (entry.getKey().length() < 5) {
				continue;
			}
			int distance = distance(key, entry.getKey());
			if (distance < bestDistance) {
				bestDistance = distance;
				best = entry.getValue();
			}
		}
		return bestDistance <= 2 ? new Match(best, false) : new Match(null, false);
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		var previous = new int[b.length() + 1];
		var current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			var swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
