package vn.trithuc.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.trithuc.shared.VietnameseText;

/**
 * What search derives from a profile's parts (issue 6): the fields of study (codes, of degrees and expertise), the
 * highest academic title, and the expertise document for the expert finder, a PostgreSQL {@code tsvector} literal of
 * folded words weighted A (names of the fields of study) &gt; B (expertise keywords) &gt; C (titles of S&amp;T works
 * and publications). Queries are tokenised the same way ({@link #words}), so folding, đ = d and NFD input match.
 */
public record SearchDocument(List<String> fields, @Nullable String academicTitle, String expertise) {

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
	/** PostgreSQL keeps word positions up to 16383. */
	private static final int MAX_POSITION = 16_383;

	/** @param fieldName the name of a field-of-study code ("62" → "Nông, lâm nghiệp và thủy sản") */
	public static SearchDocument of(List<Part> parts, Function<String, String> fieldName) {
		var fields = new LinkedHashSet<String>();
		String title = null;
		var a = new ArrayList<String>();
		var b = new ArrayList<String>();
		var c = new ArrayList<String>();
		for (var part : parts) {
			switch (part.kind()) {
				case DEGREE -> fields.add(part.attribute("fieldOfStudy"));
				case EXPERTISE -> {
					fields.add(part.attribute("field"));
					b.add(part.attribute("keywords"));
				}
				case WORK -> c.add(part.attribute("title"));
				case ACADEMIC_TITLE -> {
					var t = part.attribute("title");
					if (!t.isEmpty() && (title == null || t.equals("GS"))) {
						title = t;
					}
				}
				default -> {
				}
			}
		}
		fields.remove("");
		for (var field : fields) {
			a.add(fieldName.apply(field));
		}
		return new SearchDocument(List.copyOf(fields), title, tsvector(a, b, c));
	}

	/** Folded words of a text, apostrophes dropped (K'Ho → kho): the lexemes of the document and of queries. */
	public static List<String> words(String text) {
		var words = new ArrayList<String>();
		for (var word : NON_WORD.split(VietnameseText.fold(text).replace("'", ""))) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** A tsvector literal: 'word':1A,5B ... */
	static String tsvector(List<String> a, List<String> b, List<String> c) {
		var positions = new LinkedHashMap<String, StringBuilder>();
		int[] position = { 0 };
		add(positions, position, a, 'A');
		add(positions, position, b, 'B');
		add(positions, position, c, 'C');
		var out = new StringBuilder();
		for (Map.Entry<String, StringBuilder> e : positions.entrySet()) {
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append('\'').append(e.getKey()).append("':").append(e.getValue());
		}
		return out.toString();
	}

	private static void add(Map<String, StringBuilder> positions, int[] position, List<String> texts, char weight) {
		for (var text : texts) {
			for (var word : words(text)) {
				position[0] = Math.min(MAX_POSITION, position[0] + 1);
				var list = positions.computeIfAbsent(word, k -> new StringBuilder());
				if (!list.isEmpty()) {
					list.append(',');
				}
				list.append(position[0]).append(weight);
			}
			position[0] = Math.min(MAX_POSITION, position[0] + 1); // no phrase across two texts
		}
	}

	/** All words, in any position: 'a' &amp; 'b'. Empty when the text has no word. */
	public static String allWords(String query) {
		return String.join(" & ", words(query).stream().map(w -> "'" + w + "'").toList());
	}

	/** The words as a phrase: 'a' &lt;-&gt; 'b'. */
	public static String phrase(String query) {
		return String.join(" <-> ", words(query).stream().map(w -> "'" + w + "'").toList());
	}
}
