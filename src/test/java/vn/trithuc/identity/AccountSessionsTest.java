package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.internal.UserAdministration;

/** Sessions live in PostgreSQL; a user sees them, and an administrator ends them all (also by disabling). */
@IntegrationTest
class AccountSessionsTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	JdbcClient jdbc;

	@Test
	void my_sessions_page_lists_each_login_with_address_and_browser_and_never_a_session_id() {
		var user = TestAccounts.ready(administration, "sessions.user", Role.LEADER);
		var first = TestAccounts.loggedIn(port, administration, user, Role.LEADER);
		TestAccounts.loggedIn(port, administration, user, Role.LEADER);
		var page = first.get("/account/sessions");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Phiên đăng nhập", "127.0.0.1", "Phiên này", "Kết thúc phiên");
		var ids = jdbc.sql("select session_id from identity.spring_session where principal_name = :u").param("u", user)
			.query(String.class).list();
		assertThat(ids).hasSize(2);
		ids.forEach(id -> assertThat(page.body()).doesNotContain(id.strip()));
	}

	@Test
	void an_administrator_ends_all_sessions_of_a_user_and_disabling_logs_the_user_out() {
		var user = TestAccounts.ready(administration, "sessions.target", Role.UNIT_OFFICER);
		var victim = TestAccounts.loggedIn(port, administration, user, Role.UNIT_OFFICER);
		var admin = TestAccounts.loggedIn(port, administration, "sessions.admin", Role.SYSTEM_ADMINISTRATOR);
		var id = administration.findByUsername(user).orElseThrow().id();
		var edit = admin.get("/admin/users/" + id);
		var ended = admin.postForm("/admin/users/" + id + "/end-sessions",
				Map.of("_csrf", WebClientSession.csrfToken(edit.body())));
		assertThat(ended.status()).isEqualTo(302);
		assertThat(admin.get("/admin/users/" + id).body()).contains("Số phiên đã kết thúc: 1.");
		assertThat(victim.get("/").header("Location")).endsWith("/login?expired");

		var again = TestAccounts.loggedIn(port, administration, user, Role.UNIT_OFFICER);
		assertThat(again.get("/").status()).isEqualTo(200);
		var view = administration.find(id).orElseThrow();
		var page = admin.get("/admin/users/" + id);
		var disabled = admin.postForm("/admin/users/" + id, Map.of("version", String.valueOf(view.version()),
				"displayName", view.displayName(), "email", "", "roles", "UNIT_OFFICER", "_csrf",
				WebClientSession.csrfToken(page.body())));
		assertThat(disabled.status()).isEqualTo(302);
		assertThat(again.get("/").header("Location")).endsWith("/login?expired");
	}
}
