package vn.trithuc.planning.web;

import java.util.List;

import vn.trithuc.documents.BarChart;
import vn.trithuc.documents.Charts;

/**
 * Charts of the documents module (the same picture as in DOCX and PDF), inlined into pages: the CSP refuses style
 * attributes, so their declarations become SVG presentation attributes.
 */
final class PlanningCharts {

	private PlanningCharts() {
	}

	static String svg(String title, String categoryAxis, String valueAxis, List<String> categories, List<BarChart.Series> series) {
		var image = Charts.bar(new BarChart(title, categoryAxis, valueAxis, categories, series), 720, 320);
		return Charts.withoutStyleAttributes(image.svg()).replaceFirst("<svg ", "<svg role=\"img\" class=\"chart\" aria-label=\""
				+ org.springframework.web.util.HtmlUtils.htmlEscape(title) + "\" ");
	}
}
