package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.WebClientSession;

/** Behind a TLS-terminating reverse proxy on the same host, cookies are marked Secure. */
@IntegrationTest
class ReverseProxyTest {

	@LocalServerPort
	int port;

	@Test
	void session_cookies_are_secure_when_the_proxy_says_https() {
		var viaProxy = new WebClientSession(port).get("/login", "X-Forwarded-Proto", "https");
		assertThat(viaProxy.header("Set-Cookie")).contains("TRITHUC_SESSION=", "Secure", "HttpOnly");
		var direct = new WebClientSession(port).get("/login");
		assertThat(direct.header("Set-Cookie")).doesNotContain("Secure");
	}
}
