package vn.trithuc.analytics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.trithuc.analytics.internal.Dimension;
import vn.trithuc.analytics.internal.Statistics;
import vn.trithuc.analytics.internal.Statistics.Question;
import vn.trithuc.analytics.internal.Statistics.Scope;
import vn.trithuc.identity.Role;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.shared.Formats;

/** The dashboard, the pivot with its drill-down and .xlsx export. */
@Controller
class AnalyticsController {

	/** Breakdowns with many values show the largest ones and "others". */
	static final int TOP = 15;
	static final int PEOPLE_LIMIT = 200;

	private final Statistics statistics;
	private final Labels labels;
	private final Charts charts;
	private final RegistryFacts registry;
	private final vn.trithuc.identity.UserScopes userScopes;
	private final vn.trithuc.orgunit.OrgUnits orgUnits;

	AnalyticsController(Statistics statistics, Labels labels, Charts charts, RegistryFacts registry,
			vn.trithuc.identity.UserScopes userScopes, vn.trithuc.orgunit.OrgUnits orgUnits) {
		this.statistics = statistics;
		this.labels = labels;
		this.charts = charts;
		this.registry = registry;
		this.userScopes = userScopes;
		this.orgUnits = orgUnits;
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
		model.addAttribute("assumedArea", result.count(Dimension.AREA_ASSUMED, "true"));
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
		if (d == Dimension.AGE_BAND) {
			return Comparator.comparingInt(e -> e.getKey().isEmpty() ? 99
					: vn.trithuc.analytics.internal.Classifier.AGE_BANDS.indexOf(e.getKey()));
		}
		return Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
	}

	private static String share(long n, long total) {
		return total == 0 ? "" : new Formats().percent((double) n / total);
	}

	// ------------------------------------------------------------------ pivot

	@GetMapping("/analytics/pivot")
	String pivot(@RequestParam(required = false) String asOf, @RequestParam(required = false) String boundaries,
			@RequestParam(defaultValue = "DEGREE") String rows, @RequestParam(defaultValue = "SEX") String columns,
			@RequestParam(defaultValue = "count") String measure, Authentication authentication, Locale locale, Model model) {
		var q = question(asOf, boundaries, authentication, model);
		var table = table(q, dimension(rows, Dimension.DEGREE), dimension(columns, Dimension.SEX), measure, locale);
		model.addAttribute("table", table);
		model.addAttribute("dimensions", Dimension.BREAKDOWNS);
		model.addAttribute("seesPeople", seesPeople(authentication));
		return "analytics/pivot";
	}

	@GetMapping("/analytics/pivot.xlsx")
	ResponseEntity<byte[]> pivotXlsx(@RequestParam(required = false) String asOf,
			@RequestParam(required = false) String boundaries, @RequestParam(defaultValue = "DEGREE") String rows,
			@RequestParam(defaultValue = "SEX") String columns, @RequestParam(defaultValue = "count") String measure,
			Authentication authentication, Locale locale, Model model) throws IOException {
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

	private static void put(org.dhatim.fastexcel.Worksheet sheet, int r, int c, Cell cell, boolean share) {
		if (share) {
			sheet.value(r, c, cell.ratio());
			sheet.style(r, c).format("0.0%").set();
		}
		else {
			sheet.value(r, c, cell.count());
			sheet.style(r, c).format("#,##0").set();
		}
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

	private Table table(Question q, Dimension rows, Dimension columns, String measure, Locale locale) {
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

	private static Cell cell(long n, long total, boolean share, Formats fmt, String value) {
		double ratio = total == 0 ? 0 : (double) n / total;
		return new Cell(n, ratio, share ? fmt.percent(ratio) : fmt.number(n), value);
	}

	// ------------------------------------------------------------------ drill-down

	public record Person(PersonId id, String name) {
	}

	@GetMapping("/analytics/people")
	String people(@RequestParam(required = false) String asOf, @RequestParam(required = false) String boundaries,
			@RequestParam(defaultValue = "DEGREE") String rows, @RequestParam(defaultValue = "") String rowValue,
			@RequestParam(defaultValue = "SEX") String columns, @RequestParam(required = false) String columnValue,
			Authentication authentication, Locale locale, Model model) {
		var q = question(asOf, boundaries, authentication, model);
		var cell = new LinkedHashMap<Dimension, String>();
		var rowDimension = dimension(rows, Dimension.DEGREE);
		cell.put(rowDimension, rowValue);
		var columnDimension = dimension(columns, Dimension.SEX);
		if (columnValue != null && columnDimension != rowDimension) {
			cell.put(columnDimension, columnValue);
		}
		var ids = statistics.people(q, cell);
		var names = registry.displayNames(ids.stream().limit(PEOPLE_LIMIT).toList());
		var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN"));
		var people = names.entrySet().stream().map(e -> new Person(e.getKey(), e.getValue()))
			.sorted(Comparator.comparing(Person::name, collator)).toList();
		var criteria = new ArrayList<String>();
		cell.forEach((d, v) -> criteria.add(labels.message(d.messageKey(), locale) + ": " + labels.label(d, v, q.asOf(), locale)));
		model.addAttribute("criteria", criteria);
		model.addAttribute("count", ids.size());
		model.addAttribute("people", people);
		model.addAttribute("limited", ids.size() > PEOPLE_LIMIT);
		model.addAttribute("rows", rowDimension.name());
		model.addAttribute("columns", columnDimension.name());
		return "analytics/people";
	}

	// ------------------------------------------------------------------ common

	private Question question(String asOf, String boundaries, Authentication authentication, Model model) {
		LocalDate date = statistics.today();
		if (asOf != null && !asOf.isBlank()) {
			try {
				date = Formats.parseDate(asOf);
			}
			catch (DateTimeParseException e) {
				model.addAttribute("asOfInvalid", true);
			}
		}
		boolean current = "current".equals(boundaries);
		model.addAttribute("asOf", Formats.DATE.format(date));
		model.addAttribute("boundaries", current ? "current" : "asOf");
		model.addAttribute("isToday", date.equals(statistics.today()));
		var scope = scope(authentication, date);
		model.addAttribute("scopeUnits", scope.whole() ? null : scope.orgUnits().size());
		return new Question(date, current ? statistics.today() : date, scope);
	}

	private static Set<String> roles(Authentication authentication) {
		var roles = new LinkedHashSet<String>();
		authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(roles::add);
		return roles;
	}

	/**
	 * The whole province for administrators, HR officers, program managers and leaders; a unit officer the subtree of
	 * their scope root as of the date asked (where the root's successors are, when it has changed since); nobody
	 * without a scope.
	 */
	Scope scope(Authentication authentication, LocalDate date) {
		var roles = roles(authentication);
		for (var role : List.of(Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.PROGRAM_MANAGER, Role.LEADER)) {
			if (roles.contains(role.authority())) {
				return Scope.PROVINCE;
			}
		}
		var root = userScopes.scopeRoot(authentication.getName());
		if (root.isEmpty()) {
			return new Scope(Set.of());
		}
		var units = new java.util.HashSet<java.util.UUID>();
		var rootId = new vn.trithuc.orgunit.OrgUnitId(root.get());
		var roots = orgUnits.find(rootId, date).isPresent() ? Set.of(rootId) : orgUnits.successors(rootId, date);
		for (var r : roots) {
			orgUnits.subtreeAsOf(r, date).forEach(u -> units.add(u.value()));
		}
		return new Scope(units);
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
