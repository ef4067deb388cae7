package vn.trithuc.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.trithuc.WebClientSession;

/**
 * The application's main class in a child JVM of its own (same class path as the tests), on a loopback port, with
 * its output in a log file — so that tests can kill it for real (SIGKILL) and start it again.
 */
final class ChildApplication implements AutoCloseable {

	static final String ADMIN = "admin";
	static final String INITIAL_PASSWORD = "Khởi-tạo-2026-một-lần";
	static final String PASSWORD = "Kiểm-thử-tiến-trình-2026";

	final int port;
	final Path log;
	private final Process process;

	private ChildApplication(int port, Path log, Process process) {
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/** Starts the application with the given extra arguments and waits until /actuator/health says UP. */
	static ChildApplication start(Path log, Duration timeout, String... arguments) throws IOException, InterruptedException {
		int port = freePort();
		var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"vn.trithuc.TriThucApplication", "--server.port=" + port, "--server.address=127.0.0.1",
				"--trithuc.demo.enabled=false", "--trithuc.identity.initial-admin-password=" + INITIAL_PASSWORD,
				"--trithuc.identity.second-factor-required-for-administrators=false"));
		command.addAll(List.of(arguments));
		Files.createDirectories(log.getParent());
		var process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		var child = new ChildApplication(port, log, process);
		child.awaitHealthy(timeout);
		return child;
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the child application exited with " + process.exitValue() + ", see " + log);
			}
			try {
				var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the child application was not healthy within " + timeout + ", see " + log);
	}

	long pid() {
		return process.pid();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** kill -9: no shutdown hook, no graceful anything. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** Logs the first administrator in, changing the one-time password on the first login. */
	WebClientSession loginAdministrator() {
		return loginAdministrator(new WebClientSession(port));
	}

	static WebClientSession loginAdministrator(WebClientSession web) {
		var response = web.login(ADMIN, PASSWORD);
		if (response.status() != 302 || response.header("Location") == null
				|| response.header("Location").contains("/login")) {
			// first login of a fresh database: the configured one-time password
			response = web.login(ADMIN, INITIAL_PASSWORD);
		}
		var location = response.header("Location");
		if (response.status() != 302 || location == null) {
			throw new IllegalStateException("login failed: " + response.status());
		}
		if (location.endsWith("/account/password")) {
			var form = web.get("/account/password");
			var changed = web.postForm("/account/password", Map.of("current", INITIAL_PASSWORD, "proposed", PASSWORD,
					"confirmation", PASSWORD, "_csrf", WebClientSession.csrfToken(form.body())));
			if (changed.status() != 302) {
				throw new IllegalStateException("password change refused: " + changed.status());
			}
		}
		else if (location.contains("/login")) {
			throw new IllegalStateException("login failed: " + location);
		}
		return web;
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}
}
