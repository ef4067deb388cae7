package vn.trithuc.registry.bench;

import java.io.IOException;

/** The benchmark's officer-style sheet of generated people, for tests that need a large clean file. */
public final class ImportBenchmarkSheets {

	private ImportBenchmarkSheets() {
	}

	/** A clean Unicode .xlsx of {@code rows} generated people (title row, header on row 3). */
	public static byte[] sheet(int batch, int rows) throws IOException {
		return ImportBenchmark.sheet(batch, rows, false);
	}
}
