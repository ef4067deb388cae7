package vn.trithuc.documents;

import org.jspecify.annotations.Nullable;

/**
 * A document's number and symbol, e.g. 12 and "BC/HU" (party: "Số 12-BC/HU") or 12 and "BC-UBND" (state:
 * "Số: 12/BC-UBND"). An unknown number (a draft, filled in by hand when the document is registered) leaves
 * blanks: "Số      -BC/HU".
 */
public record DocumentNumber(@Nullable Integer number, String symbol) {

	static final String BLANK = "\u00a0".repeat(6);

	public static DocumentNumber unknown(String symbol) {
		return new DocumentNumber(null, symbol);
	}

	/** The number line as printed under the issuing body. */
	public String text(DocumentFormat format) {
		var no = number == null ? BLANK : number.toString();
		return switch (format) {
			case PARTY -> "Số " + no + "-" + symbol;
			case STATE -> "Số: " + no + "/" + symbol;
		};
	}
}
