package vn.trithuc.documents;

import java.util.List;

/**
 * What a bar chart shows: categories along the axis (e.g. degree levels), one bar per series and category
 * (e.g. previous period, this period). Labels are the caller's, in Vietnamese.
 */
public record BarChart(String title, String categoryAxisLabel, String valueAxisLabel, List<String> categories,
		List<Series> series) {

	public BarChart {
		categories = List.copyOf(categories);
		series = List.copyOf(series);
		for (var s : series) {
			if (s.values().size() != categories.size()) {
				throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size() + " values for "
						+ categories.size() + " categories");
			}
		}
	}

	public record Series(String name, List<? extends Number> values) {
		public Series {
			values = List.copyOf(values);
		}
	}
}
