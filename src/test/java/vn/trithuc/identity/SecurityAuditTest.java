package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.internal.SecurityEvents;
import vn.trithuc.identity.internal.UserAdministration;

/** Every audited event leaves exactly one entry naming the right actor; the log is append-only. */
@IntegrationTest
class SecurityAuditTest {

	private static final Pattern CODE = Pattern.compile("<code class=\"recovery-code\">([a-z0-9-]+)</code>");

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	SecurityAudit audit;
	@Autowired
	SecurityEvents events;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	org.springframework.web.context.WebApplicationContext context;

	@Test
	void administrator_actions_are_audited_once_with_the_administrator_as_actor() {
		var admin = "audit.admin";
		var web = TestAccounts.loggedIn(port, administration, admin, Role.SYSTEM_ADMINISTRATOR);
		var page = web.get("/admin/users/new");
		var created = web.postForm("/admin/users/new", Map.of("username", "audit.subject", "displayName",
				"Đối tượng kiểm toán", "email", "", "roles", "LEADER", "_csrf", WebClientSession.csrfToken(page.body())));
		assertThat(created.status()).isEqualTo(302);
		var id = administration.findByUsername("audit.subject").orElseThrow().id();
		assertOnce(SecurityEventType.USER_CREATED, "audit.subject", admin);

		edit(web, id, "HR_OFFICER", false);
		assertOnce(SecurityEventType.ROLES_CHANGED, "audit.subject", admin);
		assertOnce(SecurityEventType.USER_DISABLED, "audit.subject", admin);
		edit(web, id, "HR_OFFICER", true);
		assertOnce(SecurityEventType.USER_ENABLED, "audit.subject", admin);
		assertOnce(SecurityEventType.ROLES_CHANGED, "audit.subject", admin);

		post(web, "/admin/users/" + id + "/unlock");
		assertOnce(SecurityEventType.USER_UNLOCKED, "audit.subject", admin);
		post(web, "/admin/users/" + id + "/reset-password");
		assertOnce(SecurityEventType.PASSWORD_RESET, "audit.subject", admin);
		post(web, "/admin/users/" + id + "/reset-second-factor");
		assertOnce(SecurityEventType.SECOND_FACTOR_RESET, "audit.subject", admin);
		post(web, "/admin/users/" + id + "/end-sessions");
		assertOnce(SecurityEventType.SESSIONS_ENDED, "audit.subject", admin);

		// behind a proxy the client's address comes from X-Forwarded-For (Tomcat's RemoteIpValve)
		var csv = web.get("/admin/security-events/export?user=audit.subject", "X-Forwarded-For", "203.0.113.7");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(jdbc.sql("select remote_address from identity.security_event"
				+ " where event_type = 'PERSONAL_DATA_EXPORTED' and actor = :admin").param("admin", admin)
			.query(String.class).list()).containsExactly("203.0.113.7");
		assertThat(entries(SecurityEventType.USER_CREATED, "audit.subject")).extracting(Entry::remoteAddress)
			.containsExactly("127.0.0.1");
	}

	@Test
	void a_users_own_security_events_are_audited_once_with_the_user_as_actor() {
		var user = TestAccounts.ready(administration, "audit.self", Role.HR_OFFICER);
		assertOnce(SecurityEventType.PASSWORD_CHANGED, user, user);
		var web = new WebClientSession(port);
		assertThat(web.login(user, "Sai-mật-khẩu-1").header("Location")).endsWith("/login?error");
		assertOnce(SecurityEventType.LOGIN_FAILED, user, user);
		assertThat(web.login(user, TestAccounts.PASSWORD).header("Location")).endsWith("/");
		assertOnce(SecurityEventType.LOGIN_SUCCEEDED, user, user);

		var secret = TestAccounts.setUpSecondFactor(web, user);
		assertOnce(SecurityEventType.SECOND_FACTOR_ENABLED, user, user);
		assertThat(secret).isNotBlank();
		assertThat(CODE.matcher(web.get("/account/second-factor").body()).find()).as("codes shown once only").isFalse();
		var codes = TestAccounts.recoveryCodes(user);

		var second = new WebClientSession(port);
		assertThat(second.login(user, TestAccounts.PASSWORD).header("Location")).endsWith("/login/second-factor");
		assertThat(entries(SecurityEventType.LOGIN_SUCCEEDED, user)).as("password alone is no login").hasSize(1);
		var form = second.get("/login/second-factor");
		var wrong = second.postForm("/login/second-factor", Map.of("code", "abcd-efgh", "_csrf",
				WebClientSession.csrfToken(form.body())));
		assertThat(wrong.body()).contains("Mã xác thực không đúng hoặc đã hết hạn.");
		assertOnce(SecurityEventType.SECOND_FACTOR_FAILED, user, user);
		var right = second.postForm("/login/second-factor", Map.of("code", codes.get(0), "_csrf",
				WebClientSession.csrfToken(wrong.body())));
		assertThat(right.header("Location")).endsWith("/");
		assertOnce(SecurityEventType.RECOVERY_CODE_USED, user, user);
		assertThat(entries(SecurityEventType.LOGIN_SUCCEEDED, user)).hasSize(2);

		// the first session ends the second one
		var sessions = web.get("/account/sessions");
		var handle = Pattern.compile("name=\"handle\" value=\"([0-9a-f]+)\"").matcher(sessions.body());
		assertThat(handle.find()).isTrue();
		var revoked = web.postForm("/account/sessions/revoke", Map.of("handle", handle.group(1), "_csrf",
				WebClientSession.csrfToken(sessions.body())));
		assertThat(revoked.status()).isEqualTo(302);
		assertOnce(SecurityEventType.SESSION_REVOKED, user, user);
		assertThat(second.get("/").status()).as("the revoked session is logged out").isEqualTo(302);

		var page = web.get("/account/second-factor");
		web.postForm("/account/second-factor/disable", Map.of("password", TestAccounts.PASSWORD, "_csrf",
				WebClientSession.csrfToken(page.body())));
		assertOnce(SecurityEventType.SECOND_FACTOR_DISABLED, user, user);
	}

	@Test
	void a_lockout_is_audited_once() {
		var user = TestAccounts.ready(administration, "audit.lockout", Role.LEADER);
		var web = new WebClientSession(port);
		for (int i = 1; i <= 5; i++) {
			web.login(user, "Sai-mật-khẩu-" + i);
		}
		assertOnce(SecurityEventType.ACCOUNT_LOCKED, user, user);
		assertThat(entries(SecurityEventType.LOGIN_FAILED, user)).hasSize(5);
	}

	@Test
	void other_modules_record_exports_and_scope_changes_through_the_api_as_the_current_user() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				"audit.exporter", null, List.of()));
		try {
			audit.recordScopeChange("audit.scoped", "Trường THPT Đam Rông");
			audit.recordPersonalDataExport("registry people list", 1234);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertOnce(SecurityEventType.SCOPE_CHANGED, "audit.scoped", "audit.exporter");
		assertThat(jdbc.sql("select details from identity.security_event where actor = 'audit.exporter'"
				+ " and event_type = 'PERSONAL_DATA_EXPORTED'").query(String.class).list())
			.containsExactly("registry people list (1234)");
	}

	@Test
	void the_log_refuses_updates_and_deletes_and_the_purge_keeps_six_months() {
		audit.record(SecurityEventType.SCOPE_CHANGED, "audit.append", "recent");
		jdbc.sql("""
				insert into identity.security_event (id, occurred_at, event_type, actor, subject)
				values (:id, :at, 'LOGIN_SUCCEEDED', 'audit.old', 'audit.old')""")
			.param("id", UUID.randomUUID())
			.param("at", java.sql.Timestamp.from(Instant.now().minus(200, ChronoUnit.DAYS))).update();
		assertThatThrownBy(() -> jdbc.sql("update identity.security_event set actor = 'x' where subject = 'audit.append'")
			.update()).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from identity.security_event where subject = 'audit.append'").update())
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("select identity.purge_security_events(now() - interval '30 days')")
			.query(Long.class).single()).rootCause().hasMessageContaining("at least 180 days");

		assertThat(events.purgeExpired()).isGreaterThanOrEqualTo(1);
		assertThat(entries(SecurityEventType.LOGIN_SUCCEEDED, "audit.old")).isEmpty();
		assertThat(entries(SecurityEventType.SCOPE_CHANGED, "audit.append")).hasSize(1);
	}

	@Test
	void a_log_export_the_client_breaks_off_is_recorded_and_says_so() {
		for (int i = 0; i < 30; i++) {
			audit.record(SecurityEventType.SCOPE_CHANGED, "audit.cut", "Thay đổi số " + i);
		}
		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("audit.cut.admin").authorities(() -> Role.SYSTEM_ADMINISTRATOR.authority());
		org.assertj.core.api.Assertions.catchThrowable(() -> vn.trithuc.BrokenOffDownloads.after(context, 200)
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/admin/security-events/export").param("user", "audit.cut").with(admin)));
		assertThat(jdbc.sql("select details from identity.security_event where event_type = 'PERSONAL_DATA_EXPORTED'"
				+ " and actor = 'audit.cut.admin'").query(String.class).list())
			.singleElement().asString().startsWith("security audit log CSV user=audit.cut").contains(" broken off (");
	}

	@Test
	void the_csv_export_opens_in_excel_and_neutralises_formulas() {
		audit.record(SecurityEventType.SCOPE_CHANGED, "audit.csv", "=HYPERLINK(\"http://x\";\"Nhấn\")");
		var web = TestAccounts.loggedIn(port, administration, "audit.csv.admin", Role.SYSTEM_ADMINISTRATOR);
		var csv = web.get("/admin/security-events/export?user=audit.csv&type=SCOPE_CHANGED&from=01/01/2020");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body().getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(csv.body()).contains("\"Thời điểm\",\"Loại sự kiện\"", "\"Thay đổi phạm vi đơn vị\"",
				"\"'=HYPERLINK(\"\"http://x\"\";\"\"Nhấn\"\")\"");
		var page = web.get("/admin/security-events?user=audit.csv&from=31/12/2099");
		assertThat(page.body()).contains("Không có sự kiện nào khớp với điều kiện lọc.");
		var found = web.get("/admin/security-events?user=audit.csv&type=SCOPE_CHANGED");
		assertThat(found.body()).contains("Thay đổi phạm vi đơn vị", "=HYPERLINK");
		var invalid = web.get("/admin/security-events?from=2026-11-26&to=31/02/2025");
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("id=\"from-error\"",
				"Ngày «2026-11-26» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.", "id=\"to-error\"",
				"Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.",
				"Có điều kiện lọc không đọc được nên chưa được dùng để lọc.")
			.doesNotContain("/admin/security-events/export");
		assertThat(web.get("/admin/security-events/export?user=audit.csv&type=NO_SUCH_TYPE").status())
			.as("not the log unfiltered by the type").isEqualTo(302);
		var export = web.get("/admin/security-events/export?user=audit.csv&from=abc");
		assertThat(export.status()).as("not the whole log unfiltered by the date").isEqualTo(302);
		assertThat(web.get(export.header("Location").replaceFirst("^http://[^/]+", "")).body())
			.contains("Ngày «abc» chưa đúng dạng.");
	}

	private void edit(WebClientSession web, UUID id, String role, boolean enabled) {
		var page = web.get("/admin/users/" + id);
		var user = administration.find(id).orElseThrow();
		var fields = new HashMap<String, String>(Map.of("version", String.valueOf(user.version()), "displayName",
				user.displayName(), "email", "", "roles", role, "_csrf", WebClientSession.csrfToken(page.body())));
		if (enabled) {
			fields.put("enabled", "true");
		}
		assertThat(web.postForm("/admin/users/" + id, fields).status()).isEqualTo(302);
	}

	private static void post(WebClientSession web, String path) {
		var page = web.get("/admin/users");
		assertThat(web.postForm(path, Map.of("_csrf", WebClientSession.csrfToken(page.body()))).status()).isEqualTo(302);
	}

	private void assertOnce(SecurityEventType type, String subject, String actor) {
		var list = entries(type, subject);
		assertThat(list).as("%s of %s", type, subject).extracting(Entry::actor).containsExactly(actor);
	}

	private List<Entry> entries(SecurityEventType type, String subject) {
		var sql = "select actor, remote_address from identity.security_event where event_type = :type"
				+ (subject == null ? " and subject is null" : " and subject = :subject");
		var query = jdbc.sql(sql).param("type", type.name());
		if (subject != null) {
			query = query.param("subject", subject);
		}
		return query.query((rs, n) -> new Entry(rs.getString(1), rs.getString(2))).list();
	}

	record Entry(String actor, String remoteAddress) {
	}
}
