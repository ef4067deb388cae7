package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.zaxxer.hikari.HikariDataSource;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** A backup restored into an empty database has the same rows, table by table (count and checksum). */
@IntegrationTest
class BackupRestoreTest {

	@Autowired
	DataSource dataSource;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	UserAdministration administration;

	@Test
	void a_backup_restored_into_an_empty_database_is_identical_and_a_second_restore_is_refused() throws Exception {
		TestAccounts.ready(administration, "backup.nguyen.thi.thuy", Role.HR_OFFICER);
		var source = DatabaseMaintenance.Target.fromJdbcUrl(((HikariDataSource) dataSource).getJdbcUrl(), "postgres", null);
		var file = Path.of("target", "backup-test", "trithuc.dump");
		Files.deleteIfExists(file);

		DatabaseMaintenance.backup(source, file);
		assertThat(file).isNotEmptyFile();

		jdbc.sql("drop database if exists restore_check").update();
		jdbc.sql("create database restore_check").update();
		var copy = source.withDatabase("restore_check");
		DatabaseMaintenance.restore(copy, file);

		var original = checksums(source);
		assertThat(original).containsKeys("identity.user_account", "platform.flyway_schema_history");
		assertThat(original.get("identity.user_account")).doesNotStartWith("0:");
		assertThat(checksums(copy)).isEqualTo(original);

		assertThatThrownBy(() -> DatabaseMaintenance.restore(copy, file))
			.isInstanceOf(DatabaseMaintenance.MaintenanceException.class)
			.hasMessageContaining("đã có dữ liệu");
	}

	/**
	 * The documented commands ({@code java -jar trithuc.jar backup|restore FILE [--settings]}, i.e.
	 * {@link DatabaseMaintenance#run}) on each kind of database: an external server named by
	 * {@code spring.datasource.*}; the embedded default while its server runs, and while it does not (the command
	 * starts and stops it); a restore into a new embedded data directory. Every copy has the same counts and checksums.
	 */
	@Test
	void the_backup_and_restore_commands_work_on_an_external_server_and_on_the_embedded_default() throws Exception {
		TestAccounts.ready(administration, "backup.command.tran.van.an", Role.UNIT_OFFICER);
		var work = Path.of("target", "backup-command-test").toAbsolutePath();
		org.springframework.util.FileSystemUtils.deleteRecursively(work);
		var jdbcUrl = ((HikariDataSource) dataSource).getJdbcUrl();

		// an external server: the test context's PostgreSQL, reached only through spring.datasource.*
		var external = work.resolve("external.dump");
		assertThat(DatabaseMaintenance.run(new String[] { "backup", external.toString(),
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres" })).isZero();
		jdbc.sql("drop database if exists restore_external").update();
		jdbc.sql("create database restore_external").update();
		var source = DatabaseMaintenance.Target.fromJdbcUrl(jdbcUrl, "postgres", null);
		assertThat(DatabaseMaintenance.run(new String[] { "restore", external.toString(),
				"--spring.datasource.url=" + jdbcUrl.replaceFirst("/postgres(\\?|$)", "/restore_external$1"),
				"--spring.datasource.username=postgres" })).isZero();
		var original = checksums(source);
		assertThat(original.get("identity.user_account")).doesNotStartWith("0:");
		assertThat(checksums(source.withDatabase("restore_external"))).as("external server").isEqualTo(original);

		// the embedded default, its server running: the command finds it through postmaster.pid
		var embedded = work.resolve("embedded");
		Map<String, String> embeddedSums;
		var whileRunning = work.resolve("embedded-running.dump");
		// (not "clean": the library would delete the data directory when the server stops)
		try (var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(embedded)
			.setCleanDataDirectory(false).start()) {
			var target = new DatabaseMaintenance.Target("localhost", postgres.getPort(), "postgres", "postgres", null);
			DatabaseMaintenance.restore(target, external);
			embeddedSums = checksums(target);
			assertThat(embeddedSums).isEqualTo(original);
			assertThat(DatabaseMaintenance.run(new String[] { "backup", whileRunning.toString(),
					"--trithuc.embedded-database.data-directory=" + embedded })).isZero();
			assertThat(DatabaseMaintenance.runningPort(embedded)).as("left running").isEqualTo(postgres.getPort());
		}
		// ... and stopped: the command starts the server for the backup and stops it again
		assertThat(DatabaseMaintenance.runningPort(embedded)).isZero();
		var whileStopped = work.resolve("embedded-stopped.dump");
		assertThat(DatabaseMaintenance.run(new String[] { "backup", whileStopped.toString(),
				"--trithuc.embedded-database.data-directory=" + embedded })).isZero();
		assertThat(DatabaseMaintenance.runningPort(embedded)).as("stopped again").isZero();

		// restore into a new embedded data directory with the command, then compare both backups' contents
		var restored = work.resolve("restored");
		assertThat(DatabaseMaintenance.run(new String[] { "restore", whileStopped.toString(),
				"--trithuc.embedded-database.data-directory=" + restored })).isZero();
		try (var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(restored)
			.setCleanDataDirectory(false).start()) {
			var target = new DatabaseMaintenance.Target("localhost", postgres.getPort(), "postgres", "postgres", null);
			assertThat(checksums(target)).as("embedded, backed up while stopped").isEqualTo(embeddedSums);
			JdbcClient.create(postgres.getPostgresDatabase()).sql("create database restore_running").update();
			DatabaseMaintenance.restore(target.withDatabase("restore_running"), whileRunning);
			assertThat(checksums(target.withDatabase("restore_running"))).as("embedded, backed up while running")
				.isEqualTo(embeddedSums);
			// a restore command into a database that holds data is refused, with a non-zero exit code
			assertThat(DatabaseMaintenance.run(new String[] { "restore", whileStopped.toString(),
					"--trithuc.embedded-database.data-directory=" + restored })).isNotZero();
		}
	}

	@Test
	void a_missing_backup_file_is_named_in_the_message() {
		var target = DatabaseMaintenance.Target.fromJdbcUrl(((HikariDataSource) dataSource).getJdbcUrl(), "postgres", null);
		assertThatThrownBy(() -> DatabaseMaintenance.restore(target, Path.of("target", "khong-co.dump")))
			.hasMessageContaining("Không tìm thấy tệp sao lưu");
	}

	/** table → "rows:md5 of all rows in a fixed order", for every table outside the system schemas. */
	private static Map<String, String> checksums(DatabaseMaintenance.Target target) throws SQLException {
		var url = "jdbc:postgresql://" + target.host() + ":" + target.port() + "/" + target.database();
		try (var connection = DriverManager.getConnection(url, target.user(), "")) {
			var db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			var tables = db.sql("""
					select schemaname || '.' || tablename from pg_tables
					where schemaname not in ('pg_catalog', 'information_schema', 'public') order by 1""")
				.query(String.class).list();
			var sums = new TreeMap<String, String>();
			for (var table : tables) {
				sums.put(table, db.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
						+ " from " + table + " t").query(String.class).single());
			}
			return sums;
		}
	}
}
