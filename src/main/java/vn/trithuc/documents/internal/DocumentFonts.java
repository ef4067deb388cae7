package vn.trithuc.documents.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Liberation Serif (metric-compatible with Times New Roman, covers Vietnamese), shipped as TTF resources by
 * openpdf-fonts-extra. Embedded in PDFs and registered with AWT so charts draw with it.
 */
public final class DocumentFonts {

	public static final String FAMILY = "Liberation Serif";

	/** Resource, CSS weight, italic. */
	public record Face(String resource, int weight, boolean italic) {
		public InputStream open() {
			var in = DocumentFonts.class.getClassLoader().getResourceAsStream(resource);
			if (in == null) {
				throw new IllegalStateException("font resource missing: " + resource);
			}
			return in;
		}

		/**
		 * The face for PDFs, read once: without its GSUB table. PDFBox applies GSUB rules to every text run it
		 * draws and compiles a large regular expression for each (three quarters of the time of a 235-page review
		 * report went there, measured with JFR); our text is NFC, so each Vietnamese letter is a precomposed
		 * glyph that needs no substitution, and the layout measured the plain glyphs anyway.
		 */
		public InputStream openForPdf() {
			return new java.io.ByteArrayInputStream(PDF_FACES.computeIfAbsent(resource, r -> {
				try (var in = open()) {
					return withoutGlyphSubstitution(in.readAllBytes());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}));
		}
	}

	private static final java.util.Map<String, byte[]> PDF_FACES = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The TrueType file with its GSUB table hidden: the tag in the table directory is renamed, so font readers
	 * skip it (and PDFBox's subsetter never copies it into the PDF). Nothing else moves; checksums stay valid.
	 */
	static byte[] withoutGlyphSubstitution(byte[] ttf) {
		var bytes = ttf.clone();
		var buffer = java.nio.ByteBuffer.wrap(bytes);
		int tables = Short.toUnsignedInt(buffer.getShort(4));
		for (int i = 0; i < tables; i++) {
			int record = 12 + 16 * i;
			if (bytes[record] == 'G' && bytes[record + 1] == 'S' && bytes[record + 2] == 'U' && bytes[record + 3] == 'B') {
				bytes[record] = 'x';
			}
		}
		return bytes;
	}

	public static final List<Face> FACES = List.of(
			new Face("liberation/LiberationSerif-Regular.ttf", 400, false),
			new Face("liberation/LiberationSerif-Bold.ttf", 700, false),
			new Face("liberation/LiberationSerif-Italic.ttf", 400, true),
			new Face("liberation/LiberationSerif-BoldItalic.ttf", 700, true));

	private static volatile boolean registered;
	private static final Font[] BASE = new Font[4];

	private DocumentFonts() {
	}

	/**
	 * The embedded face itself, not whatever AWT finds under the family name: a system "Liberation Serif" 1.x
	 * (Debian fonts-liberation) wins over registered fonts and lacks Vietnamese letters such as "ế", "ộ".
	 *
	 * @param style {@link Font#PLAIN}, {@link Font#BOLD}, {@link Font#ITALIC} or both
	 */
	public static Font awt(int style, float size) {
		registerWithAwt();
		int index = (style & Font.BOLD) != 0 ? ((style & Font.ITALIC) != 0 ? 3 : 1) : ((style & Font.ITALIC) != 0 ? 2 : 0);
		return BASE[index].deriveFont(style, size);
	}

	/** Loads the faces for AWT (charts, PNG) and registers them under their family name; idempotent. */
	public static void registerWithAwt() {
		if (registered) {
			return;
		}
		synchronized (DocumentFonts.class) {
			if (registered) {
				return;
			}
			if (System.getProperty("java.awt.headless") == null) {
				System.setProperty("java.awt.headless", "true");
			}
			var environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
			for (int i = 0; i < FACES.size(); i++) {
				try (var in = FACES.get(i).open()) {
					BASE[i] = Font.createFont(Font.TRUETYPE_FONT, in);
					environment.registerFont(BASE[i]);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				catch (FontFormatException e) {
					throw new IllegalStateException(e);
				}
			}
			registered = true;
		}
	}
}
