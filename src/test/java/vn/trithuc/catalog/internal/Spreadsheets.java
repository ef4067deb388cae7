package vn.trithuc.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.dhatim.fastexcel.Workbook;

/** Test fixtures: .xlsx files written with FastExcel, rows of text cells (a null cell stays empty). */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	public static byte[] xlsx(String[]... rows) {
		var out = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(out, "TriThuc", "1.0");
			var sheet = workbook.newWorksheet("Danh mục");
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null) {
						sheet.value(r, c, rows[r][c]);
					}
				}
			}
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static String[] row(String... cells) {
		return cells;
	}
}
