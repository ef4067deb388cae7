package vn.trithuc.planning.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.trithuc.documents.BarChart;
import vn.trithuc.documents.Charts;

/**
 * Charts of the documents module (the same picture as in DOCX and PDF), inlined into pages: the CSP refuses style
 * attributes, so their declarations become SVG presentation attributes.
 */
final class PlanningCharts {

	private static final Pattern STYLE = Pattern.compile("style=(?:\"([^\"]*)\"|'([^']*)')");

	private PlanningCharts() {
	}

	static String svg(String title, String categoryAxis, String valueAxis, List<String> categories, List<BarChart.Series> series) {
		var image = Charts.bar(new BarChart(title, categoryAxis, valueAxis, categories, series), 720, 320);
		return withoutStyleAttributes(image.svg()).replaceFirst("<svg ", "<svg role=\"img\" class=\"chart\" aria-label=\""
				+ org.springframework.web.util.HtmlUtils.htmlEscape(title) + "\" ");
	}

	static String withoutStyleAttributes(String svg) {
		var matcher = STYLE.matcher(svg);
		var out = new StringBuilder();
		while (matcher.find()) {
			var attributes = new StringBuilder();
			var declarations = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
			for (var declaration : declarations.split(";")) {
				int colon = declaration.indexOf(':');
				if (colon > 0) {
					var name = declaration.substring(0, colon).strip();
					var value = declaration.substring(colon + 1).strip().replace("&quot;", "'").replace("\"", "'");
					if (name.matches("[a-z-]+")) {
						attributes.append(attributes.isEmpty() ? "" : " ").append(name).append("=\"").append(value).append('"');
					}
				}
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(attributes.toString()));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}
