package vn.trithuc.analytics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trithuc.analytics.internal.Dimension;
import vn.trithuc.analytics.internal.Statistics;
import vn.trithuc.analytics.internal.Statistics.Question;
import vn.trithuc.identity.Role;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/** The dashboard, the pivot with its drill-down and .xlsx export. */
@Controller
class AnalyticsController {

	/** Breakdowns with many values show the largest ones and "others". */
	static final int TOP = 15;
	/** People per page of a drill-down list (paged in SQL). */
	static final int PEOPLE_PAGE = 100;

	private final Statistics statistics;
	private final Labels labels;
	private final Charts charts;
	private final RegistryFacts registry;
	private final Questions questions;
	private final BoundaryNotes notes;
	private final PivotTables pivotTables;
	private final vn.trithuc.analytics.internal.AnalyticsSettings settings;

	AnalyticsController(Statistics statistics, Labels labels, Charts charts, RegistryFacts registry, Questions questions,
			BoundaryNotes notes, PivotTables pivotTables, vn.trithuc.analytics.internal.AnalyticsSettings settings) {
		this.settings = settings;
		this.pivotTables = pivotTables;
		this.notes = notes;
		this.statistics = statistics;
		this.labels = labels;
		this.charts = charts;
		this.registry = registry;
		this.questions = questions;
	}

	public record Row(String value, String label, long count, String share) {
	}

	public record Breakdown(Dimension dimension, List<Row> rows, String chart) {
	}

	@GetMapping("/analytics/dashboard")
	String dashboard(@RequestParam(required = false) String asOf, @RequestParam(required = false) String boundaries,
			Authentication authentication, Locale locale, Model model) {
		var q = question(asOf, boundaries, authentication, model);
		var result = statistics.dashboard(q);
		var breakdowns = new ArrayList<Breakdown>();
		for (var d : Dimension.BREAKDOWNS) {
			var rows = rows(d, result.of(d), result.total(), q.asOf(), locale);
			breakdowns.add(new Breakdown(d, rows, charts.bars(rows.stream().map(r -> new Charts.Bar(r.label(), r.count())).toList())));
		}
		model.addAttribute("total", result.total());
		model.addAttribute("young", result.count(Dimension.YOUNG, "true"));
		model.addAttribute("female", result.count(Dimension.SEX, "FEMALE"));
		model.addAttribute("minority", result.count(Dimension.MINORITY, "true"));
		model.addAttribute("party", result.count(Dimension.PARTY, "true"));
		model.addAttribute("remote", result.count(Dimension.REMOTE, "true"));
		var roles = roles(authentication);
		model.addAttribute("managesRemoteAreas", roles.contains(Role.SYSTEM_ADMINISTRATOR.authority())
				|| roles.contains(Role.HR_OFFICER.authority()));
		model.addAttribute("assumedArea", result.count(Dimension.AREA_ASSUMED, "true"));
		model.addAttribute("notes", notes.forQuestion(result.of(Dimension.AREA).keySet(), q.asOf(), q.boundaries(), locale));
		model.addAttribute("youngAge", statistics.youngAge());
		model.addAttribute("breakdowns", breakdowns);
		model.addAttribute("preAggregated", result.preAggregated());
		return "analytics/dashboard";
	}

	private List<Row> rows(Dimension d, Map<String, Long> counts, long total, LocalDate asOf, Locale locale) {
		var sorted = counts.entrySet().stream().filter(e -> e.getValue() != 0).sorted(order(d)).toList();
		var rows = new ArrayList<Row>();
		long others = 0;
		for (int i = 0; i < sorted.size(); i++) {
			var e = sorted.get(i);
			if (i >= TOP && sorted.size() > TOP + 1) {
				others += e.getValue();
				continue;
			}
			rows.add(new Row(e.getKey(), labels.label(d, e.getKey(), asOf, locale), e.getValue(), share(e.getValue(), total)));
		}
		if (others > 0) {
			rows.add(new Row("*", labels.message("analytics.others", locale), others, share(others, total)));
		}
		return rows;
	}

	private static Comparator<Map.Entry<String, Long>> order(Dimension d) {
		return PivotTables.order(d);
	}

	private static String share(long n, long total) {
		return total == 0 ? "" : new Formats().percent((double) n / total);
	}

	// ------------------------------------------------------------------ trends

	public record TrendRow(String value, String label, List<String> counts) {
	}

	/**
	 * One breakdown over the year-ends of the last {@code years} years and today: a table and a grouped bar chart
	 * (the largest values), with the notes a comparison across boundary changes needs.
	 */
	@GetMapping("/analytics/trends")
	String trends(@RequestParam(defaultValue = "DEGREE") String dimension, @RequestParam(required = false) String boundaries,
			@RequestParam(defaultValue = "5") String years, Authentication authentication, Locale locale, Model model) {
		var d = dimension(dimension, Dimension.DEGREE);
		int span = years.matches("\\d{1,2}") ? Math.max(1, Math.min(15, Integer.parseInt(years))) : 5;
		var today = statistics.today();
		var dates = new ArrayList<LocalDate>();
		for (int y = today.getYear() - span; y < today.getYear(); y++) {
			dates.add(LocalDate.of(y, 12, 31));
		}
		dates.add(today);
		var chosen = "current".equals(boundaries) || "legacy".equals(boundaries) ? boundaries : "asOf";
		var scope = questions.scope(authentication, today);
		var trend = statistics.trend(d, dates, switch (chosen) {
			case "current" -> today;
			case "legacy" -> settings.legacyBoundaries();
			default -> null;
		}, scope);
		var totals = new LinkedHashMap<String, Long>();
		trend.values().forEach(byValue -> byValue.forEach((v, n) -> totals.merge(v, n, Long::sum)));
		var order = totals.entrySet().stream().filter(e -> e.getValue() != 0).sorted(order(d)).map(Map.Entry::getKey).toList();
		var fmt = new Formats();
		var rows = new ArrayList<TrendRow>();
		for (var v : order) {
			rows.add(new TrendRow(v, labels.label(d, v, today, locale),
					dates.stream().map(date -> fmt.number(trend.get(date).getOrDefault(v, 0L))).toList()));
		}
		var totalRow = dates.stream().map(date -> fmt.number(trend.get(date).values().stream().mapToLong(Long::longValue).sum()))
			.toList();
		var headers = dates.stream().map(date -> date.equals(today) ? Formats.DATE.format(date) : Integer.toString(date.getYear()))
			.toList();
		var series = new ArrayList<vn.trithuc.documents.BarChart.Series>();
		for (var v : order.stream().limit(TREND_SERIES).toList()) {
			series.add(new vn.trithuc.documents.BarChart.Series(labels.label(d, v, today, locale),
					dates.stream().map(date -> trend.get(date).getOrDefault(v, 0L)).toList()));
		}
		var chart = vn.trithuc.documents.Charts.bar(new vn.trithuc.documents.BarChart(labels.message(d.messageKey(), locale),
				labels.message("analytics.trends.year", locale), labels.message("analytics.count", locale), headers, series));
		model.addAttribute("dimension", d);
		model.addAttribute("dimensions", Dimension.BREAKDOWNS);
		model.addAttribute("boundaries", chosen);
		model.addAttribute("legacyBoundaries", Formats.DATE.format(settings.legacyBoundaries()));
		model.addAttribute("years", span);
		model.addAttribute("headers", headers);
		model.addAttribute("rows", rows);
		model.addAttribute("totalRow", totalRow);
		model.addAttribute("chart", vn.trithuc.documents.Charts.withoutStyleAttributes(chart.svg()).replaceFirst("<svg ",
				"<svg aria-hidden=\"true\" focusable=\"false\" class=\"chart\" "));
		model.addAttribute("scopeUnits", scope.whole() ? null : scope.orgUnits().size());
		model.addAttribute("notes", d == Dimension.AREA ? notes.between(order, dates.get(0), today, locale) : List.of());
		return "analytics/trends";
	}

	static final int TREND_SERIES = 6;

	// ------------------------------------------------------------------ pivot

	@GetMapping("/analytics/pivot")
	String pivot(@RequestParam(required = false) String asOf, @RequestParam(required = false) String boundaries,
			@RequestParam(defaultValue = "DEGREE") String rows, @RequestParam(defaultValue = "SEX") String columns,
			@RequestParam(defaultValue = "count") String measure, Authentication authentication, Locale locale, Model model) {
		var q = question(asOf, boundaries, authentication, model);
		var table = table(q, dimension(rows, Dimension.DEGREE), dimension(columns, Dimension.SEX), measure, locale);
		model.addAttribute("table", table);
		model.addAttribute("dimensions", Dimension.BREAKDOWNS);
		var areas = new java.util.HashSet<String>();
		if (table.rows() == Dimension.AREA) {
			table.body().forEach(r -> areas.add(r.value()));
		}
		if (table.columns() == Dimension.AREA) {
			table.columnValues().forEach(h -> areas.add(h.value()));
		}
		model.addAttribute("notes", notes.forQuestion(areas, q.asOf(), q.boundaries(), locale));
		model.addAttribute("seesPeople", seesPeople(authentication));
		return "analytics/pivot";
	}

	@GetMapping("/analytics/pivot.xlsx")
	ResponseEntity<byte[]> pivotXlsx(@RequestParam(required = false) String asOf,
			@RequestParam(required = false) String boundaries, @RequestParam(defaultValue = "DEGREE") String rows,
			@RequestParam(defaultValue = "SEX") String columns, @RequestParam(defaultValue = "count") String measure,
			Authentication authentication, Locale locale, Model model) throws IOException {
		if (!TypedDates.readable(asOf)) {
			return TypedDates.toPage("/analytics/pivot");
		}
		var q = question(asOf, boundaries, authentication, model);
		var table = table(q, dimension(rows, Dimension.DEGREE), dimension(columns, Dimension.SEX), measure, locale);
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "TriThuc", "1.0");
		var sheet = workbook.newWorksheet(labels.message("analytics.pivot.sheet", locale));
		sheet.value(0, 0, labels.message("analytics.pivot.title", locale) + " — "
				+ labels.message(table.rows().messageKey(), locale) + " × " + labels.message(table.columns().messageKey(), locale)
				+ " — " + Formats.DATE.format(q.asOf()));
		int r = 2;
		sheet.value(r, 0, labels.message(table.rows().messageKey(), locale));
		for (int c = 0; c < table.columnValues().size(); c++) {
			sheet.value(r, c + 1, table.columnValues().get(c).label());
		}
		sheet.value(r, table.columnValues().size() + 1, labels.message("analytics.total", locale));
		for (var row : table.body()) {
			r++;
			sheet.value(r, 0, row.label());
			for (int c = 0; c < row.cells().size(); c++) {
				put(sheet, r, c + 1, row.cells().get(c), table.share());
			}
			put(sheet, r, row.cells().size() + 1, row.total(), table.share());
		}
		r++;
		sheet.value(r, 0, labels.message("analytics.total", locale));
		for (int c = 0; c < table.columnTotals().size(); c++) {
			put(sheet, r, c + 1, table.columnTotals().get(c), table.share());
		}
		put(sheet, r, table.columnTotals().size() + 1, table.total(), table.share());
		workbook.finish();
		var name = "thong-ke-" + table.rows().name().toLowerCase(Locale.ROOT) + "-" + table.columns().name().toLowerCase(Locale.ROOT)
				+ "-" + q.asOf() + ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(out.toByteArray());
	}

	private static void put(org.dhatim.fastexcel.Worksheet sheet, int r, int c, PivotTables.Cell cell, boolean share) {
		if (share) {
			sheet.value(r, c, cell.ratio());
			sheet.style(r, c).format("0.0%").set();
		}
		else {
			sheet.value(r, c, cell.count());
			sheet.style(r, c).format("#,##0").set();
		}
	}

	private PivotTables.Table table(Question q, Dimension rows, Dimension columns, String measure, Locale locale) {
		return pivotTables.table(q, rows, columns, measure, locale);
	}

	// ------------------------------------------------------------------ drill-down

	public record Person(PersonId id, String name) {
	}

	@GetMapping("/analytics/people")
	String people(@RequestParam(required = false) String asOf, @RequestParam(required = false) String boundaries,
			@RequestParam(defaultValue = "DEGREE") String rows, @RequestParam(defaultValue = "") String rowValue,
			@RequestParam(defaultValue = "SEX") String columns, @RequestParam(required = false) String columnValue,
			@RequestParam(defaultValue = "0") int page, Authentication authentication, Locale locale, Model model) {
		var q = question(asOf, boundaries, authentication, model);
		var cell = new LinkedHashMap<Dimension, String>();
		var rowDimension = dimension(rows, Dimension.DEGREE);
		cell.put(rowDimension, rowValue);
		var columnDimension = dimension(columns, Dimension.SEX);
		if (columnValue != null && columnDimension != rowDimension) {
			cell.put(columnDimension, columnValue);
		}
		cell.forEach((d, v) -> {
			if (d == Dimension.UNIT && v != null && !v.isEmpty()) {
				Questions.requireWithin(q.scope(), v);
			}
		});
		int p = Math.max(0, page);
		var found = statistics.people(q, cell, p * PEOPLE_PAGE, PEOPLE_PAGE);
		var names = registry.displayNames(found.people());
		var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN"));
		var people = names.entrySet().stream().map(e -> new Person(e.getKey(), e.getValue()))
			.sorted(Comparator.comparing(Person::name, collator)).toList();
		var criteria = new ArrayList<String>();
		cell.forEach((d, v) -> criteria.add(labels.message(d.messageKey(), locale) + ": " + labels.label(d, v, q.asOf(), locale)));
		model.addAttribute("criteria", criteria);
		model.addAttribute("count", found.total());
		model.addAttribute("people", people);
		model.addAttribute("page", p);
		model.addAttribute("pages", Math.max(1, (found.total() + PEOPLE_PAGE - 1) / PEOPLE_PAGE));
		model.addAttribute("rowValue", rowValue);
		model.addAttribute("columnValue", columnValue);
		model.addAttribute("rows", rowDimension.name());
		model.addAttribute("columns", columnDimension.name());
		return "analytics/people";
	}

	// ------------------------------------------------------------------ common

	private Question question(String asOf, String boundaries, Authentication authentication, Model model) {
		return questions.question(asOf, boundaries, authentication, model);
	}

	private static Set<String> roles(Authentication authentication) {
		return Questions.roles(authentication);
	}

	private static boolean seesPeople(Authentication authentication) {
		var roles = roles(authentication);
		return List.of(AnalyticsWebConfiguration.PEOPLE_READERS).stream().anyMatch(r -> roles.contains(r.authority()));
	}

	private static Dimension dimension(String name, Dimension fallback) {
		try {
			return Dimension.parse(name);
		}
		catch (IllegalArgumentException e) {
			return fallback;
		}
	}
}
