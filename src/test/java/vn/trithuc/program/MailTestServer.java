package vn.trithuc.program;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server in-process (GreenMail on a free port), started once before the shared test context
 * and named to it as {@code spring.mail.host/port}. Registered for every test context in
 * META-INF/spring.factories, so all integration tests keep sharing one context.
 */
public class MailTestServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail server;

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var port = server().getSmtp().getPort();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mail-test-server",
				Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(port))));
	}
}
