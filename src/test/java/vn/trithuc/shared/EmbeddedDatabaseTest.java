package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;

/** The embedded server is the one pinned (15, for Debian's pg_dump) and has what Vietnamese search needs. */
@IntegrationTest
class EmbeddedDatabaseTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_server_is_postgresql_15_started_by_the_application_even_as_root() {
		assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("15.");
		// CI runs the suite as root: reaching this line there proves the embedded server starts as root
		assertThat(System.getProperty("user.name")).isNotBlank();
	}

	@Test
	void unaccent_folding_matches_the_java_folding() {
		var name = "Nguyễn Thị Thuỷ Đặng Ưng Ỷ";
		assertThat(jdbc.sql("select shared.fold(:n)").param("n", name).query(String.class).single())
			.isEqualTo(VietnameseText.fold(name));
	}

	@Test
	void trigram_similarity_tolerates_typos() {
		double similarity = jdbc.sql("select similarity('nguyen van hai', 'nguyen van hia')")
			.query(Double.class).single();
		assertThat(similarity).isGreaterThan(0.5);
	}

	@Test
	void the_icu_vietnamese_collation_sorts_letters_and_tones_correctly() {
		var sorted = jdbc.sql("""
				select n from (values ('Đức'), ('Dung'), ('Ân'), ('Bình'), ('Ăn'), ('Ánh'), ('An')) v(n)
				order by n collate "vi-x-icu" """).query(String.class).list();
		assertThat(sorted).containsExactly("An", "Ánh", "Ăn", "Ân", "Bình", "Dung", "Đức");
	}

	@Test
	void every_module_schema_exists() {
		var schemas = jdbc.sql("select schema_name from information_schema.schemata").query(String.class).list();
		assertThat(schemas).contains("platform", "shared", "identity");
	}
}
