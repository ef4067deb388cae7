package vn.trithuc.program;

/** The kinds of reporting periods (kỳ báo cáo). */
public enum PeriodKind {
	/** 6 tháng */
	SIX_MONTH,
	/** năm */
	ANNUAL,
	/** sơ kết */
	INTERIM_REVIEW,
	/** tổng kết */
	FINAL_REVIEW,
	/** đột xuất */
	AD_HOC;

	public String messageKey() {
		return "program.periodKind." + name();
	}
}
