package vn.trithuc.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when no external datasource is configured.
 *
 * @param dataDirectory where the cluster lives; survives restarts
 * @param port fixed port, or 0 for any free one
 * @param cleanOnStart wipe the data directory at start (tests only)
 * @param sharedBuffers PostgreSQL's {@code shared_buffers}: 512MB by default, so that the registry's hot tables and
 *        indexes of a province (1M people: ≈ 450 MB of people rows) are read from PostgreSQL's own cache
 * @param fsync PostgreSQL's {@code fsync}: on unless set false (tests: their data is thrown away). The embedded
 *        server's library starts PostgreSQL with it off ({@code -F}), where a power cut can corrupt the database
 */
@ConfigurationProperties("trithuc.embedded-database")
public record EmbeddedDatabaseSettings(Path dataDirectory, int port, boolean cleanOnStart, String sharedBuffers,
		Boolean fsync) {

	public EmbeddedDatabaseSettings {
		if (dataDirectory == null) {
			dataDirectory = Path.of("data", "postgres");
		}
		if (fsync == null) {
			fsync = true;
		}
		if (sharedBuffers == null || sharedBuffers.isBlank()) {
			sharedBuffers = "512MB";
		}
		else if (!sharedBuffers.strip().matches("\\d+(kB|MB|GB)")) {
			throw new IllegalArgumentException(
					"trithuc.embedded-database.shared-buffers must be a size such as 512MB or 2GB, not " + sharedBuffers);
		}
	}
}
