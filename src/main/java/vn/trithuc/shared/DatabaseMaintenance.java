package vn.trithuc.shared;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Backup and restore with PostgreSQL's own tools ({@code pg_dump}/{@code pg_restore} 15, Debian package
 * postgresql-client-15): {@code java -jar trithuc.jar backup [file]} and {@code ... restore file}. Works on
 * the embedded database (running or not) and on an external server given by spring.datasource.*. A backup
 * is one consistent snapshot; a restore goes only into an empty database, in one transaction.
 */
public final class DatabaseMaintenance {

	/** Where to reach a PostgreSQL database. */
	public record Target(String host, int port, String database, String user, String password) {

		static Target fromJdbcUrl(String jdbcUrl, String user, String password) {
			var uri = URI.create(jdbcUrl.substring("jdbc:".length()));
			var database = uri.getPath().replaceFirst("^/", "");
			return new Target(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password);
		}

		public Target withDatabase(String other) {
			return new Target(host, port, other, user, password);
		}
	}

	private DatabaseMaintenance() {
	}

	/** Entry point from {@code TriThucApplication.main}. @return the process exit code */
	public static int run(String[] args) {
		var command = args[0];
		var rest = new ArrayList<>(List.of(args).subList(1, args.length));
		var file = rest.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
		var springArgs = rest.stream().filter(a -> a.startsWith("--")).toArray(String[]::new);
		try (var context = new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
			.logStartupInfo(false).bannerMode(org.springframework.boot.Banner.Mode.OFF).run(springArgs)) {
			var environment = context.getEnvironment();
			try (var connection = connect(environment)) {
				if ("backup".equals(command)) {
					var target = file != null ? Path.of(file) : Path.of("backups",
							"trithuc-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".dump");
					backup(connection.target(), target);
					System.out.println("Đã sao lưu / backup written: " + target.toAbsolutePath());
				}
				else {
					if (file == null) {
						System.err.println("Cần chỉ ra tệp sao lưu / name the backup file: restore FILE");
						return 2;
					}
					restore(connection.target(), Path.of(file));
					System.out.println("Đã phục hồi / restored from: " + file);
				}
				return 0;
			}
		}
		catch (MaintenanceException e) {
			System.err.println(e.getMessage());
			return 1;
		}
	}

	/** Writes a consistent custom-format dump of the whole database. */
	public static void backup(Target target, Path file) {
		try {
			if (file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
		}
		catch (IOException e) {
			throw new MaintenanceException("Không tạo được thư mục cho tệp sao lưu: " + file, e);
		}
		execute(target, List.of(tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file="
				+ file.toAbsolutePath(), "--host=" + target.host(), "--port=" + target.port(), "--username="
				+ target.user(), target.database()));
	}

	/** Restores a dump into an empty database, in one transaction: on any error nothing is restored. */
	public static void restore(Target target, Path file) {
		if (!Files.isRegularFile(file)) {
			throw new MaintenanceException("Không tìm thấy tệp sao lưu: " + file);
		}
		execute(target, List.of(tool("psql"), "--no-psqlrc", "--quiet", "--tuples-only", "--host=" + target.host(),
				"--port=" + target.port(), "--username=" + target.user(), "--dbname=" + target.database(),
				"--set=ON_ERROR_STOP=1", "--command=do $$ begin if exists (select 1 from pg_namespace where nspname in"
						+ " ('platform', 'identity')) then raise exception 'database not empty'; end if; end $$"));
		execute(target, List.of(tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
				"--single-transaction", "--host=" + target.host(), "--port=" + target.port(), "--username="
				+ target.user(), "--dbname=" + target.database(), file.toAbsolutePath().toString()));
	}

	private static void execute(Target target, List<String> command) {
		var process = new ProcessBuilder(command).redirectErrorStream(true);
		if (StringUtils.hasText(target.password())) {
			process.environment().put("PGPASSWORD", target.password());
		}
		try {
			var running = process.start();
			var output = new String(running.getInputStream().readAllBytes());
			if (running.waitFor() != 0) {
				var reason = output.contains("database not empty")
						? "Cơ sở dữ liệu đích đã có dữ liệu: chỉ phục hồi vào một cơ sở dữ liệu trống."
						: "Lệnh " + Path.of(command.get(0)).getFileName() + " thất bại: " + output.strip();
				throw new MaintenanceException(reason);
			}
		}
		catch (IOException e) {
			throw new MaintenanceException("Không chạy được " + command.get(0)
					+ " (cài gói postgresql-client-15): " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MaintenanceException("Bị ngắt khi đang chạy " + command.get(0), e);
		}
	}

	/** PostgreSQL 15 client tools: Debian's versioned directory first (the server is 15), else the PATH. */
	static String tool(String name) {
		var debian = Path.of("/usr/lib/postgresql/15/bin", name);
		return Files.isExecutable(debian) ? debian.toString() : name;
	}

	/** A connection target, with an embedded server started just for the command when none is running. */
	private record Connection(Target target, EmbeddedPostgres started) implements AutoCloseable {
		@Override
		public void close() {
			if (started != null) {
				try {
					started.close();
				}
				catch (IOException e) {
					throw new MaintenanceException("Không dừng được PostgreSQL nhúng", e);
				}
			}
		}
	}

	private static Connection connect(Environment environment) {
		var url = environment.getProperty("spring.datasource.url");
		if (StringUtils.hasText(url)) {
			return new Connection(Target.fromJdbcUrl(url, environment.getProperty("spring.datasource.username"),
					environment.getProperty("spring.datasource.password")), null);
		}
		var directory = Path.of(environment.getProperty("trithuc.embedded-database.data-directory", "./data/postgres"))
			.toAbsolutePath().normalize();
		var running = runningPort(directory);
		if (running > 0) {
			return new Connection(new Target("localhost", running, "postgres", "postgres", null), null);
		}
		try {
			Files.createDirectories(directory);
			// fsync on (the library starts PostgreSQL with -F): a restore is written to disk before the application uses it
			var postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
				.setServerConfig("fsync", "on").start();
			return new Connection(new Target("localhost", postgres.getPort(), "postgres", "postgres", null), postgres);
		}
		catch (IOException e) {
			throw new MaintenanceException("Không khởi động được PostgreSQL nhúng tại " + directory, e);
		}
	}

	/** The port of an embedded server already running on this data directory (postmaster.pid line 4), or 0. */
	static int runningPort(Path directory) {
		var pidFile = directory.resolve("postmaster.pid");
		try {
			if (!Files.isRegularFile(pidFile)) {
				return 0;
			}
			var lines = Files.readAllLines(pidFile);
			long pid = Long.parseLong(lines.get(0).strip());
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			return alive && lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : 0;
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	/** Nothing but configuration properties: the command needs no beans of the application. */
	@Configuration(proxyBeanMethods = false)
	static class Settings {
	}

	public static class MaintenanceException extends RuntimeException {
		MaintenanceException(String message) {
			super(message);
		}

		MaintenanceException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
