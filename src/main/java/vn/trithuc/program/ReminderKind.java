package vn.trithuc.program;

/** Why a unit was urged about its report. */
public enum ReminderKind {
	/** a person clicked Đôn đốc */
	MANUAL,
	/** N days before the deadline */
	BEFORE_DEADLINE,
	/** the day after the deadline passed */
	OVERDUE,
	/** M days late: to the unit's leader */
	ESCALATION;

	public String messageKey() {
		return "program.reminderKind." + name();
	}
}
