package vn.trithuc.program;

import org.jspecify.annotations.Nullable;

/** A line of the program list, also a step of a cascade. */
public record ProgramSummary(ProgramId id, DocumentKind kind, boolean referenceOnly, String issuerName,
		@Nullable String number, @Nullable String numberSuffix, PartialDate issued, String title) {

	/** The number as written when known (77-CTr/TU), else null: the document left it blank. */
	public boolean numberKnown() {
		return number != null;
	}

	/** 77-CTr/TU; or -CTr/HU when the number itself is unknown. */
	public String fullNumber() {
		if (number == null) {
			return numberSuffix == null ? "" : "-" + numberSuffix;
		}
		return numberSuffix == null ? number : number + "-" + numberSuffix;
	}
}
