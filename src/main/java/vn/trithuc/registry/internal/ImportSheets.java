package vn.trithuc.registry.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.jspecify.annotations.Nullable;

import vn.trithuc.shared.SpreadsheetUploads;

/**
 * The first sheet of an uploaded .xlsx, .xls or .csv as rows of cells, numbered as the officer sees them (row 1 =
 * Excel's first row), for one import pipeline whatever the format:
 * <ul>
 * <li>.xlsx: FastExcel (fast); when the workbook's styles name a legacy Vietnamese font (.VnTime, VNI-Times…)
 * Apache POI instead, which tells each cell's font, and those cells are converted to Unicode
 * ({@link LegacyVietnamese}).</li>
 * <li>.xls: Apache POI (HSSF), cell fonts likewise.</li>
 * <li>.csv: UTF-8 with or without BOM, the separator (comma, semicolon, tab) sniffed from the first lines.</li>
 * </ul>
 * Files refused before any reading: a password (encrypted OOXML or .xls), an archive that inflates too far (zip
 * bomb), XML with a DOCTYPE (external entities), anything that is not a spreadsheet. Values of merged header cells
 * are copied into every cell they cover.
 */
final class ImportSheets {

	static final int MERGE_FILL_ROWS = 30;
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
	private static final byte[] ZIP = { 0x50, 0x4B, 0x03, 0x04 };

	/** A cell: its text in Unicode NFC (a number as plain digits), and its number when it is a number cell. */
	record Cell(String text, @Nullable BigDecimal number) {

		static final Cell EMPTY = new Cell("", null);

		boolean blank() {
			return text.isBlank();
		}
	}

	record SheetRow(int number, Cell[] cells) {

		Cell cell(@Nullable Integer column) {
			return column == null || column < 0 || column >= cells.length || cells[column] == null ? Cell.EMPTY
					: cells[column];
		}

		boolean blank() {
			for (var cell : cells) {
				if (cell != null && !cell.blank()) {
					return false;
				}
			}
			return true;
		}
	}

	/** @param format xlsx, xls or csv; @param legacyFonts true when some cells were converted from TCVN3/VNI */
	record Sheet(List<SheetRow> rows, String format, boolean legacyFonts) {
	}

	/** A file that is not read at all; the message key says why (nothing was stored from it). */
	static final class Refused extends RuntimeException {

		private final String messageKey;

		Refused(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return messageKey;
		}
	}

	private ImportSheets() {
	}

	/** The extension of an uploaded file name, lower case, "" without one. */
	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** The file name as stored and shown: no folders ("../../x.xlsx" → "x.xlsx"), no control characters. */
	static String safeFileName(@Nullable String original) {
		if (original == null || original.isBlank()) {
			return "import.xlsx";
		}
		var name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}]", "").strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.isBlank()) {
			name = "import.xlsx";
		}
		return vn.trithuc.shared.VietnameseText.nfc(name.length() > 200 ? name.substring(name.length() - 200) : name);
	}

	static Sheet read(String fileName, byte[] content) {
		var extension = extension(fileName);
		if (!List.of("xlsx", "xlsm", "xls", "csv").contains(extension)) {
			throw new Refused("registry.import.fileType");
		}
		if (content.length == 0) {
			throw new Refused("registry.import.empty");
		}
		if (startsWith(content, OLE2)) {
			return ole2(content);
		}
		if (startsWith(content, ZIP)) {
			return ooxml(content);
		}
		if (extension.equals("csv")) {
			return csv(content);
		}
		throw new Refused("registry.import.unreadableFile");
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

	// ------------------------------------------------------------------ .xls and password-protected files

	private static Sheet ole2(byte[] content) {
		try (var fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
			if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
				throw new Refused("registry.import.encrypted"); // a password-protected .xlsx
			}
			try (var workbook = new HSSFWorkbook(fs.getRoot(), false)) {
				return poi(workbook, "xls");
			}
		}
		catch (EncryptedDocumentException e) {
			throw new Refused("registry.import.encrypted");
		}
		catch (Refused e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new Refused("registry.import.unreadableFile");
		}
	}

	// ------------------------------------------------------------------ .xlsx

	private static Sheet ooxml(byte[] content) {
		if (!SpreadsheetUploads.inflatesWithinLimits(content)) {
			throw new Refused(SpreadsheetUploads.INFLATED_TOO_LARGE);
		}
		boolean legacy;
		try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			if (zip.getEntry("xl/workbook.xml") == null) {
				throw new Refused("registry.import.unreadableFile"); // a .docx or any other zip
			}
			legacy = false;
			for (var entry : Collections.list(zip.getEntries())) {
				var name = entry.getName();
				if (!name.endsWith(".xml") && !name.endsWith(".rels")) {
					continue;
				}
				try (var in = zip.getInputStream(entry)) {
					var head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
					if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
						throw new Refused("registry.import.unsafeXml");
					}
				}
				if (name.equals("xl/styles.xml")) {
					try (var in = zip.getInputStream(entry)) {
						legacy = legacyFontNamed(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		catch (Refused e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new Refused("registry.import.unreadableFile");
		}
		if (legacy) {
			try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
				return poi(workbook, "xlsx");
			}
			catch (IOException | RuntimeException e) {
				throw new Refused("registry.import.unreadableFile");
			}
		}
		return fastExcel(content);
	}

	/** True when a font of the styles part is a legacy Vietnamese one. */
	static boolean legacyFontNamed(String stylesXml) {
		var matcher = java.util.regex.Pattern.compile("<(?:\\w+:)?name\\s+val=\"([^\"]*)\"").matcher(stylesXml);
		while (matcher.find()) {
			if (LegacyVietnamese.legacy(matcher.group(1))) {
				return true;
			}
		}
		return false;
	}

	private static Sheet fastExcel(byte[] content) {
		var rows = new ArrayList<SheetRow>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
				var stream = workbook.getFirstSheet().openStream()) {
			stream.forEach(row -> {
				var cells = new Cell[row.getCellCount()];
				for (int i = 0; i < cells.length; i++) {
					var cell = row.getCell(i);
					if (cell == null || cell.getType() == CellType.EMPTY) {
						continue;
					}
					if (cell.getType() == CellType.NUMBER) {
						var number = cell.asNumber();
						cells[i] = new Cell(plain(number), number);
					}
					else {
						var text = cell.getText();
						cells[i] = text == null ? null : new Cell(clean(text), null);
					}
				}
				rows.add(new SheetRow(row.getRowNum(), cells));
			});
		}
		catch (IOException | RuntimeException e) {
			throw new Refused("registry.import.unreadableFile");
		}
		return new Sheet(rows, "xlsx", false);
	}

	// ------------------------------------------------------------------ Apache POI (.xls, legacy-font .xlsx)

	private static Sheet poi(Workbook workbook, String format) {
		if (workbook.getNumberOfSheets() == 0) {
			throw new Refused("registry.import.noHeader");
		}
		var sheet = workbook.getSheetAt(0);
		var formatter = new DataFormatter(Locale.ROOT);
		var evaluatedFormulas = org.apache.poi.ss.usermodel.CellType.FORMULA;
		var rows = new ArrayList<SheetRow>();
		boolean legacy = false;
		var fonts = new java.util.HashMap<Integer, LegacyVietnamese.Encoding>();
		for (var row : sheet) {
			int last = Math.max(row.getLastCellNum(), 0);
			var cells = new Cell[last];
			for (var cell : row) {
				var type = cell.getCellType() == evaluatedFormulas ? cell.getCachedFormulaResultType() : cell.getCellType();
				Cell value = switch (type) {
					case NUMERIC -> {
						var number = new BigDecimal(Double.toString(cell.getNumericCellValue()));
						yield new Cell(plain(number), number);
					}
					case STRING -> {
						var text = cell.getRichStringCellValue().getString();
						var encoding = fonts.computeIfAbsent(cell.getCellStyle().getFontIndex(),
								index -> LegacyVietnamese.fromFont(workbook.getFontAt(index).getFontName()));
						yield new Cell(clean(LegacyVietnamese.toUnicode(text, encoding)), null);
					}
					case BOOLEAN -> new Cell(formatter.formatCellValue(cell), null);
					default -> null;
				};
				if (value != null && type == org.apache.poi.ss.usermodel.CellType.STRING) {
					legacy |= fonts.get((int) cell.getCellStyle().getFontIndex()) != LegacyVietnamese.Encoding.UNICODE;
				}
				cells[cell.getColumnIndex()] = value;
			}
			rows.add(new SheetRow(row.getRowNum() + 1, cells));
		}
		fillMerged(sheet, rows);
		return new Sheet(rows, format, legacy);
	}

	/** A merged cell's value in each cell it covers (in the first rows, where headers are). */
	private static void fillMerged(org.apache.poi.ss.usermodel.Sheet sheet, List<SheetRow> rows) {
		var byNumber = new java.util.HashMap<Integer, Integer>();
		for (int i = 0; i < rows.size(); i++) {
			byNumber.put(rows.get(i).number(), i);
		}
		for (var region : sheet.getMergedRegions()) {
			if (region.getFirstRow() >= MERGE_FILL_ROWS) {
				continue;
			}
			var top = byNumber.get(region.getFirstRow() + 1);
			if (top == null) {
				continue;
			}
			var value = rows.get(top).cell(region.getFirstColumn());
			for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), MERGE_FILL_ROWS); r++) {
				var index = byNumber.get(r + 1);
				if (index == null) {
					continue;
				}
				var row = rows.get(index);
				var cells = row.cells().length > region.getLastColumn() ? row.cells()
						: Arrays.copyOf(row.cells(), region.getLastColumn() + 1);
				for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
					cells[c] = value;
				}
				rows.set(index, new SheetRow(row.number(), cells));
			}
		}
	}

	// ------------------------------------------------------------------ .csv

	private static Sheet csv(byte[] content) {
		int offset = startsWith(content, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }) ? 3 : 0;
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
		}
		catch (CharacterCodingException e) {
			throw new Refused("registry.import.csvNotUtf8");
		}
		if (text.indexOf('\0') >= 0) {
			throw new Refused("registry.import.unreadableFile");
		}
		char separator = separator(text);
		var rows = new ArrayList<SheetRow>();
		var cells = new ArrayList<Cell>();
		var value = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowStart = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						value.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					value.append(c);
				}
			}
			else if (c == '"' && value.toString().isBlank()) {
				value.setLength(0);
				quoted = true;
			}
			else if (c == separator) {
				cells.add(new Cell(clean(value.toString()), null));
				value.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(new Cell(clean(value.toString()), null));
				value.setLength(0);
				rows.add(new SheetRow(rowStart, cells.toArray(Cell[]::new)));
				cells.clear();
				line++;
				rowStart = line;
			}
			else {
				value.append(c);
			}
		}
		if (!cells.isEmpty() || value.length() > 0) {
			cells.add(new Cell(clean(value.toString()), null));
			rows.add(new SheetRow(rowStart, cells.toArray(Cell[]::new)));
		}
		return new Sheet(rows, "csv", false);
	}

	/** The separator of the first lines: the one of comma, semicolon and tab that occurs most outside quotes. */
	static char separator(String text) {
		int[] counts = new int[3];
		char[] candidates = { ',', ';', '\t' };
		boolean quoted = false;
		int lines = 0;
		for (int i = 0; i < text.length() && lines < 10; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == '\n') {
				lines++;
			}
			else if (!quoted) {
				for (int k = 0; k < candidates.length; k++) {
					if (c == candidates[k]) {
						counts[k]++;
					}
				}
			}
		}
		int best = 0;
		for (int k = 1; k < candidates.length; k++) {
			if (counts[k] > counts[best]) {
				best = k;
			}
		}
		return candidates[best];
	}

	// ------------------------------------------------------------------ values

	static String plain(BigDecimal number) {
		try {
			return number.toBigIntegerExact().toString();
		}
		catch (ArithmeticException notInteger) {
			return number.stripTrailingZeros().toPlainString();
		}
	}

	private static String clean(String text) {
		var nfc = vn.trithuc.shared.VietnameseText.nfc(text.replace("\uFEFF", "").replace('\u00A0', ' '));
		return nfc.indexOf('\n') >= 0 || nfc.indexOf('\r') >= 0 || nfc.indexOf('\t') >= 0 ? nfc.replaceAll("\\s+", " ") : nfc;
	}
}
