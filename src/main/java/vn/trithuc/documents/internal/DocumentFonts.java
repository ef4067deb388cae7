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
