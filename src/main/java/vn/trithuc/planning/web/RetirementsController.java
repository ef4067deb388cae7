package vn.trithuc.planning.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import vn.trithuc.documents.BarChart;
import vn.trithuc.documents.Block;
import vn.trithuc.planning.internal.RetirementForecast;
import vn.trithuc.planning.internal.RetirementForecast.By;
import vn.trithuc.planning.internal.RetirementForecast.Retiree;
import vn.trithuc.planning.internal.RetirementOverrides;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/** The retirement forecast for the next ten years, the people behind each number and per-person overrides. */
@Controller
class RetirementsController {

	private final RetirementForecast forecast;
	private final RetirementOverrides overrides;
	private final PlanningScopes scopes;
	private final PlanningLabels labels;
	private final RegistryFacts registry;
	private final Clock clock;
	private final PlanningDocuments documents;
	private final TypedDates dates;

	RetirementsController(RetirementForecast forecast, RetirementOverrides overrides, PlanningScopes scopes,
			PlanningLabels labels, RegistryFacts registry, Clock clock, PlanningDocuments documents, TypedDates dates) {
		this.dates = dates;
		this.documents = documents;
		this.forecast = forecast;
		this.overrides = overrides;
		this.scopes = scopes;
		this.labels = labels;
		this.registry = registry;
		this.clock = clock;
	}

	public record Row(String value, String label, List<Long> counts, long total) {
	}

	@GetMapping("/planning")
	String index() {
		return "redirect:/planning/retirements";
	}

	@GetMapping("/planning/retirements")
	String retirements(@RequestParam(required = false) String by, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "0") int page, Authentication authentication, Locale locale, Model model) {
		var today = LocalDate.now(clock);
		var unitId = uuid(unit);
		var result = forecast.forecast(today, scopes.of(authentication, today, unitId), By.parse(by));
		var rows = rows(result, locale);
		// one page of rows; the totals (footer, headline figures, chart) stay over every row, the exports list them all
		var shown = vn.trithuc.shared.ListPage.of(rows, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("rows", shown.rows());
		model.addAttribute("rowCount", shown.total());
		model.addAttribute("page", shown.page());
		model.addAttribute("pages", shown.pages());
		model.addAttribute("bys", By.values());
		model.addAttribute("unit", unitId == null ? null : unitId.toString());
		model.addAttribute("unitName", unitId == null ? null : labels.unit(unitId.toString(), today, locale));
		model.addAttribute("seesPeople", PlanningScopes.seesPeople(authentication));
		model.addAttribute("totals", totals(result));
		model.addAttribute("chart", PlanningCharts.svg(chart(result, locale)));
		return "planning/retirements";
	}

	private static List<Long> totals(RetirementForecast.Forecast result) {
		var totals = new ArrayList<Long>();
		for (long n : result.totals()) {
			totals.add(n);
		}
		return totals;
	}

	private vn.trithuc.documents.ChartImage chart(RetirementForecast.Forecast result, Locale locale) {
		return PlanningCharts.image(labels.message("planning.retirements.chart", locale), labels.message("planning.year", locale),
				labels.message("planning.people", locale), result.years().stream().map(String::valueOf).toList(),
				List.of(new BarChart.Series(labels.message("planning.retirements.series", locale), totals(result))));
	}

	@GetMapping({ "/planning/retirements.pdf", "/planning/retirements.docx" })
	ResponseEntity<byte[]> retirementsDocument(@RequestParam(required = false) String by, @RequestParam(required = false) String unit,
			Authentication authentication, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
		var today = LocalDate.now(clock);
		var unitId = uuid(unit);
		var result = forecast.forecast(today, scopes.of(authentication, today, unitId), By.parse(by));
		var header = new ArrayList<String>();
		header.add(labels.message(result.by().messageKey(), locale));
		result.years().forEach(y -> header.add(String.valueOf(y)));
		header.add(labels.message("planning.total", locale));
		var rows = new ArrayList<List<Block.Cell>>();
		for (var row : rows(result, locale)) {
			var cells = new ArrayList<Block.Cell>();
			cells.add(Block.Cell.text(row.label()));
			row.counts().forEach(n -> cells.add(Block.Cell.number(n, 0)));
			cells.add(Block.Cell.number(row.total(), 0).emphasised());
			rows.add(cells);
		}
		var total = new ArrayList<Block.Cell>();
		total.add(Block.Cell.text(labels.message("planning.total", locale)).emphasised());
		for (long n : result.totals()) {
			total.add(Block.Cell.number(n, 0).emphasised());
		}
		total.add(Block.Cell.number(result.total(), 0).emphasised());
		rows.add(total);
		var paragraphs = new ArrayList<String>();
		paragraphs.add(labels.message("planning.document.retirements.intro", locale, Formats.DATE.format(today),
				unitId == null ? labels.message("planning.document.wholeScope", locale) : labels.unit(unitId.toString(), today, locale),
				labels.message(result.by().messageKey(), locale).toLowerCase(locale)));
		paragraphs.add(labels.message("planning.document.retirements.staff", locale, FORMATS.number(result.staff()),
				FORMATS.number(result.total()), FORMATS.number(result.pastAge()), FORMATS.number(result.noBirthData())));
		var document = documents.document(today, labels.message("planning.document.kind", locale),
				labels.message("planning.document.retirements.title", locale, String.valueOf(result.years().get(0)),
						String.valueOf(result.years().get(result.years().size() - 1))),
				paragraphs, List.of(new PlanningDocuments.Table(header, rows)), chart(result, locale),
				labels.message("planning.retirements.chart", locale));
		return documents.file(document, "du-bao-nghi-huu-" + today, request.getRequestURI().endsWith(".pdf") ? "pdf" : "docx");
	}

	private static final Formats FORMATS = new Formats();

	private List<Row> rows(RetirementForecast.Forecast result, Locale locale) {
		var rows = new ArrayList<Row>();
		result.counts().forEach((value, counts) -> {
			long total = 0;
			var list = new ArrayList<Long>();
			for (long n : counts) {
				list.add(n);
				total += n;
			}
			rows.add(new Row(value, labels.label(result.by(), value, result.today(), locale), list, total));
		});
		var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN"));
		rows.sort(Comparator.comparingLong(Row::total).reversed().thenComparing(Row::label, collator));
		return rows;
	}

	@GetMapping("/planning/retirements.xlsx")
	ResponseEntity<byte[]> retirementsXlsx(@RequestParam(required = false) String by, @RequestParam(required = false) String unit,
			Authentication authentication, Locale locale) {
		var today = LocalDate.now(clock);
		var result = forecast.forecast(today, scopes.of(authentication, today, uuid(unit)), By.parse(by));
		var rows = rows(result, locale);
		return Xlsx.sheet("du-bao-nghi-huu-" + today + ".xlsx", labels.message("planning.retirements.sheet", locale), sheet -> {
			sheet.value(0, 0, labels.message("planning.retirements.title", locale) + " — "
					+ labels.message(result.by().messageKey(), locale) + " — " + Formats.DATE.format(today));
			var header = new ArrayList<String>();
			header.add(labels.message(result.by().messageKey(), locale));
			result.years().forEach(y -> header.add(String.valueOf(y)));
			header.add(labels.message("planning.total", locale));
			Xlsx.header(sheet, 2, header);
			int r = 3;
			for (var row : rows) {
				sheet.value(r, 0, row.label());
				for (int c = 0; c < row.counts().size(); c++) {
					Xlsx.number(sheet, r, c + 1, row.counts().get(c));
				}
				Xlsx.number(sheet, r, row.counts().size() + 1, row.total());
				r++;
			}
			sheet.value(r, 0, labels.message("planning.total", locale));
			for (int c = 0; c < result.totals().length; c++) {
				Xlsx.number(sheet, r, c + 1, result.totals()[c]);
			}
			Xlsx.number(sheet, r, result.totals().length + 1, result.total());
		});
	}

	/** Rows per page of the forecast table and people per page of a drill-down list. */
	static final int PAGE_SIZE = 50;

	public record Person(PersonId id, String name, String value, LocalDate roadmapDate, LocalDate retirementDate,
			boolean overridden, boolean birthDayAssumed) {
	}

	@GetMapping("/planning/retirements/people")
	String people(@RequestParam(required = false) String by, @RequestParam(required = false) String value,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "0") int page, Authentication authentication, Locale locale, Model model) {
		var today = LocalDate.now(clock);
		var b = By.parse(by);
		var unitId = uuid(unit);
		int p = Math.max(0, page);
		var found = forecast.people(today, scopes.of(authentication, today, unitId), b, value, year, p * PAGE_SIZE, PAGE_SIZE);
		var names = registry.displayNames(found.people().stream().map(r -> r.facts().person()).toList());
		var people = new ArrayList<Person>();
		for (Retiree r : found.people()) {
			people.add(new Person(r.facts().person(), names.getOrDefault(r.facts().person(), "?"),
					labels.label(b, b.value(r.facts()), today, locale), r.roadmapDate(), r.retirementDate(), r.overridden(),
					r.birthDayAssumed()));
		}
		model.addAttribute("people", people);
		model.addAttribute("total", found.total());
		model.addAttribute("page", p);
		model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("by", b);
		model.addAttribute("value", value);
		model.addAttribute("valueLabel", value == null ? null : labels.label(b, value, today, locale));
		model.addAttribute("year", year);
		model.addAttribute("unit", unitId == null ? null : unitId.toString());
		model.addAttribute("edits", PlanningScopes.edits(authentication));
		return "planning/retirement-people";
	}

	public record OverrideForm(@Nullable String plannedDate, @Nullable Integer extensionMonths, @Nullable String reason,
			@Nullable Integer version) implements java.io.Serializable {
	}

	@GetMapping("/planning/retirements/people/{id}")
	String person(@PathVariable UUID id, Authentication authentication, Locale locale, Model model) {
		var today = LocalDate.now(clock);
		var person = new PersonId(id);
		var facts = inScope(person, authentication, today);
		var roadmap = RetirementForecast.roadmapDate(facts);
		var current = overrides.find(person);
		model.addAttribute("personId", id);
		model.addAttribute("name", registry.displayNames(List.of(person)).getOrDefault(person, "?"));
		model.addAttribute("unitName", facts.orgUnit() == null ? labels.message("planning.value.unknown", locale)
				: labels.unit(facts.orgUnit().toString(), today, locale));
		model.addAttribute("sex", facts.sex());
		model.addAttribute("birth", facts.birthDate() != null ? Formats.DATE.format(facts.birthDate())
				: facts.birthYear() != null ? String.valueOf(facts.birthYear()) : "");
		model.addAttribute("roadmapDate", roadmap.orElse(null));
		model.addAttribute("retirementDate", roadmap.map(d -> current.map(o -> o.apply(d)).orElse(d)).orElse(null));
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("changes", overrides.changes(person));
		model.addAttribute("edits", PlanningScopes.edits(authentication));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", current.map(o -> new OverrideForm(o.plannedDate() == null ? "" : Formats.DATE.format(o.plannedDate()),
					o.extensionMonths(), o.reason(), o.version())).orElse(new OverrideForm("", null, "", null)));
		}
		return "planning/retirement-person";
	}

	@PostMapping("/planning/retirements/people/{id}")
	String setOverride(@PathVariable UUID id, OverrideForm form, Authentication authentication, RedirectAttributes redirect) {
		var today = LocalDate.now(clock);
		var person = new PersonId(id);
		var facts = inScope(person, authentication, today);
		var roadmap = RetirementForecast.roadmapDate(facts);
		if (roadmap.isEmpty()) {
			redirect.addFlashAttribute("problem", "planning.override.noBirthData");
			return "redirect:/planning/retirements/people/" + id;
		}
		var dateErrors = new HashMap<String, String>();
		var planned = dates.read(form.plannedDate(), "plannedDate", dateErrors);
		if (!dateErrors.isEmpty()) {
			redirect.addFlashAttribute("dateErrors", dateErrors);
			redirect.addFlashAttribute("form", form);
			return "redirect:/planning/retirements/people/" + id;
		}
		try {
			overrides.set(person, roadmap.get(), planned, form.extensionMonths(), form.reason() == null ? "" : form.reason(),
					authentication.getName(), form.version());
			redirect.addFlashAttribute("success", "planning.override.saved");
		}
		catch (RetirementOverrides.Refused refused) {
			redirect.addFlashAttribute("problem", refused.key());
			redirect.addFlashAttribute("form", form);
		}
		return "redirect:/planning/retirements/people/" + id;
	}

	@PostMapping("/planning/retirements/people/{id}/remove")
	String removeOverride(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		var person = new PersonId(id);
		inScope(person, authentication, LocalDate.now(clock));
		if (overrides.remove(person, authentication.getName())) {
			redirect.addFlashAttribute("success", "planning.override.removed");
		}
		return "redirect:/planning/retirements/people/" + id;
	}

	/** The person's facts today when they are in the caller's scope; 404 otherwise (no hint that they exist). */
	private vn.trithuc.registry.PersonFacts inScope(PersonId person, Authentication authentication, LocalDate today) {
		var facts = registry.asOf(person, today);
		if (facts.isEmpty() || !scopes.of(authentication, today).includes(facts.get().orgUnit())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return facts.get();
	}

	static @Nullable UUID uuid(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
