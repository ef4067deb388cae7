package vn.trithuc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.trithuc.WebClientSession;

/**
 * Two instances of the application on loopback behind Debian's nginx, sharing one PostgreSQL in a process of its
 * own. One instance is killed (kill -9) in the middle of a write load: the logged-in session goes on on the other
 * (sessions live in PostgreSQL), no acknowledged write is lost, and the cluster-wide recurring job never runs twice
 * for one period. Fails (never skips) without /usr/sbin/nginx.
 */
@Tag("reliability")
class TwoInstancesBehindNginxTest {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");
	private static final Path WORK = Path.of("target", "nginx-test").toAbsolutePath();
	private static final int WRITES = 40;
	private static final String JOB = "identity-audit-purge";
	private static final Duration JOB_DELAY = Duration.ofSeconds(2);
	private static final Pattern CREATED = Pattern.compile("/registry/people/([0-9a-f-]{36})$");

	@Test
	void killing_one_instance_under_load_loses_no_acknowledged_write_nor_the_session_and_jobs_run_once()
			throws Exception {
		assertThat(NGINX).as("Debian package nginx (apt-get install nginx)").isExecutable();
		long started = System.nanoTime();
		FileSystemUtils.deleteRecursively(WORK);
		Files.createDirectories(WORK.resolve("temp"));

		try (var postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("pg")).setCleanDataDirectory(true)
			.setServerConfig("max_connections", "100").setServerConfig("timezone", "UTC").start()) {
			var jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
			String[] arguments = { "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
					"--trithuc.identity.audit-purge-interval=" + JOB_DELAY.toSeconds() + "s",
					"--db-scheduler.polling-interval=1s", "--db-scheduler.heartbeat-interval=2s" };
			// one after the other: the first migrates the schema and creates the first administrator
			try (var first = ChildApplication.start(WORK.resolve("first.log"), Duration.ofSeconds(90), arguments);
					var second = ChildApplication.start(WORK.resolve("second.log"), Duration.ofSeconds(90), arguments)) {
				System.out.printf("nginx-test: both instances up %d ms%n", (System.nanoTime() - started) / 1_000_000);
				int proxyPort = ChildApplication.freePort();
				var nginx = startNginx(proxyPort, first.port, second.port);
				try {
					var web = ChildApplication.loginAdministrator(new WebClientSession(proxyPort));
					var acknowledged = new ArrayList<String>();
					int unacknowledged = 0;
					Instant killedAt = null;
					long load = System.nanoTime();
					for (int i = 0; i < WRITES; i++) {
						if (i == WRITES / 2) {
							first.kill();
							killedAt = Instant.now();
						}
						var form = web.get("/registry/people/new");
						assertThat(form.status()).as("still logged in after the kill (request %d)", i).isEqualTo(200);
						var fields = new LinkedHashMap<String, String>();
						fields.put("familyName", "Nguyễn");
						fields.put("middleName", "Cụm");
						fields.put("givenName", "Thử " + i);
						fields.put("sex", i % 2 == 0 ? "MALE" : "FEMALE");
						fields.put("birth", String.format("%02d/03/1985", 1 + i % 28));
						fields.put("nationalId", "0680" + "85" + String.format("%06d", 700_000 + i));
						fields.put("_csrf", WebClientSession.csrfToken(form.body()));
						var created = web.postForm("/registry/people/new", fields);
						var location = created.header("Location");
						var id = location == null ? null : CREATED.matcher(location);
						if (created.status() == 302 && id.find()) {
							acknowledged.add(id.group(1));
						}
						else {
							unacknowledged++;
						}
					}
					System.out.printf("nginx-test: %d writes (%d acknowledged) in %d ms, one instance killed midway%n",
							WRITES, acknowledged.size(), (System.nanoTime() - load) / 1_000_000);
					assertThat(unacknowledged).as("a write refused after the kill: nginx should have passed it on")
						.isZero();
					assertThat(web.get("/registry/people/" + acknowledged.get(WRITES - 1)).body())
						.as("the session reads through the surviving instance").contains("Thử " + (WRITES - 1));

					try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
						try (var statement = connection.createStatement(); var rs = statement.executeQuery(
								"select count(*) from registry.person where middle_name = 'Cụm'")) {
							rs.next();
							assertThat(rs.getLong(1)).as("every acknowledged write is stored, once").isEqualTo(acknowledged.size());
						}
						for (var id : acknowledged) {
							try (var statement = connection.prepareStatement(
									"select count(*) from registry.person where id = cast(? as uuid)")) {
								statement.setString(1, id);
								try (var rs = statement.executeQuery()) {
									rs.next();
									assertThat(rs.getLong(1)).as("acknowledged %s", id).isEqualTo(1);
								}
							}
						}
						var survivor = "/" + second.pid();
						var runs = awaitRunAfter(connection, killedAt, survivor);
						System.out.printf("nginx-test: %d runs of %s, by %s%n", runs.size(), JOB,
								runs.stream().map(r -> r.instance().replaceAll(".*/", "pid ")).distinct().toList());
						for (int i = 1; i < runs.size(); i++) {
							var previous = runs.get(i - 1);
							var next = runs.get(i);
							assertThat(next.started())
								.as("run %d starts after the previous one ended plus the delay (once per period)", i)
								.isAfterOrEqualTo(previous.finished().plus(JOB_DELAY).minusMillis(200));
						}
					}
				}
				finally {
					nginx.destroy();
					if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
						nginx.destroyForcibly();
					}
				}
			}
		}
		System.out.printf("nginx-test: total %d ms%n", (System.nanoTime() - started) / 1_000_000);
	}

	record Run(String instance, Instant started, Instant finished) {
	}

	/** Waits until the surviving instance has run the job after the kill; @return every run, in order */
	private static List<Run> awaitRunAfter(java.sql.Connection connection, Instant killedAt, String survivor)
			throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
		while (true) {
			var runs = new ArrayList<Run>();
			try (var statement = connection.prepareStatement("""
					select instance, started_at, finished_at from shared.job_run where task_name = ?
					order by started_at""")) {
				statement.setString(1, JOB);
				try (var rs = statement.executeQuery()) {
					while (rs.next()) {
						runs.add(new Run(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
					}
				}
			}
			if (runs.stream().anyMatch(r -> r.instance().endsWith(survivor) && r.started().isAfter(killedAt)
					&& runs.indexOf(r) < runs.size() - 1)) {
				return runs;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the surviving instance did not run " + JOB + " twice after the kill: " + runs);
			}
			Thread.sleep(500);
		}
	}

	private static Process startNginx(int port, int first, int second) throws Exception {
		var config = WORK.resolve("nginx.conf");
		var temp = WORK.resolve("temp");
		Files.writeString(config, """
				daemon off;
				master_process on;
				worker_processes 1;
				user root;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log info;
				events { worker_connections 256; }
				http {
				  access_log %1$s/access.log;
				  client_body_temp_path %2$s/body;
				  proxy_temp_path %2$s/proxy;
				  fastcgi_temp_path %2$s/fastcgi;
				  uwsgi_temp_path %2$s/uwsgi;
				  scgi_temp_path %2$s/scgi;
				  client_max_body_size 25m;
				  upstream trithuc {
				    server 127.0.0.1:%4$d max_fails=1 fail_timeout=10s;
				    server 127.0.0.1:%5$d max_fails=1 fail_timeout=10s;
				  }
				  server {
				    listen 127.0.0.1:%3$d;
				    location / {
				      proxy_pass http://trithuc;
				      proxy_next_upstream error timeout http_502;
				      proxy_connect_timeout 2s;
				      proxy_read_timeout 60s;
				      proxy_set_header Host $http_host;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				      proxy_set_header X-Forwarded-Proto $scheme;
				    }
				  }
				}
				""".formatted(WORK, temp, port, first, second));
		var nginx = new ProcessBuilder(NGINX.toString(), "-p", WORK.toString(), "-c", config.toString(), "-e",
				WORK.resolve("error.log").toString()).redirectErrorStream(true)
			.redirectOutput(WORK.resolve("nginx.out").toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			try (var socket = new java.net.Socket("127.0.0.1", port)) {
				return nginx;
			}
			catch (java.io.IOException notYet) {
				if (!nginx.isAlive()) {
					throw new IllegalStateException("nginx exited: " + Files.readString(WORK.resolve("nginx.out")));
				}
				Thread.sleep(100);
			}
		}
		nginx.destroyForcibly();
		throw new IllegalStateException("nginx did not listen on " + port);
	}
}
