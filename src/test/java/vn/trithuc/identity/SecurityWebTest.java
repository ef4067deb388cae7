package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.internal.UserAdministration;

@IntegrationTest
class SecurityWebTest {

	@Autowired
	MockMvc mvc;
	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void pages_carry_a_strict_content_security_policy_and_the_usual_headers() throws Exception {
		var response = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse();
		var csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(response.getHeader("Permissions-Policy")).contains("camera=()");
		assertThat(response.getContentAsString()).doesNotContain("<script>", "onclick=", "style=\"");
	}

	@Test
	void a_post_without_csrf_token_is_refused_and_changes_nothing() {
		var web = TestAccounts.loggedIn(port, administration, "csrf.admin", Role.SYSTEM_ADMINISTRATOR);
		assertThat(web.get("/admin/users/new").status()).isEqualTo(200); // the session now holds a token
		var refused = web.postForm("/admin/users/new",
				java.util.Map.of("username", "no.csrf", "displayName", "Không có CSRF", "roles", "LEADER"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("Không có quyền").doesNotContain("Exception");
		assertThat(administration.findByUsername("no.csrf")).isEmpty();
		assertThat(web.get("/admin/users").status()).as("still logged in").isEqualTo(200);
	}

	@Test
	void a_login_post_without_a_session_token_is_not_processed() throws Exception {
		mvc.perform(post("/login").param("username", "admin").param("password", "x"))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?expired"));
	}

	@Test
	void the_same_post_with_the_token_goes_through() throws Exception {
		mvc.perform(post("/admin/users/new").with(csrf()).with(user("admin").roles("SYSTEM_ADMINISTRATOR"))
			.param("username", "with.csrf").param("displayName", "Có CSRF").param("roles", "LEADER"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void the_api_answers_anonymous_callers_with_problem_details() throws Exception {
		mvc.perform(get("/api/v1/identity/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("\"status\":401"));
	}

	@Test
	void error_pages_and_problems_never_show_stack_traces() {
		var web = TestAccounts.loggedIn(port, administration, "security.user", Role.LEADER);
		var api = web.get("/api/v1/does-not-exist", "Accept", "application/json");
		assertThat(api.body()).doesNotContain("Exception", "at vn.", "trace");
		var page = web.get("/error");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("Không tìm thấy").doesNotContain("Exception", "Whitelabel");
	}

	@Test
	void a_malformed_id_gets_the_vietnamese_error_page_not_a_trace() {
		var web = TestAccounts.loggedIn(port, administration, "security.admin", Role.SYSTEM_ADMINISTRATOR);
		var response = web.get("/admin/users/not-a-uuid");
		assertThat(response.status()).as("an id that is no id names nothing").isEqualTo(404);
		assertThat(response.body()).contains("Không tìm thấy").doesNotContain("Exception", "MethodArgument");
		var missing = web.get("/admin/users/" + java.util.UUID.randomUUID());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Không tìm thấy");
	}

	@Test
	void the_login_form_keeps_session_cookies_http_only() {
		var web = new WebClientSession(port);
		var response = web.get("/login");
		assertThat(response.header("Set-Cookie")).contains("TRITHUC_SESSION=", "HttpOnly", "SameSite=Lax");
	}
}
