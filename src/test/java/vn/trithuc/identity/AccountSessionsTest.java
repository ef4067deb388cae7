package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * Sessions live in PostgreSQL; a user sees them, and an administrator ends them all (also by disabling, or by giving
 * other roles); their last access is written once a minute, not on every request.
 */
@IntegrationTest
class AccountSessionsTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

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

	@Test
	void other_roles_end_the_users_sessions_and_the_next_login_has_them() {
		var user = TestAccounts.ready(administration, "sessions.promoted", Role.UNIT_OFFICER);
		var officer = TestAccounts.loggedIn(port, administration, user, Role.UNIT_OFFICER);
		assertThat(officer.get("/registry/import").status()).isEqualTo(403);
		var admin = TestAccounts.loggedIn(port, administration, "sessions.admin", Role.SYSTEM_ADMINISTRATOR);
		var id = administration.findByUsername(user).orElseThrow().id();

		// a new display name only: the session goes on
		var view = administration.find(id).orElseThrow();
		var page = admin.get("/admin/users/" + id);
		assertThat(admin.postForm("/admin/users/" + id, Map.of("version", String.valueOf(view.version()),
				"displayName", "Cán bộ đổi tên", "email", "", "roles", "UNIT_OFFICER", "enabled", "true", "_csrf",
				WebClientSession.csrfToken(page.body()))).status()).isEqualTo(302);
		assertThat(admin.get("/admin/users/" + id).body()).contains("Đã lưu.").doesNotContain("nên mọi phiên đăng nhập");
		assertThat(officer.get("/").status()).isEqualTo(200);

		// a role taken away and another given: logged out at once, everywhere
		view = administration.find(id).orElseThrow();
		page = admin.get("/admin/users/" + id);
		assertThat(admin.postForm("/admin/users/" + id, Map.of("version", String.valueOf(view.version()),
				"displayName", view.displayName(), "email", "", "roles", "HR_OFFICER", "enabled", "true", "_csrf",
				WebClientSession.csrfToken(page.body()))).status()).isEqualTo(302);
		assertThat(admin.get("/admin/users/" + id).body())
			.contains("Vai trò hoặc trạng thái tài khoản đã đổi nên mọi phiên đăng nhập của người dùng này đã kết thúc.");
		assertThat(officer.get("/").header("Location")).endsWith("/login?expired");
		assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = :u").param("u", user)
			.query(Integer.class).single()).isZero();
		var again = TestAccounts.loggedIn(port, administration, user, Role.HR_OFFICER);
		assertThat(again.get("/registry/import").status()).isEqualTo(200);
	}

	/**
	 * A login that read the roles just before an administrator took one away, and stored its session just after the
	 * change ended the user's sessions: the session is deleted as soon as it is stored. Played here in that order
	 * through the session store itself (over HTTP the window is a login's password check).
	 */
	@Test
	void a_login_that_read_the_roles_before_they_changed_does_not_keep_them() {
		var user = TestAccounts.ready(administration, "sessions.raced", Role.HR_OFFICER);
		var readBefore = UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(Role.HR_OFFICER.authority())));
		var id = administration.findByUsername(user).orElseThrow().id();
		var view = administration.find(id).orElseThrow();
		assertThat(administration.update(id, view.version(), view.displayName(), "", Set.of(Role.UNIT_OFFICER), true))
			.as("roles changed").isTrue();

		assertThat(sessions.findById(store(sessions, readBefore))).as("the stale login's session").isNull();
		var readAfter = UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(Role.UNIT_OFFICER.authority())));
		assertThat(sessions.findById(store(sessions, readAfter))).as("a login with the account's roles").isNotNull();
		assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = :u").param("u", user)
			.query(Integer.class).single()).isEqualTo(1);

		view = administration.find(id).orElseThrow();
		administration.update(id, view.version(), view.displayName(), "", Set.of(Role.UNIT_OFFICER), false);
		assertThat(sessions.findById(store(sessions, readAfter))).as("a login of a disabled account").isNull();
	}

	/** A new session holding the login, saved as the end of the login's request saves it. @return its id */
	private static <S extends Session> String store(FindByIndexNameSessionRepository<S> sessions, Authentication login) {
		var session = sessions.createSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(login));
		sessions.save(session);
		return session.getId();
	}

	@Test
	void the_last_access_is_written_once_a_minute_and_a_session_still_expires_after_its_timeout() {
		var user = TestAccounts.ready(administration, "sessions.quiet", Role.LEADER);
		var session = TestAccounts.loggedIn(port, administration, user, Role.LEADER);
		var row = "select last_access_time, expiry_time, xmin::text from identity.spring_session where principal_name = :u";
		assertThat(session.get("/").status()).isEqualTo(200);
		var before = jdbc.sql(row).param("u", user).query((rs, n) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3))
			.single();
		for (int i = 0; i < 3; i++) {
			assertThat(session.get("/").status()).isEqualTo(200);
		}
		assertThat(jdbc.sql(row).param("u", user).query((rs, n) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3))
			.single()).as("requests within a minute leave the session's row as it was").isEqualTo(before);

		// the last access written two minutes ago: the next request writes it again, and moves the expiry with it
		long twoMinutes = 120_000;
		jdbc.sql("update identity.spring_session set last_access_time = last_access_time - :d, expiry_time = expiry_time - :d"
				+ " where principal_name = :u").param("d", twoMinutes).param("u", user).update();
		long requested = System.currentTimeMillis();
		assertThat(session.get("/").status()).isEqualTo(200);
		var written = jdbc.sql("select last_access_time, expiry_time, max_inactive_interval from identity.spring_session"
				+ " where principal_name = :u").param("u", user).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		assertThat(written[0]).isBetween(requested - 5_000, System.currentTimeMillis());
		assertThat(written[1]).isEqualTo(written[0] + written[2] * 1000);

		// inactive for longer than its timeout (as written): the session is over
		jdbc.sql("update identity.spring_session set last_access_time = last_access_time - :d, expiry_time = expiry_time - :d"
				+ " where principal_name = :u").param("d", written[2] * 1000 + 1_000).param("u", user).update();
		assertThat(session.get("/").header("Location")).contains("/login");
	}
}
