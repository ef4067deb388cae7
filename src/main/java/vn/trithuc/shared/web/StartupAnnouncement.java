package vn.trithuc.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.trithuc.shared.DemoMode;

/** Tells the person who started TriThức where to open it. */
@Component
class StartupAnnouncement {

	private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);
	private final DemoMode demoMode;

	StartupAnnouncement(DemoMode demoMode) {
		this.demoMode = demoMode;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		var environment = event.getApplicationContext().getEnvironment();
		var port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		var path = environment.getProperty("server.servlet.context-path", "");
		log.info("TriThức is ready at http://localhost:{}{}/{}", port, path, demoMode.isActive() ? " (demo mode)" : "");
	}
}
