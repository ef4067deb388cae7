package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.internal.UserAdministration;

/** A login waiting for its second-factor code is not a login; wrong codes lock the account like wrong passwords. */
@IntegrationTest
class SecondFactorLoginTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void after_the_password_alone_nothing_opens_and_wrong_codes_lead_to_the_lockout() {
		var user = TestAccounts.ready(administration, "totp.lockout", Role.PROGRAM_MANAGER);
		var setup = new WebClientSession(port);
		setup.login(user, TestAccounts.PASSWORD);
		var secret = TestAccounts.setUpSecondFactor(setup, user);

		var web = new WebClientSession(port);
		assertThat(web.login(user, TestAccounts.PASSWORD).header("Location")).endsWith("/login/second-factor");
		assertThat(web.get("/").header("Location")).as("pending is not logged in").endsWith("/login");
		assertThat(web.get("/account/second-factor").header("Location")).endsWith("/login");
		assertThat(web.get("/api/v1/identity/me", "Accept", "application/json").status()).isEqualTo(401);

		var page = web.get("/login/second-factor");
		assertThat(page.status()).isEqualTo(200);
		for (int attempt = 1; attempt <= 4; attempt++) {
			page = web.postForm("/login/second-factor", Map.of("code", "abcd-234" + attempt, "_csrf",
					WebClientSession.csrfToken(page.body())));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("Mã xác thực không đúng hoặc đã hết hạn.");
		}
		var locked = web.postForm("/login/second-factor", Map.of("code", "abcd-2345", "_csrf",
				WebClientSession.csrfToken(page.body())));
		assertThat(locked.header("Location")).endsWith("/login?locked");
		assertThat(administration.findByUsername(user).orElseThrow().locked()).isTrue();
		// the right code no longer helps: the pending login is gone and the account is locked
		assertThat(web.get("/login/second-factor").header("Location")).endsWith("/login");
		assertThat(new WebClientSession(port).login(user, TestAccounts.PASSWORD).header("Location"))
			.endsWith("/login?locked");
		assertThat(secret).isNotBlank();
	}

	@Test
	void the_code_page_without_a_pending_login_leads_back_to_the_login() {
		var web = new WebClientSession(port);
		assertThat(web.get("/login/second-factor").header("Location")).endsWith("/login");
	}
}
