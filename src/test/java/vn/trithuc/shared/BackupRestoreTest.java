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
