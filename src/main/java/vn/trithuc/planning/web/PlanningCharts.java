package vn.trithuc.planning.web;

import java.util.List;

import vn.trithuc.documents.BarChart;
import vn.trithuc.documents.ChartImage;
import vn.trithuc.documents.Charts;

/**
 * Charts of the documents module (the same picture as in DOCX and PDF), inlined into pages: the CSP refuses style
 * attributes, so their declarations become SVG presentation attributes.
 */
final class PlanningCharts {

	static final int WIDTH = 720;
	static final int HEIGHT = 320;

	private PlanningCharts() {
	}

	/** The chart as pages, PDF and DOCX show it. */
	static ChartImage image(String title, String categoryAxis, String valueAxis, List<String> categories, List<BarChart.Series> series) {
		return Charts.bar(new BarChart(title, categoryAxis, valueAxis, categories, series), WIDTH, HEIGHT);
	}

	/** The chart's SVG for inlining into a page. */
	static String svg(ChartImage image) {
		return Charts.withoutStyleAttributes(image.svg()).replaceFirst("<svg ", "<svg role=\"img\" class=\"chart\" aria-label=\""
				+ org.springframework.web.util.HtmlUtils.htmlEscape(image.chart().title()) + "\" ");
	}

	static String svg(String title, String categoryAxis, String valueAxis, List<String> categories, List<BarChart.Series> series) {
		return svg(image(title, categoryAxis, valueAxis, categories, series));
	}
}
