package vn.trithuc.shared;

import java.io.IOException;
import java.util.Collections;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Checks an uploaded .xlsx (a zip archive) before a spreadsheet reader opens it: the readers (FastExcel) trust
 * the archive and would inflate a "zip bomb" (a small file whose sheet inflates to gigabytes) into memory.
 * The archive is inflated once here, counting the bytes actually produced (declared sizes can lie), and refused
 * past {@link #MAX_RATIO} times its own size plus {@link #SLACK_BYTES}, or past {@link #MAX_INFLATED_BYTES}.
 * Ordinary workbooks compress 5–20 times; POI's own zip-bomb check also refuses a ratio above 100.
 */
public final class SpreadsheetUploads {

	/** Message key for a refused archive (all upload pages show it). */
	public static final String INFLATED_TOO_LARGE = "reliability.upload.inflatedTooLarge";
	public static final long MAX_INFLATED_BYTES = 512L * 1024 * 1024;
	public static final int MAX_RATIO = 100;
	public static final long SLACK_BYTES = 4L * 1024 * 1024;
	private static final int MAX_ENTRIES = 10_000;

	private SpreadsheetUploads() {
	}

	/**
	 * @return true when the content, if it is a zip archive at all, inflates within the limits (content that is
	 *         no zip passes: the reader refuses it as unreadable)
	 */
	public static boolean inflatesWithinLimits(byte[] content) {
		long limit = Math.min(MAX_INFLATED_BYTES, (long) MAX_RATIO * content.length + SLACK_BYTES);
		long total = 0;
		var buffer = new byte[64 * 1024];
		// the same zip reader (central directory) FastExcel uses, so no entry escapes the count
		try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			var entries = Collections.list(zip.getEntries());
			if (entries.size() > MAX_ENTRIES) {
				return false;
			}
			for (var entry : entries) {
				try (var in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total += n;
						if (total > limit) {
							return false;
						}
					}
				}
			}
			return true;
		}
		catch (IOException | RuntimeException e) {
			return true; // not a (readable) zip: the spreadsheet reader reports it as unreadable
		}
	}

	/**
	 * The first {@code count} cells of a row of an uploaded sheet as trimmed NFC text (what the cell shows, of any
	 * type; a missing cell is empty). @return null when all of them are empty (a blank row)
	 */
	public static String[] cells(org.dhatim.fastexcel.reader.Row row, int count) {
		var cells = new String[count];
		boolean empty = true;
		for (int c = 0; c < count; c++) {
			cells[c] = text(row, c);
			empty &= cells[c].isEmpty();
		}
		return empty ? null : cells;
	}

	/** One cell of a row of an uploaded sheet as trimmed NFC text (what it shows, of any type); missing = empty. */
	public static String text(org.dhatim.fastexcel.reader.Row row, int column) {
		var cell = column < row.getCellCount() ? row.getCell(column) : null;
		return cell == null || cell.getRawValue() == null ? "" : VietnameseText.nfc(cell.getText()).strip();
	}
}
