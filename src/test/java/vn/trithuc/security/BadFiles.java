package vn.trithuc.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;

/** Hostile spreadsheets for the bad-input suite, built from a valid FastExcel workbook. */
final class BadFiles {

	static final String SHEET = "xl/worksheets/sheet1.xml";
	private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
	private static final String WORKSHEET = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

	private BadFiles() {
	}

	static byte[] xlsx(String[]... rows) {
		var out = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(out, "TriThuc", "1.0");
			var sheet = workbook.newWorksheet("Danh sách");
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < rows[r].length; c++) {
					sheet.value(r, c, rows[r][c]);
				}
			}
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static byte[] truncated(byte[] valid) {
		return Arrays.copyOf(valid, valid.length / 2);
	}

	static byte[] corrupt() {
		var bytes = new byte[4096];
		new java.util.Random(42).nextBytes(bytes);
		bytes[0] = 'P';
		bytes[1] = 'K';
		bytes[2] = 3;
		bytes[3] = 4;
		return bytes;
	}

	/** The valid workbook with its first sheet replaced by {@code sheetXml} (written as given). */
	static byte[] withSheet(byte[] valid, byte[]... sheetXmlParts) {
		var out = new ByteArrayOutputStream();
		try (var in = org.apache.commons.compress.archivers.zip.ZipFile.builder()
			.setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(valid)).get();
				var zip = new ZipOutputStream(out)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (var entry : java.util.Collections.list(in.getEntries())) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(SHEET)) {
					for (var part : sheetXmlParts) {
						zip.write(part);
					}
				}
				else {
					try (var content = in.getInputStream(entry)) {
						content.transferTo(zip);
					}
				}
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A sheet of inline-string cells whose XML carries a document type declaration {@code doctype}. */
	static byte[] withDoctype(byte[] valid, String doctype, String cellText) {
		var xml = SHEET_START + doctype + WORKSHEET
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Giới tính</t></is></c></row>"
				+ "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + cellText + "</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Nam</t></is></c></row>"
				+ "</sheetData></worksheet>";
		return withSheet(valid, xml.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] externalEntity(byte[] valid) {
		return withDoctype(valid, "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "Nguyễn &xxe; An");
	}

	static byte[] billionLaughs(byte[] valid) {
		var dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			for (int j = 0; j < 10; j++) {
				dtd.append("&lol").append(i - 1).append(';');
			}
			dtd.append("\">");
		}
		dtd.append("]>");
		return withDoctype(valid, dtd.toString(), "Nguyễn &lol9; An");
	}

	/** A zip bomb: about {@code megabytes} MB of sheet XML (rows of whitespace) in a file of a few hundred KB. */
	static byte[] zipBomb(byte[] valid, int megabytes) {
		var head = (SHEET_START + WORKSHEET).getBytes(StandardCharsets.UTF_8);
		var padding = new byte[1024 * 1024];
		Arrays.fill(padding, (byte) ' ');
		var parts = new byte[megabytes + 2][];
		parts[0] = head;
		for (int i = 1; i <= megabytes; i++) {
			parts[i] = padding;
		}
		parts[megabytes + 1] = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
		return withSheet(valid, parts);
	}
}
