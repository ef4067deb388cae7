package vn.trithuc.program;

/** Where a unit report stands in its workflow. */
public enum ReportStatus {
	DRAFT, SUBMITTED, RETURNED, RESUBMITTED, ACCEPTED;

	/** The unit may still change its content. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	/** Sent at least once and not taken back for correction. */
	public boolean awaitingReview() {
		return this == SUBMITTED || this == RESUBMITTED;
	}

	public String messageKey() {
		return "program.reportStatus." + name();
	}
}
