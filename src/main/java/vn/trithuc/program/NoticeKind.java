package vn.trithuc.program;

/** Why a user got an in-app notice (thông báo). */
public enum NoticeKind {
	/** the unit's report is due in a few days (to the unit's officers) */
	BEFORE_DEADLINE,
	/** the unit's report is late (to the unit's officers) */
	OVERDUE,
	/** the unit's report is many days late (to the leaders whose scope covers the unit) */
	ESCALATION,
	/** the commission urged the unit (đôn đốc; to the unit's officers) */
	MANUAL,
	/** the commission returned the report with a comment (to the unit's officers) */
	RETURNED,
	/** the commission accepted the report (to the unit's officers) */
	ACCEPTED;

	public String messageKey() {
		return "notice.kind." + name();
	}
}
