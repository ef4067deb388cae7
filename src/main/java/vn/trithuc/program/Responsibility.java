package vn.trithuc.program;

/** What section IV (Tổ chức thực hiện) asks of a unit. */
public enum Responsibility {
	/** plans and carries out the tasks, checks them periodically (the grassroots party organisations) */
	CARRIES_TASKS,
	/** turns the objectives into plans, schemes, mechanisms and policies (the people's committee) */
	CONCRETISES_POLICIES,
	/** supervises, critiques and mobilises members (Fatherland Front and mass organisations) */
	SUPERVISES_AND_MOBILISES,
	/** leads dissemination, monitors, urges, inspects and prepares the reviews (the propaganda commission) */
	LEADS_AND_MONITORS;

	public String messageKey() {
		return "program.responsibility." + name();
	}
}
