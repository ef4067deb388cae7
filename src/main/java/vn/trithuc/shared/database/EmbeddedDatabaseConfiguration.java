package vn.trithuc.shared.database;

import java.io.IOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts an embedded PostgreSQL 15 (works as root: the library wraps initdb/postgres in a user namespace)
 * when {@code spring.datasource.url} is not set. Its data survive restarts under
 * {@code trithuc.embedded-database.data-directory}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDataSourceCondition.Embedded.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseSettings settings) throws IOException {
		var directory = settings.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(directory);
		long started = System.nanoTime();
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(settings.cleanOnStart())
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", settings.sharedBuffers().strip())
			.setServerConfig("timezone", "UTC")
			// after the library's -F (fsync off) on the command line, so this wins; commits still do not wait for the
			// disk (synchronous_commit off, the library's default): a power cut may lose the last ≈ 0,6 s of commits,
			// but never corrupts what was written before
			.setServerConfig("fsync", settings.fsync() ? "on" : "off");
		if (settings.port() > 0) {
			builder.setPort(settings.port());
		}
		var postgres = builder.start();
		log.info("Embedded PostgreSQL started on port {} with data in {}, shared_buffers {}, fsync {} ({} ms)", postgres.getPort(),
				directory, settings.sharedBuffers(), settings.fsync() ? "on" : "off",
				(System.nanoTime() - started) / 1_000_000);
		return postgres;
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		var config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(10);
		config.setPoolName("trithuc-embedded");
		return new HikariDataSource(config);
	}
}
