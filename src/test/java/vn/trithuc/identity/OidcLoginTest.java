package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import vn.trithuc.IntegrationTest;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * Single sign-on against a real OpenID Connect provider in-process: the browser-like client follows every
 * redirect (TriThức → provider → TriThức callback → home) and ends logged in as the mapped account.
 */
@IntegrationTest
class OidcLoginTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	JdbcClient jdbc;

	@Test
	void the_round_trip_creates_a_session_for_the_account_named_by_the_claim() throws Exception {
		createUser("sso.officer", null, Role.UNIT_OFFICER);
		var client = browserLikeClient();
		var home = signOn(client, "sso.officer");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.uri().getPath()).isEqualTo("/");
		assertThat(home.body()).contains("Xin chào, Người dùng sso.officer", "title=\"sso.officer\"");
		assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = 'sso.officer'")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from identity.security_event
				where event_type = 'LOGIN_SUCCEEDED' and actor = 'sso.officer' and details = 'single sign-on'""")
			.query(Long.class).single()).isEqualTo(1);
		// the account's own roles apply: a unit officer may not administer users
		var admin = client.send(HttpRequest.newBuilder(URI.create(base() + "/admin/users")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(admin.statusCode()).isEqualTo(403);
	}

	@Test
	void an_e_mail_address_in_the_claim_finds_the_account_by_its_e_mail() throws Exception {
		createUser("thuky.sso", "Thu.Ky@lamdong.gov.vn", Role.LEADER);
		var home = signOn(browserLikeClient(), "thu.ky@lamdong.gov.vn");
		assertThat(home.uri().getPath()).isEqualTo("/");
		assertThat(home.body()).contains("Xin chào, Người dùng thuky.sso");
	}

	@Test
	void an_unknown_user_is_refused_with_a_vietnamese_message_and_no_account_is_made() throws Exception {
		var page = signOn(browserLikeClient(), "nguoi.la");
		assertThat(page.uri().getPath()).isEqualTo("/login");
		assertThat(page.uri().getQuery()).isEqualTo("sso-unknown");
		assertThat(page.body()).contains("Tài khoản một cửa này chưa được gắn với người dùng nào của TriThức.");
		assertThat(administration.findByUsername("nguoi.la")).isEmpty();
	}

	@Test
	void the_login_page_offers_single_sign_on_when_it_is_enabled() {
		var login = new WebClientSession(port).get("/login");
		assertThat(login.body()).contains("Đăng nhập bằng tài khoản một cửa", "href=\"/oauth2/authorization/sso\"");
	}

	private HttpResponse<String> signOn(HttpClient client, String claim) throws Exception {
		OidcTestProvider.server().enqueueCallback(new DefaultOAuth2TokenCallback(OidcTestProvider.ISSUER_ID,
				"subject-" + claim, "JWT", List.of("trithuc-test"), Map.of("preferred_username", claim), 3600));
		return client.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/authorization/sso")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void createUser(String username, String email, Role role) {
		if (administration.findByUsername(username).isEmpty()) {
			administration.create(username, "Người dùng " + username, email == null ? "" : email, EnumSet.of(role));
		}
	}

	private static HttpClient browserLikeClient() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
