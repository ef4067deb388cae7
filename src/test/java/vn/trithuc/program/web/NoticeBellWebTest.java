package vn.trithuc.program.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.program.NoticeFixtures;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitReports;

/**
 * The notice bell over real HTTP: the header and {@code /notices/bell} render the same fragment with the unread count;
 * the chain of polls ends after one session timeout; marking notices read tells a boosted page to refresh the bell;
 * anonymous callers get no bell.
 */
@IntegrationTest
class NoticeBellWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	JdbcClient jdbc;

	@Test
	void the_bell_fragment_counts_unread_notices_polls_for_one_session_timeout_and_refreshes_after_marking_read() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var report = NoticeFixtures.report(programs, reports, operations, tag);
		var user = "bell.officer." + tag;
		var web = TestAccounts.loggedIn(port, administration, user, Role.UNIT_OFFICER);

		var home = web.get("/");
		assertThat(bell(home.body())).contains("id=\"notice-bell\"", "hx-get=\"/notices/bell?poll=1\"",
				"hx-trigger=\"load delay:2000ms\"", "hx-trigger=\"notices-changed from:body\"").doesNotContain("notice-count");

		NoticeFixtures.notice(jdbc, user, report);
		NoticeFixtures.notice(jdbc, user, report);
		var fragment = web.get("/notices/bell?poll=1", "HX-Request", "true");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body().strip()).startsWith("<span id=\"notice-bell\"").doesNotContain("<html", "topbar");
		assertThat(fragment.body()).contains("<span class=\"notice-count\">2</span>", "Thông báo chưa đọc: 2",
				"hx-get=\"/notices/bell?poll=2\"");
		// the same fragment as in the page header
		assertThat(bell(web.get("/").body())).isEqualTo(bell(web.get("/notices/bell").body()));

		// 2 s apart for 30 min: poll 900 is the last; an idle page then stops asking (its session can expire)
		assertThat(web.get("/notices/bell?poll=899").body()).contains("hx-get=\"/notices/bell?poll=900\"");
		var last = web.get("/notices/bell?poll=900").body();
		assertThat(last).contains("notice-count", "hx-trigger=\"notices-changed from:body\"").doesNotContain("load delay", "poll=");
		assertThat(web.get("/notices/bell?poll=-5").body()).contains("hx-get=\"/notices/bell?poll=1\"");

		// marking all read: the boosted page it lands on tells the bell to refresh; a full page load needs no telling
		var list = web.get("/notices");
		var marked = web.postForm("/notices/read-all", Map.of("_csrf", WebClientSession.csrfToken(list.body())));
		assertThat(marked.status()).isEqualTo(302);
		var landed = web.get("/notices", "HX-Request", "true", "HX-Target", "content", "HX-Boosted", "true");
		assertThat(landed.header("HX-Trigger")).isEqualTo("notices-changed");
		assertThat(web.get("/notices", "HX-Request", "true", "HX-Target", "content").header("HX-Trigger")).isNull();
		assertThat(web.get("/notices/bell").body()).doesNotContain("notice-count");

		// anonymous: no bell on the login page, and the fragment is not served
		var anonymous = new WebClientSession(port);
		assertThat(anonymous.get("/login").body()).doesNotContain("notice-bell");
		assertThat(anonymous.get("/notices/bell").status()).isEqualTo(302);
	}

	@Test
	void a_login_that_still_owes_its_password_change_has_no_bell_to_poll() {
		var user = "bell.first." + UUID.randomUUID().toString().substring(0, 6);
		var created = administration.create(user, "Chuông lần đầu", "", java.util.EnumSet.of(Role.UNIT_OFFICER));
		var web = new WebClientSession(port);
		assertThat(web.login(user, created.oneTimePassword()).header("Location")).endsWith("/account/password");
		var page = web.get("/account/password");
		assertThat(page.status()).isEqualTo(200);
		// the poll would be sent back to this page (401 with HX-Redirect) and reload it under the user's hands
		assertThat(page.body()).contains("user-name").doesNotContain("notice-bell", "/notices/bell");
	}

	/** The bell as the page shows it. */
	private static String bell(String page) {
		int start = page.indexOf("<span id=\"notice-bell\"");
		assertThat(start).as("the bell").isNotNegative();
		int end = page.indexOf("</a></span>", start);
		return page.substring(start, end + "</a></span>".length());
	}
}
