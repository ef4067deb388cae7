package vn.trithuc.catalog.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import vn.trithuc.shared.VietnameseText;

/**
 * The first sheet of an uploaded .xlsx (or a UTF-8 .csv) as rows of text cells, numbered as the officer sees
 * them in Excel (header = row 1). Integer number cells come back without a decimal part.
 */
final class SpreadsheetFile {

	record Line(int number, List<String> cells) {

		String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}

		boolean blank() {
			return cells.stream().allMatch(String::isBlank);
		}
	}

	record Sheet(List<String> header, List<Line> lines) {
	}

	private SpreadsheetFile() {
	}

	static Sheet read(String fileName, byte[] content) {
		var lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".csv")) {
			return csv(fileName, content);
		}
		if (!lower.endsWith(".xlsx")) {
			throw new Problem.Refused(Problem.of("fileType", fileName));
		}
		if (content.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(java.util.Arrays.copyOf(content, 8))) {
			throw new Problem.Refused(Problem.of("unreadable", fileName));
		}
		if (!vn.trithuc.shared.SpreadsheetUploads.inflatesWithinLimits(content)) {
			throw new Problem.Refused(Problem.ofKey(vn.trithuc.shared.SpreadsheetUploads.INFLATED_TOO_LARGE));
		}
		var lines = new ArrayList<Line>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
				var rows = workbook.getFirstSheet().openStream()) {
			rows.forEach(row -> {
				var cells = new ArrayList<String>();
				for (int i = 0; i < row.getCellCount(); i++) {
					var cell = row.getCell(i);
					String text;
					if (cell == null || cell.getType() == CellType.EMPTY) {
						text = "";
					}
					else if (cell.getType() == CellType.NUMBER) {
						text = plain(cell.asNumber());
					}
					else {
						text = cell.getText();
					}
					cells.add(clean(text));
				}
				lines.add(new Line(row.getRowNum(), cells));
			});
		}
		catch (IOException | RuntimeException e) {
			throw new Problem.Refused(Problem.of("unreadable", fileName));
		}
		return sheet(lines);
	}

	private static Sheet csv(String fileName, byte[] content) {
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			var text = decoder.decode(java.nio.ByteBuffer.wrap(content)).toString();
			var lines = new ArrayList<Line>();
			var reader = new BufferedReader(new java.io.StringReader(text));
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				lines.add(new Line(number, CsvRows.split(line).stream().map(SpreadsheetFile::clean).toList()));
			}
			return sheet(lines);
		}
		catch (CharacterCodingException e) {
			throw new Problem.Refused(Problem.of("notUtf8", fileName));
		}
		catch (IOException e) {
			throw new Problem.Refused(Problem.of("unreadable", fileName));
		}
	}

	private static Sheet sheet(List<Line> lines) {
		var content = lines.stream().filter(l -> !l.blank()).toList();
		if (content.isEmpty()) {
			throw new Problem.Refused(Problem.of("empty"));
		}
		var header = content.get(0);
		if (header.number() != 1) {
			// keep Excel's numbering: the header must be on row 1
			throw new Problem.Refused(Problem.of("headerNotFirst", header.number()));
		}
		return new Sheet(header.cells(), content.subList(1, content.size()));
	}

	private static String plain(BigDecimal number) {
		try {
			return number.toBigIntegerExact().toString();
		}
		catch (ArithmeticException notInteger) {
			return number.stripTrailingZeros().toPlainString();
		}
	}

	private static String clean(String text) {
		var nfc = VietnameseText.nfc(text == null ? "" : text.replace("\uFEFF", ""));
		return nfc.replaceAll("\\s+", " ");
	}
}
