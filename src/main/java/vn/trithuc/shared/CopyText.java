package vn.trithuc.shared;

/** Lines of PostgreSQL's COPY text format, for bulk loads: tab-separated, \N for null, backslash escapes. */
public final class CopyText {

	private CopyText() {
	}

	/** Appends one line of {@code values} (their {@code toString()}) to {@code out}. */
	public static void line(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			var v = values[i];
			if (v == null) {
				out.append("\\N");
				continue;
			}
			var text = v.toString();
			for (int c = 0; c < text.length(); c++) {
				char ch = text.charAt(c);
				switch (ch) {
					case '\\' -> out.append("\\\\");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					default -> out.append(ch);
				}
			}
		}
		out.append('\n');
	}
}
