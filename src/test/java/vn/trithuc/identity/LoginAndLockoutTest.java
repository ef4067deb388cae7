package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.internal.UserAdministration;

@IntegrationTest
class LoginAndLockoutTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void five_wrong_passwords_lock_the_account_even_against_the_right_password_until_unlocked() {
		var username = TestAccounts.ready(administration, "lockout.target", Role.HR_OFFICER);
		var web = new WebClientSession(port);
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(web.login(username, "Sai-mật-khẩu-" + attempt).header("Location")).endsWith("/login?error");
		}
		assertThat(web.login(username, "Sai-mật-khẩu-5").header("Location")).endsWith("/login?locked");
		assertThat(web.login(username, TestAccounts.PASSWORD).header("Location")).endsWith("/login?locked");
		assertThat(web.get("/login?locked").body()).contains("Tài khoản đã bị tạm khóa");
		assertThat(administration.findByUsername(username).orElseThrow().locked()).isTrue();

		administration.unlock(administration.findByUsername(username).orElseThrow().id());
		assertThat(web.login(username, TestAccounts.PASSWORD).header("Location")).endsWith("/");
	}

	@Test
	void an_unknown_user_gets_the_same_answer_as_a_wrong_password() {
		var web = new WebClientSession(port);
		assertThat(web.login("khong.ton.tai", "Bất-kỳ-2026").header("Location")).endsWith("/login?error");
	}

	@Test
	void a_disabled_account_cannot_log_in() {
		var username = TestAccounts.ready(administration, "disabled.user", Role.LEADER);
		var user = administration.findByUsername(username).orElseThrow();
		administration.update(user.id(), user.version(), user.displayName(), "", user.roles(), false);
		assertThat(new WebClientSession(port).login(username, TestAccounts.PASSWORD).header("Location"))
			.endsWith("/login?disabled");
	}

	@Test
	void a_reset_password_is_one_time_and_forces_a_change_before_anything_else() {
		var username = TestAccounts.ready(administration, "reset.user", Role.UNIT_OFFICER);
		var oneTime = administration.resetPassword(administration.findByUsername(username).orElseThrow().id());
		var web = new WebClientSession(port);
		assertThat(web.login(username, oneTime).header("Location")).endsWith("/account/password");
		assertThat(web.get("/").header("Location")).endsWith("/account/password");
		assertThat(web.get("/api/v1/identity/me").status()).isEqualTo(403);

		var form = web.get("/account/password");
		var weak = web.postForm("/account/password", java.util.Map.of("current", oneTime, "proposed", "ngan",
				"confirmation", "ngan", "_csrf", WebClientSession.csrfToken(form.body())));
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("Mật khẩu phải có ít nhất 10 ký tự.");

		var changed = web.postForm("/account/password", java.util.Map.of("current", oneTime, "proposed",
				"Mật-khẩu-mới-2026", "confirmation", "Mật-khẩu-mới-2026", "_csrf",
				WebClientSession.csrfToken(weak.body())));
		assertThat(changed.header("Location")).endsWith("/");
		assertThat(web.get("/").status()).isEqualTo(200);
	}

	@Test
	void logging_in_changes_the_session_id_against_fixation() {
		var username = TestAccounts.ready(administration, "fixation.user", Role.LEADER);
		var web = new WebClientSession(port);
		var before = web.get("/login").header("Set-Cookie");
		var after = web.login(username, TestAccounts.PASSWORD).header("Set-Cookie");
		assertThat(before).startsWith("TRITHUC_SESSION=");
		assertThat(after).startsWith("TRITHUC_SESSION=").isNotEqualTo(before);
	}
}
