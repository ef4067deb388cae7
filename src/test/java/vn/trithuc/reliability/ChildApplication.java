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
import java.util.regex.Pattern;

import vn.trithuc.WebClientSession;

/**
 * The application in a child JVM of its own — its main class on the tests' class path, or the packaged jar — on a
 * loopback port, with its output in a log file, so that tests can kill it for real (SIGKILL) and start it again, and
 * benchmarks can time its start and read its memory.
 */
public final class ChildApplication implements AutoCloseable {

	static final String ADMIN = "admin";
	static final String INITIAL_PASSWORD = "Khởi-tạo-2026-một-lần";
	static final String PASSWORD = "Kiểm-thử-tiến-trình-2026";
	private static final Pattern STARTED = Pattern.compile("Started TriThucApplication in ([0-9.]+) seconds");

	public final int port;
	public final Path log;
	private final Process process;
	private final long launched = System.nanoTime();
	private long startedLineSeen = -1;
	private long healthy = -1;

	private ChildApplication(int port, Path log, Process process) {
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts the main class from the tests' class path (C1 only, for quicker starts) with the given extra arguments
	 * and waits until /actuator/health says UP.
	 */
	public static ChildApplication start(Path log, Duration timeout, String... arguments)
			throws IOException, InterruptedException {
		return launch(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"vn.trithuc.TriThucApplication"), log, timeout, arguments);
	}

	/** Starts the packaged jar as an operator would ({@code java -Xmx512m -jar}), and waits until it is healthy. */
	public static ChildApplication startJar(Path jar, Path log, Duration timeout, String... arguments)
			throws IOException, InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no packaged jar at " + jar + " (mvn package first)");
		}
		return launch(List.of("-Xmx512m", "-jar", jar.toString()), log, timeout, arguments);
	}

	private static ChildApplication launch(List<String> launcher, Path log, Duration timeout, String... arguments)
			throws IOException, InterruptedException {
		int port = freePort();
		var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(launcher);
		command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1",
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

	/** Wall time from the launch to the log line "Started TriThucApplication" (seen within 50 ms). */
	public Duration untilStarted() {
		return Duration.ofNanos(startedLineSeen - launched);
	}

	/** Wall time from the launch to the first "UP" of /actuator/health. */
	public Duration untilHealthy() {
		return Duration.ofNanos(healthy - launched);
	}

	/** What Spring Boot itself says: "Started TriThucApplication in X seconds" (context start, JVM start excluded). */
	public double reportedStartSeconds() throws IOException {
		var matcher = STARTED.matcher(Files.readString(log));
		double last = Double.NaN;
		while (matcher.find()) {
			last = Double.parseDouble(matcher.group(1));
		}
		return last;
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		long logOffset = 0;
		try {
			logOffset = Files.size(log);
		}
		catch (IOException e) {
			// a new log
		}
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the child application exited with " + process.exitValue() + ", see " + log);
			}
			if (startedLineSeen < 0 && startedLineWritten(logOffset)) {
				startedLineSeen = System.nanoTime();
			}
			try {
				var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					healthy = System.nanoTime();
					if (startedLineSeen < 0) {
						startedLineSeen = startedLineWritten(logOffset) ? healthy : -1;
					}
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the child application was not healthy within " + timeout + ", see " + log);
	}

	private boolean startedLineWritten(long offset) {
		try (var channel = java.nio.channels.FileChannel.open(log)) {
			channel.position(offset);
			var text = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			return text.contains("Started TriThucApplication in");
		}
		catch (IOException e) {
			return false;
		}
	}

	public long pid() {
		return process.pid();
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** Ends the application as an operator would (SIGTERM, graceful shutdown, embedded PostgreSQL stopped). */
	public void stop(Duration timeout) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
			kill();
		}
	}

	/** kill -9: no shutdown hook, no graceful anything. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** Logs the first administrator in, changing the one-time password on the first login. */
	public WebClientSession loginAdministrator() {
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

	/** The process id of the embedded PostgreSQL running on {@code data} (postmaster.pid, line 1), or -1. */
	public static long postmasterPid(Path data) throws IOException {
		var file = data.resolve("postmaster.pid");
		return Files.exists(file) ? Long.parseLong(Files.readAllLines(file).get(0).strip()) : -1;
	}

	/**
	 * Ends an embedded PostgreSQL left running on {@code data} (it is a process of its own and outlives a killed JVM):
	 * with {@code powerCut} kill -9 of the postmaster and every backend, else a fast shutdown (SIGTERM, 30 s).
	 */
	public static void stopPostgres(Path data, boolean powerCut) throws Exception {
		var postmaster = ProcessHandle.of(postmasterPid(data));
		if (postmaster.isEmpty() || !postmaster.get().info().command().orElse("").contains("postgres")) {
			return;
		}
		if (!powerCut) {
			postmaster.get().destroy();
			try {
				postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
				return;
			}
			catch (java.util.concurrent.TimeoutException stillRunning) {
				// killed below
			}
		}
		var all = new ArrayList<ProcessHandle>(postmaster.get().descendants().toList());
		all.add(postmaster.get());
		all.forEach(ProcessHandle::destroyForcibly);
		for (var process : all) {
			process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	public static int freePort() throws IOException {
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
