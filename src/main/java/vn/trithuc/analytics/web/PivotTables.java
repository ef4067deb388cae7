package vn.trithuc.analytics.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.trithuc.analytics.internal.Dimension;
import vn.trithuc.analytics.internal.Statistics;
import vn.trithuc.analytics.internal.Statistics.Question;
import vn.trithuc.shared.Formats;

/** A pivot as a table for the page, the spreadsheet and documents: labelled rows and columns in order, with totals. */
@Component
class PivotTables {

	private final Statistics statistics;
	private final Labels labels;

	PivotTables(Statistics statistics, Labels labels) {
		this.statistics = statistics;
		this.labels = labels;
	}

	static Comparator<Map.Entry<String, Long>> order(Dimension d) {
		if (d == Dimension.AGE_BAND) {
			return Comparator.comparingInt(e -> e.getKey().isEmpty() ? 99
					: vn.trithuc.analytics.internal.Classifier.AGE_BANDS.indexOf(e.getKey()));
		}
		return Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
	}

	public record Header(String value, String label) {
	}

	public record Cell(long count, double ratio, String text, String value) {
	}

	public record BodyRow(String value, String label, List<Cell> cells, Cell total) {
	}

	public record Table(Dimension rows, Dimension columns, boolean share, List<Header> columnValues, List<BodyRow> body,
			List<Cell> columnTotals, Cell total, boolean preAggregated) {
	}

	Table table(Question q, Dimension rows, Dimension columns, String measure, Locale locale) {
		if (rows == columns) {
			columns = rows == Dimension.SEX ? Dimension.DEGREE : Dimension.SEX;
		}
		var pivot = statistics.pivot(q, rows, columns);
		boolean share = "share".equals(measure);
		long total = pivot.total();
		var rowTotals = new LinkedHashMap<String, Long>();
		var columnTotals = new LinkedHashMap<String, Long>();
		pivot.cells().forEach((r, cols) -> cols.forEach((c, n) -> {
			rowTotals.merge(r, n, Long::sum);
			columnTotals.merge(c, n, Long::sum);
		}));
		var fmt = new Formats();
		var columnOrder = columnTotals.entrySet().stream().filter(e -> e.getValue() != 0).sorted(order(columns))
			.map(Map.Entry::getKey).toList();
		var rowOrder = rowTotals.entrySet().stream().filter(e -> e.getValue() != 0).sorted(order(rows)).map(Map.Entry::getKey)
			.toList();
		final var cols = columns;
		var headers = columnOrder.stream().map(v -> new Header(v, labels.label(cols, v, q.asOf(), locale))).toList();
		var body = new ArrayList<BodyRow>();
		for (var r : rowOrder) {
			var cells = columnOrder.stream().map(c -> cell(pivot.cell(r, c), total, share, fmt, c)).toList();
			body.add(new BodyRow(r, labels.label(rows, r, q.asOf(), locale), cells, cell(rowTotals.get(r), total, share, fmt, "")));
		}
		var totals = columnOrder.stream().map(c -> cell(columnTotals.get(c), total, share, fmt, c)).toList();
		return new Table(rows, columns, share, headers, body, totals, cell(total, total, share, fmt, ""), pivot.preAggregated());
	}

	static Cell cell(long n, long total, boolean share, Formats fmt, String value) {
		double ratio = total == 0 ? 0 : (double) n / total;
		return new Cell(n, ratio, share ? fmt.percent(ratio) : fmt.number(n), value);
	}

}
