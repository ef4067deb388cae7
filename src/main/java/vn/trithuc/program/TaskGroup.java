package vn.trithuc.program;

import java.util.Arrays;

/**
 * The five task groups shared by 45-NQ/TW, 107/NQ-CP and the district programs (DOMAIN.md): every task of a
 * program falls under one of them.
 */
public enum TaskGroup {
	/** nâng cao nhận thức về vị trí, vai trò của đội ngũ trí thức */
	AWARENESS(1),
	/** đào tạo, bồi dưỡng, sử dụng, đãi ngộ, tôn vinh, trọng dụng nhân tài */
	TRAINING_AND_TALENT(2),
	/** quản lý nhà nước, cơ chế, chính sách */
	STATE_MANAGEMENT_AND_POLICY(3),
	/** nguồn lực và hội nhập quốc tế */
	RESOURCES_AND_INTEGRATION(4),
	/** vai trò, trách nhiệm của trí thức và các hội trí thức */
	ROLE_OF_INTELLECTUALS(5);

	private final int number;

	TaskGroup(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}

	public String messageKey() {
		return "program.taskGroup." + number;
	}

	public static TaskGroup ofNumber(int number) {
		return Arrays.stream(values()).filter(g -> g.number == number).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no task group " + number));
	}
}
