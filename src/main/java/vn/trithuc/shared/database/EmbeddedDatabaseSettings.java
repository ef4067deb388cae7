package vn.trithuc.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when no external datasource is configured.
 *
 * @param dataDirectory where the cluster lives; survives restarts
 * @param port fixed port, or 0 for any free one
 * @param cleanOnStart wipe the data directory at start (tests only)
 */
@ConfigurationProperties("trithuc.embedded-database")
public record EmbeddedDatabaseSettings(Path dataDirectory, int port, boolean cleanOnStart) {

	public EmbeddedDatabaseSettings {
		if (dataDirectory == null) {
			dataDirectory = Path.of("data", "postgres");
		}
	}
}
