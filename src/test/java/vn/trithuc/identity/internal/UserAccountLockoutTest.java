package vn.trithuc.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.trithuc.identity.Role;

class UserAccountLockoutTest {

	private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
	private static final Duration LOCKOUT = Duration.ofMinutes(15);

	private final UserAccount account = UserAccount.create("Lan.TuyenGiao", "Nguyễn Thị Lan", null,
			Set.of(Role.PROGRAM_MANAGER), "{noop}x", NOW);

	@Test
	void user_names_are_kept_in_lower_case() {
		assertThat(account.username()).isEqualTo("lan.tuyengiao");
	}

	@Test
	void the_fifth_failure_in_a_row_locks_the_account_for_the_lockout_duration() {
		for (int i = 1; i <= 4; i++) {
			assertThat(account.recordFailedLogin(NOW, 5, LOCKOUT)).isFalse();
		}
		assertThat(account.recordFailedLogin(NOW, 5, LOCKOUT)).isTrue();
		assertThat(account.isLockedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
		assertThat(account.isLockedAt(NOW.plus(LOCKOUT))).isFalse();
	}

	@Test
	void a_success_resets_the_count() {
		for (int i = 1; i <= 4; i++) {
			account.recordFailedLogin(NOW, 5, LOCKOUT);
		}
		account.recordSuccessfulLogin();
		assertThat(account.recordFailedLogin(NOW, 5, LOCKOUT)).isFalse();
		assertThat(account.failedAttempts()).isEqualTo(1);
	}

	@Test
	void after_the_lock_expires_counting_starts_again() {
		for (int i = 1; i <= 5; i++) {
			account.recordFailedLogin(NOW, 5, LOCKOUT);
		}
		var later = NOW.plus(Duration.ofMinutes(16));
		assertThat(account.recordFailedLogin(later, 5, LOCKOUT)).isFalse();
		assertThat(account.failedAttempts()).isEqualTo(1);
	}

	@Test
	void an_administrator_unlock_lifts_the_lock_at_once() {
		for (int i = 1; i <= 5; i++) {
			account.recordFailedLogin(NOW, 5, LOCKOUT);
		}
		account.unlock();
		assertThat(account.isLockedAt(NOW)).isFalse();
	}

	@Test
	void a_new_account_and_a_reset_password_must_be_changed() {
		assertThat(account.mustChangePassword()).isTrue();
		account.changePassword("{noop}y", NOW);
		assertThat(account.mustChangePassword()).isFalse();
		account.resetPassword("{noop}z", NOW);
		assertThat(account.mustChangePassword()).isTrue();
	}
}
