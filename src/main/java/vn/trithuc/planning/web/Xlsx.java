package vn.trithuc.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** One-sheet .xlsx exports of the planning tables (FastExcel). */
final class Xlsx {

	private Xlsx() {
	}

	static ResponseEntity<byte[]> sheet(String fileName, String sheetName, Consumer<Worksheet> content) {
		var out = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(out, "TriThuc", "1.0");
			var sheet = workbook.newWorksheet(sheetName);
			content.accept(sheet);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(out.toByteArray());
	}

	static void header(Worksheet sheet, int row, List<String> titles) {
		for (int c = 0; c < titles.size(); c++) {
			sheet.value(row, c, titles.get(c));
			sheet.style(row, c).bold().set();
		}
	}

	static void number(Worksheet sheet, int row, int column, long n) {
		sheet.value(row, column, n);
		sheet.style(row, column).format("#,##0").set();
	}
}
