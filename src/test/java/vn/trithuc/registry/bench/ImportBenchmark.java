package vn.trithuc.registry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.bench.BenchReport;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.ImportBench;
import vn.trithuc.registry.internal.LegacyVietnamese;
import vn.trithuc.registry.internal.PeopleGenerator;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.SpreadsheetImport;
import vn.trithuc.shared.CopyText;

/**
 * Benchmark, not a test (the name keeps it out of `mvn verify`). A clean Unicode officer-style .xlsx of generated
 * people (100k rows by default) imported end to end — upload with its dry run (parse + validate) and apply — against
 * the raw baseline measured in the same run: the same parser and PostgreSQL COPY of the cells into a staging table.
 * Then the legacy-font path (a TCVN3 name column, read with Apache POI for the cell fonts). Run:
 * {@code mvn -o test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dimport.bench.rows=100000}
 * <p>
 * The people it imports are deleted at the end (the cached data set keeps its size).
 * {@code -Dimport.bench.withoutSearchIndexes=true} first drops the search indexes of {@code registry.person}
 * (person_sort, person_name_tokens, person_expertise, person_fields) in the benchmark's own fresh database, to see
 * what an import costs once search no longer needs them; the figures' names then say so.
 */
@IntegrationTest
class ImportBenchmark {

	private static final String[] HEADERS = { "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Dân tộc",
			"Trình độ chuyên môn", "Điện thoại" };
	private static final String[] DEGREES = { "Đại học", "Thạc sĩ", "ThS", "Tiến sĩ", "Cử nhân" };

	@Autowired
	SpreadsheetImport imports;
	@Autowired
	Profiles profiles;
	@Autowired
	DataSource dataSource;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void import_rows_per_second_against_parser_plus_copy() throws Exception {
		int rows = Integer.getInteger("import.bench.rows", 100_000);
		int legacyRows = Integer.getInteger("import.bench.legacyRows", Math.min(rows, 20_000));
		int batch = ThreadLocalRandom.current().nextInt(100, 900);
		String variant = "";
		if (Boolean.getBoolean("import.bench.withoutSearchIndexes")) {
			transactions.executeWithoutResult(status -> {
				for (var index : List.of("person_sort", "person_name_tokens", "person_expertise", "person_fields")) {
					jdbc.sql("drop index if exists registry." + index).update();
				}
			});
			variant = " (search indexes dropped)";
		}
		long initial = profiles.count();
		var file = sheet(batch, rows, false);
		System.out.printf("import bench: %,d rows, %,d bytes%n", rows, file.length);

		// warm-up (JIT, connection pool, code lists) on a file as big as the measured one: after 2.000 rows the 100k
		// file's reading took 1.404 ms, the same file read again 547 ms; after a 20.000-row file the JIT still compiled
		// through the measured import (a CPU profile: the C2 compiler thread busier than the import's own, on two cores)
		// — while the baseline, measured after the import, always ran warm. A server has compiled them after its first
		// import; that first import's rate is reported too.
		int warmRows = Integer.getInteger("import.bench.warmRows", rows);
		var warm = sheet(batch + 1, warmRows, false);
		long warmStarted = System.nanoTime();
		var warmReport = imports.upload("warm.xlsx", warm, "bench");
		imports.apply(warmReport.job(), "bench");
		BenchReport.figure("import", "first import after the server started (JIT cold), clean Unicode .xlsx, " + warmRows
				+ " rows, end to end with the statistics updated" + variant, warmRows / ((System.nanoTime() - warmStarted) / 1e9),
				"rows/s");
		baseline(warm);

		long before = profiles.count();
		long started = System.nanoTime();
		var report = imports.upload("bench.xlsx", file, "bench");
		long dryRun = System.nanoTime() - started;
		assertThat(report.fileError()).isNull();
		assertThat(report.count(SpreadsheetImport.Outcome.NEW)).isEqualTo(rows);
		long applyStarted = System.nanoTime();
		// in a transaction of the benchmark's own, so that the time until the commit and the time of the listeners
		// that run right after it (synchronously, on the apply's thread) are told apart
		long[] inTransaction = new long[1];
		var counts = transactions.execute(status -> {
			var applied = imports.apply(report.job(), "bench").orElseThrow();
			inTransaction[0] = System.nanoTime() - applyStarted;
			return applied;
		});
		long apply = System.nanoTime() - applyStarted;
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(counts.get(SpreadsheetImport.Outcome.NEW)).isEqualTo(rows);
		assertThat(profiles.count()).isEqualTo(before + rows);

		double baselineSeconds = baseline(file);
		double rate = rows / seconds;
		double baselineRate = rows / baselineSeconds;
		BenchReport.ratio("import", "clean Unicode .xlsx, " + rows + " rows, end to end with the statistics updated (upload + dry run + apply + listeners)" + variant, rate,
				baselineRate, "rows/s", "same parser + COPY into a staging table");
		// what the officer sees: the job page reports the import done once the apply has committed (ImportJobs.state);
		// the statistics catch up right after, on the apply's thread
		BenchReport.ratio("import", "clean Unicode .xlsx, " + rows + " rows, end to end until the registry holds them"
				+ " (upload + dry run + apply until its commit)" + variant, rows / ((dryRun + inTransaction[0]) / 1e9),
				baselineRate, "rows/s", "same parser + COPY into a staging table");
		BenchReport.figure("import", "dry run (parse + validate), " + rows + " rows" + variant, rows / (dryRun / 1e9), "rows/s");
		BenchReport.figure("import", "apply (re-check + COPY), " + rows + " rows" + variant, rows / (apply / 1e9), "rows/s");
		BenchReport.figure("import", "apply until its commit, " + rows + " rows" + variant, inTransaction[0] / 1e9, "s");
		BenchReport.figure("import", "apply: commit and the listeners of PeopleBulkLoaded after it (analytics, planning), "
				+ rows + " rows" + variant, (apply - inTransaction[0]) / 1e9, "s");

		// the same file again: nothing changes
		long again = System.nanoTime();
		var second = imports.upload("bench.xlsx", file, "bench");
		assertThat(second.count(SpreadsheetImport.Outcome.UNCHANGED)).isEqualTo(rows);
		imports.apply(second.job(), "bench");
		assertThat(profiles.count()).isEqualTo(before + rows);
		BenchReport.figure("import", "re-import of the same " + rows + " rows (all unchanged)",
				rows / ((System.nanoTime() - again) / 1e9), "rows/s");

		// legacy-font path
		var legacy = sheet(batch + 2, legacyRows, true);
		long legacyStarted = System.nanoTime();
		var legacyReport = imports.upload("tcvn3.xlsx", legacy, "bench");
		assertThat(legacyReport.legacyFonts()).isTrue();
		assertThat(legacyReport.count(SpreadsheetImport.Outcome.NEW)).isEqualTo(legacyRows);
		imports.apply(legacyReport.job(), "bench");
		double legacySeconds = (System.nanoTime() - legacyStarted) / 1e9;
		BenchReport.figure("import", "legacy-font (TCVN3) .xlsx, " + legacyRows + " rows, end to end",
				legacyRows / legacySeconds, "rows/s");
		removeImported(initial);
	}

	/**
	 * The people this benchmark imported (change log: IMPORTED by "bench") deleted again with everything about them, and
	 * the tables rewritten: the cached data set keeps BenchData's size for the next search run (each run imported
	 * 140.000 people: at 1.750.060 the "1M" figures were no longer 1M's), and the next import writes at the end of its
	 * tables as into a registry that grew, not into the holes of a deletion (person_part took twice as long).
	 */
	private void removeImported(long expected) {
		long started = System.nanoTime();
		transactions.executeWithoutResult(status -> {
			for (var sql : List.of(
					"create temp table bench_imported on commit drop as select distinct person_id as id from registry.change_log"
							+ " where action = 'IMPORTED' and actor = 'bench'",
					"create index on bench_imported (id)", "analyze bench_imported",
					// the foreign keys that point at registry.person, checked for every deleted person, without an index
					"create index bench_merged on registry.person (merged_into) where merged_into is not null",
					"create index bench_consent on registry.consent (person_id)",
					"create index bench_erasure on registry.erasure_request (person_id)",
					"delete from analytics.fact_period f using bench_imported g where f.person_id = g.id",
					"delete from planning.workforce_period f using bench_imported g where f.person_id = g.id",
					"delete from registry.person_view_log f using bench_imported g where f.person_id = g.id",
					"delete from registry.consent f using bench_imported g where f.person_id = g.id",
					"delete from registry.person_part f using bench_imported g where f.person_id = g.id",
					"delete from registry.change_log f using bench_imported g where f.person_id = g.id",
					"delete from registry.person f using bench_imported g where f.id = g.id",
					"drop index registry.bench_merged", "drop index registry.bench_consent", "drop index registry.bench_erasure")) {
				jdbc.sql(sql).update();
			}
		});
		for (var table : List.of("registry.person", "registry.person_part", "registry.change_log", "analytics.fact_period",
				"planning.workforce_period")) {
			jdbc.sql("vacuum full analyze " + table).update();
		}
		assertThat(profiles.count()).as("the people before the benchmark").isEqualTo(expected);
		System.out.printf("import bench: imported people removed, tables rewritten in %.1f s%n",
				(System.nanoTime() - started) / 1e9);
	}

	/** The same parser, then the cells as text with COPY into a staging table; rolled back. @return seconds */
	private double baseline(byte[] file) {
		long started = System.nanoTime();
		transactions.executeWithoutResult(status -> {
			var sheet = ImportBench.read("bench.xlsx", file);
			var connection = DataSourceUtils.getConnection(dataSource);
			try (var statement = connection.createStatement()) {
				statement.execute("create temp table import_staging (c0 text, c1 text, c2 text, c3 text, c4 text, "
						+ "c5 text, c6 text, c7 text) on commit drop");
				var copy = connection.unwrap(PGConnection.class).getCopyAPI();
				var text = new StringBuilder(1 << 20);
				int n = 0;
				for (var row : sheet) {
					var values = new Object[8];
					for (int c = 0; c < 8; c++) {
						values[c] = c < row.size() ? row.get(c) : null;
					}
					CopyText.line(text, values);
					if (++n % 5_000 == 0) {
						copy.copyIn("copy import_staging from stdin", new StringReader(text.toString()));
						text.setLength(0);
					}
				}
				copy.copyIn("copy import_staging from stdin", new StringReader(text.toString()));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
			status.setRollbackOnly();
		});
		return (System.nanoTime() - started) / 1e9;
	}

	/**
	 * Province codes of the sheets' national IDs: 1–95 without those of the benchmark data set (PeopleGenerator: 060,
	 * 067, 068, and 001 beyond a million people), so that at 1M too every imported row is a new person; consecutive
	 * batches (main, warm-up, legacy sheet) get different codes.
	 */
	private static final int[] PROVINCES = java.util.stream.IntStream.rangeClosed(1, 95)
		.filter(c -> c != 1 && c != 60 && c != 67 && c != 68).toArray();

	/** An officer-style sheet of generated people; with {@code legacy} the names in TCVN3 in a .VnTime font. */
	static byte[] sheet(int batch, int rows, boolean legacy) throws IOException {
		var generator = new PeopleGenerator(batch * 7919L, List.of(), LocalDate.of(2026, 11, 26));
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "TriThuc", "1.0");
		var ws = workbook.newWorksheet("Danh sách");
		ws.value(0, 0, "DANH SÁCH TRÍ THỨC");
		for (int c = 0; c < HEADERS.length; c++) {
			ws.value(2, c, HEADERS[c]);
		}
		var dates = DateTimeFormatter.ofPattern("dd/MM/yyyy");
		for (int i = 1; i <= rows; i++) {
			int r = i + 2;
			var person = generator.next().data();
			int year = person.birthYear();
			ws.value(r, 0, i);
			ws.value(r, 1, legacy ? tcvn3(person.fullName()) : person.fullName());
			ws.value(r, 2, person.birthDate() != null ? person.birthDate().format(dates) : String.valueOf(year));
			ws.value(r, 3, person.sex() == Sex.MALE ? "Nam" : "Nữ");
			int g = (year >= 2000 ? 2 : 0) + (person.sex() == Sex.FEMALE ? 1 : 0);
			ws.value(r, 4, String.format("%03d", PROVINCES[batch % PROVINCES.length]) + g + String.format("%02d", year % 100)
					+ String.format("%06d", i));
			ws.value(r, 5, i % 10 == 0 ? "Cơ Ho" : "Kinh");
			ws.value(r, 6, DEGREES[i % DEGREES.length]);
			ws.value(r, 7, "09" + String.format("%08d", i));
		}
		if (legacy) {
			ws.range(3, 1, rows + 2, 1).style().fontName(".VnTime").set();
		}
		workbook.finish();
		return out.toByteArray();
	}

	private static final char[] TO_TCVN3 = new char[0x2000];
	static {
		for (char c = 0xA1; c <= 0xFE; c++) {
			var letter = LegacyVietnamese.toUnicode(String.valueOf(c), LegacyVietnamese.Encoding.TCVN3);
			if (letter.length() == 1 && letter.charAt(0) != c && letter.charAt(0) < TO_TCVN3.length) {
				TO_TCVN3[letter.charAt(0)] = c;
			}
		}
	}

	/** Unicode → TCVN3 for the letters the font has (capitals with a tone stay as they are). */
	static String tcvn3(String unicode) {
		var out = new StringBuilder(unicode.length());
		for (char c : unicode.toCharArray()) {
			out.append(c < TO_TCVN3.length && TO_TCVN3[c] != 0 ? TO_TCVN3[c] : c);
		}
		return out.toString();
	}
}
