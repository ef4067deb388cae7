package vn.trithuc.documents;

import vn.trithuc.documents.internal.ChartRenderer;

/** Renders charts for documents and pages: the same picture everywhere. */
public final class Charts {

	private Charts() {
	}

	/** A bar chart of {@code width} × {@code height} CSS pixels (about 640 × 360 fits an A4 text column). */
	public static ChartImage bar(BarChart chart, int width, int height) {
		return new ChartImage(chart, width, height, ChartRenderer.svg(chart, width, height),
				ChartRenderer.png(chart, width, height));
	}

	public static ChartImage bar(BarChart chart) {
		return bar(chart, 640, 360);
	}

	private static final java.util.regex.Pattern STYLE = java.util.regex.Pattern.compile("style=(?:\"([^\"]*)\"|'([^']*)')");

	/**
	 * An SVG for inlining in a page: the Content-Security-Policy (style-src 'self') refuses style attributes, so their
	 * declarations become SVG presentation attributes (the same picture).
	 */
	public static String withoutStyleAttributes(String svg) {
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
			matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(attributes.toString()));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}
