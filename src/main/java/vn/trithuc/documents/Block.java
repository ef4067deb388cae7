package vn.trithuc.documents;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trithuc.shared.Formats;

/** A piece of a document's body. The caller writes the text, numbering included ("I. ...", "1. ...", "a) ..."). */
public sealed interface Block {

	/** A heading: level 1 "I. KẾT QUẢ" (bold), level 2 "1. Mục đích" (bold), level 3 "a) ..." (bold italic). */
	record Heading(int level, String text) implements Block {
		public Heading {
			if (level < 1 || level > 3) {
				throw new IllegalArgumentException("heading level 1..3: " + level);
			}
		}
	}

	/** A justified paragraph with a first-line indent. */
	record Paragraph(String text) implements Block {
	}

	/** A "- " item, as party and state documents write lists. */
	record Bullet(String text) implements Block {
	}

	/** A table with a header row; numeric cells are right-aligned. */
	record Table(@Nullable String title, List<String> header, List<List<Cell>> rows) implements Block {
		public Table {
			header = List.copyOf(header);
			rows = rows.stream().map(List::copyOf).toList();
		}
	}

	/** A chart with an optional caption under it. */
	record Figure(ChartImage chart, @Nullable String caption) implements Block {
	}

	/** One table cell: text (left) or a number already formatted the Vietnamese way, 1.234,5 (right); strong = bold (totals). */
	record Cell(String text, boolean numeric, boolean strong) {

		private static final Formats FORMATS = new Formats();

		public static Cell text(String text) {
			return new Cell(text, false, false);
		}

		/** 1234.5 → "1.234,5" with at most {@code decimals} decimals; null → empty. */
		public static Cell number(@Nullable Number value, int decimals) {
			return new Cell(value == null ? "" : FORMATS.number(value instanceof BigDecimal ? value : value.doubleValue(), decimals),
					true, false);
		}

		public static Cell number(@Nullable Number value) {
			return number(value, 1);
		}

		/** A percentage, 12.5 → "12,5%". */
		public static Cell percent(@Nullable Number percent) {
			return new Cell(percent == null ? "" : FORMATS.number(percent.doubleValue(), 1) + "%", true, false);
		}

		public Cell emphasised() {
			return new Cell(text, numeric, true);
		}
	}
}
