package vn.trithuc.documents.internal;

import java.awt.Font;
import java.awt.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;

import vn.trithuc.documents.ChartImage;

/**
 * PDF with openhtmltopdf (PDFBox) from the preview HTML, Liberation Serif embedded (regular, bold, italic,
 * bold italic) so Vietnamese renders, charts drawn as vectors with real text.
 */
public final class PdfWriter {

	private PdfWriter() {
	}

	public static byte[] write(HtmlWriter.Result html) {
		var builder = new PdfRendererBuilder();
		builder.useFastMode();
		for (var face : DocumentFonts.FACES) {
			builder.useFont(face::openForPdf, DocumentFonts.FAMILY, face.weight(), face.italic() ? FontStyle.ITALIC : FontStyle.NORMAL,
					true);
		}
		var drawers = new DefaultObjectDrawerFactory();
		drawers.registerDrawer(HtmlWriter.CHART_TYPE, new ChartDrawer(html.charts()));
		builder.useObjectDrawerFactory(drawers);
		builder.withHtmlContent(html.html(), null);
		builder.withProducer("TriThức");
		var out = new ByteArrayOutputStream();
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** Draws a chart through Graphics2D into the PDF: text stays text, in the embedded Liberation Serif. */
	private record ChartDrawer(List<ChartImage> charts) implements FSObjectDrawer {

		@Override
		public @Nullable Map<Shape, String> drawObject(Element element, double x, double y, double width, double height,
				OutputDevice device, RenderingContext context, int dotsPerPixel) {
			var chart = charts.get(Integer.parseInt(element.getAttribute("data-chart")));
			float w = (float) width / dotsPerPixel, h = (float) height / dotsPerPixel;
			device.drawWithGraphics((float) x, (float) y, w, h, graphics -> {
				if (graphics instanceof PdfBoxGraphics2D pdf && device instanceof PdfBoxFastOutputDevice fast) {
					pdf.setFontTextDrawer(new EmbeddedFontTextDrawer(fast.getSharedContext()));
				}
				graphics.scale(w / chart.width(), h / chart.height());
				ChartRenderer.draw(chart.chart(), graphics, chart.width(), chart.height());
			});
			return null;
		}
	}

	/**
	 * Draws chart text as PDF text in the fonts the document already embeds. openhtmltopdf's own drawer maps
	 * fonts the same way but, declaring no dynamic mapping, makes PDFBox-Graphics2D fall back to outlines.
	 */
	private static final class EmbeddedFontTextDrawer extends PdfBoxGraphics2DFontTextDrawer {

		private final SharedContext context;

		EmbeddedFontTextDrawer(SharedContext context) {
			this.context = context;
		}

		@Override
		protected boolean hasDynamicFontMapping() {
			return true;
		}

		@Override
		protected @Nullable PDFont mapFont(Font font, IFontTextDrawerEnv env) {
			var spec = new FontSpecification();
			spec.size = font.getSize2D();
			spec.families = new String[] { font.getFamily() };
			spec.fontStyle = font.isItalic() ? IdentValue.ITALIC : IdentValue.NORMAL;
			spec.fontWeight = font.isBold() ? IdentValue.FONT_WEIGHT_700 : IdentValue.NORMAL;
			spec.variant = IdentValue.NORMAL;
			var resolved = context.getFontResolver().resolveFont(context, spec);
			if (!(resolved instanceof PdfBoxFSFont pdfFont) || pdfFont.getFontDescriptions().isEmpty()) {
				return null;
			}
			var description = pdfFont.getFontDescriptions().get(0);
			// only the embedded family: a base-14 fallback has no Vietnamese letters, outlines are better then
			return DocumentFonts.FAMILY.equals(font.getFamily()) ? description.getFont() : null;
		}
	}
}
