package vn.trithuc.program;

/** A unit's report for a period seen from the deadline: a cell of the completeness matrix. */
public enum Timeliness {
	/** sent by the deadline */
	ON_TIME,
	/** sent after the deadline */
	LATE,
	/** not sent, deadline not yet passed */
	NOT_DUE,
	/** not sent, deadline passed */
	MISSING;

	public boolean submitted() {
		return this == ON_TIME || this == LATE;
	}

	public String messageKey() {
		return "program.timeliness." + name();
	}
}
