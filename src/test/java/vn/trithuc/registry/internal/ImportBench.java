package vn.trithuc.registry.internal;

import java.util.ArrayList;
import java.util.List;

/** Test-side access to the import's sheet reader, for the benchmark's raw baseline (parser + COPY). */
public final class ImportBench {

	private ImportBench() {
	}

	/** The rows of the first sheet as cell texts, as the import reads them. */
	public static List<List<String>> read(String fileName, byte[] content) {
		var rows = new ArrayList<List<String>>();
		for (var row : ImportSheets.read(fileName, content).rows()) {
			var cells = new ArrayList<String>(row.cells().length);
			for (var cell : row.cells()) {
				cells.add(cell == null ? null : cell.text());
			}
			rows.add(cells);
		}
		return rows;
	}
}
