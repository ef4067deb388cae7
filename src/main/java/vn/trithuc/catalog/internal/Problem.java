package vn.trithuc.catalog.internal;

import java.util.List;

/**
 * Why input was refused: a message key of the bundle and its arguments. Row-level keys take the row number
 * and the column letter first: Dòng 14, cột A: ….
 */
public record Problem(String key, List<Object> args) {

	public Problem {
		args = List.copyOf(args);
	}

	static Problem of(String key, Object... args) {
		return new Problem("catalog.import.error." + key, List.of(args));
	}

	/** A problem with a full message key (outside the import's own keys). */
	public static Problem ofKey(String key, Object... args) {
		return new Problem(key, List.of(args));
	}

	static Problem at(int row, int column, String key, Object... args) {
		var all = new java.util.ArrayList<Object>();
		all.add(row);
		all.add(columnLetter(column));
		all.addAll(List.of(args));
		return new Problem("catalog.import.error." + key, all);
	}

	public Object[] arguments() {
		return args.toArray();
	}

	/** 0 → A, 25 → Z, 26 → AA. */
	static String columnLetter(int index) {
		var letters = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			letters.insert(0, (char) ('A' + (i - 1) % 26));
		}
		return letters.toString();
	}

	/** Input refused with its problems; nothing was changed. */
	public static class Refused extends RuntimeException {

		private final transient List<Problem> problems;

		Refused(List<Problem> problems) {
			super(problems.toString());
			this.problems = List.copyOf(problems);
		}

		Refused(Problem problem) {
			this(List.of(problem));
		}

		public List<Problem> problems() {
			return problems;
		}
	}
}
