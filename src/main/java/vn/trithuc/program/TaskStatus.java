package vn.trithuc.program;

/** How far a unit has come with one task of the program in a period. */
public enum TaskStatus {
	NOT_STARTED, IN_PROGRESS, DONE, OVERDUE;

	public String messageKey() {
		return "program.taskStatus." + name();
	}
}
