package vn.trithuc.program;

/** What an item of a program is: its section decides it. */
public enum ItemKind {
	/** I.1 mục đích */
	PURPOSE,
	/** I.2 yêu cầu */
	REQUIREMENT,
	/** II.1 mục tiêu chung */
	GENERAL_OBJECTIVE,
	/** II.2 mục tiêu cụ thể đến năm 2030 */
	OBJECTIVE_2030,
	/** II.3 tầm nhìn đến năm 2045 */
	VISION_2045,
	/** III nhiệm vụ, giải pháp */
	TASK,
	/** IV tổ chức thực hiện */
	ASSIGNMENT,
	/** nơi nhận */
	RECIPIENT;

	public String messageKey() {
		return "program.itemKind." + name();
	}
}
