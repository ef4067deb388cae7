package vn.trithuc.program;

/** The kinds of documents in the policy cascade. */
public enum DocumentKind {
	/** Nghị quyết */
	RESOLUTION,
	/** Kế hoạch */
	PLAN,
	/** Chương trình hành động */
	ACTION_PROGRAM;

	public String messageKey() {
		return "program.documentKind." + name();
	}
}
