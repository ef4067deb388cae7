package vn.trithuc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import jakarta.servlet.RequestDispatcher;
import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * Error answers leak nothing: 400 (wrong parameter type, broken multipart), 404, 405 and 500 get the Vietnamese
 * error page (problem details for the API) without exception names, messages or stack traces; requests Tomcat
 * refuses before the application (a malformed URL, a header over the limit) get no report and no server version.
 */
@IntegrationTest
@Tag("security")
class ErrorResponsesTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	MockMvc mvc;

	static void assertNoLeak(String body) {
		assertThat(body).doesNotContain("Exception", "\tat ", "at org.", "at vn.trithuc", "java.lang", "Whitelabel",
				"Apache Tomcat", "Servlet", "stack");
	}

	@Test
	void application_errors_get_the_vietnamese_page_without_details() {
		var web = TestAccounts.loggedIn(port, administration, "errors.hr", Role.HR_OFFICER);
		var wrongType = web.get("/orgunit/units?root=not-a-uuid");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.body()).contains("Yêu cầu không hợp lệ");
		assertNoLeak(wrongType.body());

		var missing = web.get("/orgunit/units/" + java.util.UUID.randomUUID());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Không tìm thấy");
		assertNoLeak(missing.body());

		// an address nobody answers is not found (every address without an access rule is denied: it was 403);
		// one that exists but is not the officer's stays forbidden; the anonymous are sent to log in either way
		var mistyped = web.get("/registry/peopl");
		assertThat(mistyped.status()).isEqualTo(404);
		assertThat(mistyped.body()).contains("Không tìm thấy").doesNotContain("Không có quyền");
		var noApi = web.get("/api/v1/registry/nothing", "Accept", "application/json");
		assertThat(noApi.status()).isEqualTo(404);
		assertThat(noApi.body()).contains("\"status\":404");
		assertThat(web.get("/admin/users").status()).isEqualTo(403);
		// an id in the address that is no id names nothing either; a wrong query parameter stays 400
		var notAnId = web.get("/registry/people/abc");
		assertThat(notAnId.status()).isEqualTo(404);
		assertThat(notAnId.body()).contains("Không tìm thấy");
		assertThat(web.get("/api/v1/registry/people/abc", "Accept", "application/json").status()).as("the API: malformed")
			.isEqualTo(400);
		assertThat(new WebClientSession(port).get("/registry/peopl").status()).isEqualTo(302);

		// a method the route does not have (the CSRF token as a header, as htmx sends it)
		var page = web.get("/orgunit/operations/create");
		var token = WebClientSession.csrfToken(page.body());
		var put = web.send("PUT", "/orgunit/operations/create", Map.of("X-CSRF-TOKEN", token));
		assertThat(put.status()).isEqualTo(405);
		assertThat(put.body()).contains("Thao tác không được hỗ trợ");
		assertNoLeak(put.body());

		// a multipart body without its closing boundary
		var broken = web.send("POST", "/orgunit/operations/import", Map.of("X-CSRF-TOKEN", token, "Content-Type",
				"multipart/form-data; boundary=----x"), "------x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nabc");
		assertThat(broken.status()).isLessThan(500);
		assertNoLeak(broken.body());

		var api = web.get("/api/v1/orgunit/units/not-a-uuid", "Accept", "application/json");
		assertThat(api.status()).isEqualTo(400);
		assertNoLeak(api.body());
	}

	@Test
	void an_unexpected_failure_shows_the_500_page_without_the_exception() throws Exception {
		var response = mvc.perform(MockMvcRequestBuilders.get("/error").accept("text/html")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/registry/people")
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret-detail select * from x"))
			.requestAttr(RequestDispatcher.ERROR_MESSAGE, "secret-detail message")
			.with(user("errors.leader").authorities(() -> Role.LEADER.authority()))).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString()).contains("Đã có lỗi xảy ra").doesNotContain("secret-detail");
		assertNoLeak(response.getContentAsString());

		var api = mvc.perform(MockMvcRequestBuilders.get("/error").accept("application/json")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/registry/people")
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret-detail"))
			.with(user("errors.leader").authorities(() -> Role.LEADER.authority()))).andReturn().getResponse();
		assertThat(api.getStatus()).isEqualTo(500);
		assertThat(api.getContentAsString()).doesNotContain("secret-detail", "trace", "exception");
	}

	@Test
	void requests_refused_by_the_server_itself_show_no_report_and_no_version() throws IOException {
		for (var request : new String[] { "GET /registry/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"GET /login HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n",
				"GET /login?q=%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"BREW /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" }) {
			var answer = raw(request);
			assertThat(answer).as(request.substring(0, 20)).startsWith("HTTP/1.1 4");
			assertNoLeak(answer);
		}
	}

	private String raw(String request) throws IOException {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		try {
			return in.readAllBytes();
		}
		catch (java.net.SocketException reset) {
			return new byte[0];
		}
	}
}
