package vn.trithuc.identity;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OpenID Connect provider in-process (mock-oauth2-server on a free port), started once before the
 * shared test context and named to it as {@code trithuc.test.oidc-issuer}. Registered for every test
 * application context in META-INF/spring.factories, so all integration tests keep sharing one context.
 */
public class OidcTestProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String ISSUER_ID = "provincial";
	private static MockOAuth2Server server;

	public static synchronized MockOAuth2Server server() {
		if (server == null) {
			server = new MockOAuth2Server();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		}
		return server;
	}

	public static String issuer() {
		return server().issuerUrl(ISSUER_ID).toString();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources()
			.addFirst(new MapPropertySource("oidc-test-provider", Map.of("trithuc.test.oidc-issuer", issuer())));
	}
}
