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
}
