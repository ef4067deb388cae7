package vn.trithuc.analytics.web;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.springframework.stereotype.Component;

/**
 * Charts drawn on the server with JFreeChart into SVG (JFreeSVG): no script in the page, the same image can go
 * into PDF and DOCX. The SVG gets a viewBox so it scales with the page.
 */
@Component
class Charts {

	record Bar(String label, long value) {
	}

	/** A horizontal bar chart of labelled counts; {@code title} is for the accessible name only. */
	String bars(List<Bar> bars) {
		var data = new DefaultCategoryDataset();
		for (var bar : bars) {
			data.addValue(bar.value(), "n", bar.label());
		}
		var categoryAxis = new CategoryAxis();
		var font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
		categoryAxis.setTickLabelFont(font);
		categoryAxis.setMaximumCategoryLabelWidthRatio(0.45f);
		var valueAxis = new NumberAxis();
		valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		valueAxis.setTickLabelFont(font);
		valueAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0",
				java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("vi-VN"))));
		var renderer = new BarRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setSeriesPaint(0, new Color(0x1f, 0x4e, 0x79));
		renderer.setMaximumBarWidth(0.08);
		var plot = new CategoryPlot(data, categoryAxis, valueAxis, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
		plot.setOutlineVisible(false);
		var chart = new JFreeChart(null, null, plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		int width = 560;
		int height = Math.max(90, 40 + 24 * bars.size());
		var g = new SVGGraphics2D(width, height);
		chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
		var svg = g.getSVGElement(null, true, new org.jfree.svg.ViewBox(0, 0, width, height), null, null);
		return vn.trithuc.documents.Charts.withoutStyleAttributes(svg).replaceFirst("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" class=\"chart\" ");
	}
}
