package vn.trithuc.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy(10);

	@Test
	void a_long_password_of_three_kinds_is_accepted() {
		assertThat(policy.check("Trí-thức2026", "lan")).isEmpty();
		assertThat(policy.check("đổi mật khẩu 2026", "lan")).isEmpty();
	}

	@Test
	void a_short_password_is_refused() {
		assertThat(policy.check("Ab1!", "lan")).extracting(PasswordPolicy.Violation::messageKey)
			.containsExactly("password.policy.length");
	}

	@Test
	void a_password_of_one_kind_is_refused() {
		assertThat(policy.check("matkhaumatkhau", "lan")).extracting(PasswordPolicy.Violation::messageKey)
			.containsExactly("password.policy.classes");
	}

	@Test
	void a_password_containing_the_user_name_is_refused() {
		assertThat(policy.check("Tuan.noivu-2026", "tuan.noivu")).extracting(PasswordPolicy.Violation::messageKey)
			.containsExactly("password.policy.username");
	}

	@Test
	void generated_one_time_passwords_pass_the_policy_and_differ() {
		var first = OneTimePasswords.generate();
		assertThat(policy.check(first, "admin")).isEmpty();
		assertThat(first).hasSize(14).isNotEqualTo(OneTimePasswords.generate());
	}
}
