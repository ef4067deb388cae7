package vn.trithuc.documents.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import vn.trithuc.documents.BarChart;

/** JFreeChart bar charts in Liberation Serif with Vietnamese number formats; SVG, PNG or any Graphics2D. */
public final class ChartRenderer {

	private static final Color[] PALETTE = { new Color(0x1f4e79), new Color(0xc0504d), new Color(0x9bbb59),
			new Color(0x8064a2), new Color(0xf79646) };

	private ChartRenderer() {
	}

	public static JFreeChart chart(BarChart spec) {
		DocumentFonts.registerWithAwt();
		var dataset = new DefaultCategoryDataset();
		for (var series : spec.series()) {
			for (int i = 0; i < spec.categories().size(); i++) {
				dataset.addValue(series.values().get(i), series.name(), spec.categories().get(i));
			}
		}
		var chart = ChartFactory.createBarChart(spec.title(), spec.categoryAxisLabel(), spec.valueAxisLabel(), dataset,
				PlotOrientation.VERTICAL, spec.series().size() > 1, false, false);
		var theme = new StandardChartTheme("TriThuc");
		theme.setExtraLargeFont(DocumentFonts.awt(Font.BOLD, 15f));
		theme.setLargeFont(DocumentFonts.awt(Font.BOLD, 13f));
		theme.setRegularFont(DocumentFonts.awt(Font.PLAIN, 12f));
		theme.setSmallFont(DocumentFonts.awt(Font.PLAIN, 11f));
		theme.setBarPainter(new StandardBarPainter());
		theme.setShadowVisible(false);
		theme.setChartBackgroundPaint(Color.WHITE);
		theme.setPlotBackgroundPaint(Color.WHITE);
		theme.setRangeGridlinePaint(new Color(0xbbbbbb));
		theme.apply(chart);

		var plot = (CategoryPlot) chart.getPlot();
		plot.setOutlineVisible(false);
		var symbols = new DecimalFormatSymbols();
		symbols.setDecimalSeparator(',');
		symbols.setGroupingSeparator('.');
		var format = new DecimalFormat("#,##0.#", symbols);
		var axis = (NumberAxis) plot.getRangeAxis();
		axis.setNumberFormatOverride(format);
		axis.setUpperMargin(0.12);
		var renderer = (BarRenderer) plot.getRenderer();
		renderer.setItemMargin(0.05);
		renderer.setDrawBarOutline(false);
		for (int i = 0; i < spec.series().size(); i++) {
			renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
		}
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(DocumentFonts.awt(Font.PLAIN, 11f));
		renderer.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
		plot.setRangeGridlineStroke(new BasicStroke(0.5f));
		return chart;
	}

	public static void draw(BarChart spec, Graphics2D graphics, double width, double height) {
		chart(spec).draw(graphics, new Rectangle2D.Double(0, 0, width, height));
	}

	public static String svg(BarChart spec, int width, int height) {
		var graphics = new SVGGraphics2D(width, height);
		graphics.setFontFunction(family -> family.equals(DocumentFonts.FAMILY)
				? "\"Liberation Serif\", \"Times New Roman\", Tinos, serif" : family);
		draw(spec, graphics, width, height);
		return graphics.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
	}

	public static byte[] png(BarChart spec, int width, int height) {
		var image = new BufferedImage(width * 2, height * 2, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.scale(2, 2);
			draw(spec, graphics, width, height);
		}
		finally {
			graphics.dispose();
		}
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
