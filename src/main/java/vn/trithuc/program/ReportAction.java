package vn.trithuc.program;

/** The steps of the unit report workflow. */
public enum ReportAction {
	/** the unit sends its report (again, after a return) */
	SUBMIT,
	/** the commission sends it back with a comment */
	RETURN,
	/** the commission accepts it: it is locked */
	ACCEPT,
	/** a correction of an accepted report: reopened with a reason */
	REOPEN;

	public String messageKey() {
		return "program.reportAction." + name();
	}
}
