package vn.trithuc.planning.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.documents.BarChart;
import vn.trithuc.documents.Block;
import vn.trithuc.shared.Formats;
import vn.trithuc.planning.internal.Balance;
import vn.trithuc.planning.internal.Levels;
import vn.trithuc.planning.internal.Needs;

/** Planned needs (entered or imported), and supply versus need by field and by locality. */
@Controller
class NeedsController {

	static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

	private final Needs needs;
	private final Balance balance;
	private final Levels levels;
	private final PlanningScopes scopes;
	private final PlanningLabels labels;
	private final Clock clock;

	private final PlanningDocuments documents;

	NeedsController(Needs needs, Balance balance, Levels levels, PlanningScopes scopes, PlanningLabels labels, Clock clock,
			PlanningDocuments documents) {
		this.documents = documents;
		this.needs = needs;
		this.balance = balance;
		this.levels = levels;
		this.scopes = scopes;
		this.labels = labels;
		this.clock = clock;
	}

	public record NeedRow(UUID id, String unit, String field, String degree, int year, int count, String note) {
	}

	public record NeedForm(@Nullable String orgUnit, @Nullable String field, @Nullable String degree, @Nullable Integer year,
			@Nullable Integer count, @Nullable String note) implements java.io.Serializable {
	}

	@GetMapping("/planning/needs")
	String list(@RequestParam(required = false) Integer year, Authentication authentication, Locale locale, Model model) {
		var today = LocalDate.now(clock);
		var scope = scopes.of(authentication, today);
		var rows = needs.list(scope, year).stream()
			.map(n -> new NeedRow(n.id(), labels.unit(n.orgUnit().toString(), today, locale),
					levels.name(CodeListKind.FIELD_OF_STUDY, n.field()), labels.message("registry.degree." + n.degree(), locale),
					n.year(), n.count(), n.note() == null ? "" : n.note()))
			.toList();
		model.addAttribute("needs", rows);
		model.addAttribute("year", year);
		model.addAttribute("years", needs.years(scope));
		model.addAttribute("edits", PlanningScopes.edits(authentication));
		if (PlanningScopes.edits(authentication)) {
			model.addAttribute("units", scopes.units(authentication, today));
			model.addAttribute("fields", levels.choices(CodeListKind.FIELD_OF_STUDY));
			model.addAttribute("degrees", levels.choices(CodeListKind.EDUCATION_LEVEL));
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new NeedForm(null, null, "DAI_HOC", today.getYear() + 1, null, null));
			}
		}
		return "planning/needs";
	}

	@PostMapping("/planning/needs")
	String save(NeedForm form, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		var today = LocalDate.now(clock);
		var unit = RetirementsController.uuid(form.orgUnit());
		if (unit == null || form.field() == null || form.degree() == null || form.year() == null || form.count() == null) {
			redirect.addFlashAttribute("problems", List.of(labels.message("planning.needs.incomplete", locale)));
			redirect.addFlashAttribute("form", form);
			return "redirect:/planning/needs";
		}
		try {
			needs.save(new Needs.Line(unit, form.field(), form.degree(), form.year(), form.count(), form.note()),
					scopes.of(authentication, today), authentication.getName());
			redirect.addFlashAttribute("success", "planning.needs.saved");
		}
		catch (Needs.Refused refused) {
			redirect.addFlashAttribute("problems", texts(refused.problems(), locale));
			redirect.addFlashAttribute("form", form);
		}
		return "redirect:/planning/needs";
	}

	@PostMapping("/planning/needs/{id}/delete")
	String delete(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		if (needs.delete(id, scopes.of(authentication, LocalDate.now(clock)))) {
			redirect.addFlashAttribute("success", "planning.needs.deleted");
		}
		return "redirect:/planning/needs";
	}

	@GetMapping("/planning/needs/import")
	String importForm(Model model) {
		model.addAttribute("columns", String.join(", ", Needs.COLUMNS));
		return "planning/needs-import";
	}

	@PostMapping("/planning/needs/import")
	String importNeeds(@RequestParam(required = false) @Nullable MultipartFile file, Authentication authentication, Locale locale,
			Model model) throws java.io.IOException {
		model.addAttribute("columns", String.join(", ", Needs.COLUMNS));
		if (file == null || file.isEmpty()) {
			model.addAttribute("problems", List.of(labels.message("planning.needs.import.noFile", locale)));
			return "planning/needs-import";
		}
		if (file.getSize() > MAX_IMPORT_BYTES) {
			model.addAttribute("problems", List.of(labels.message("planning.needs.import.tooLarge", locale,
					vn.trithuc.shared.Formats.fileSize(MAX_IMPORT_BYTES))));
			return "planning/needs-import";
		}
		var today = LocalDate.now(clock);
		try {
			int stored = needs.importFile(file.getBytes(), scopes.of(authentication, today),
					code -> scopes.unitByCode(code, today), authentication.getName());
			model.addAttribute("imported", stored);
		}
		catch (Needs.Refused refused) {
			model.addAttribute("problems", texts(refused.problems(), locale));
		}
		return "planning/needs-import";
	}

	@GetMapping("/planning/needs/template.xlsx")
	ResponseEntity<byte[]> template(Locale locale) {
		int next = LocalDate.now(clock).getYear() + 1;
		return Xlsx.sheet("nhu-cau-tri-thuc-mau.xlsx", labels.message("planning.needs.sheet", locale), sheet -> {
			Xlsx.header(sheet, 0, Needs.COLUMNS);
			sheet.value(1, 0, "TRUONG-THPT-1");
			sheet.value(1, 1, "Khoa học giáo dục và đào tạo giáo viên");
			sheet.value(1, 2, "Đại học");
			sheet.value(1, 3, next);
			sheet.value(1, 4, 3);
			sheet.value(1, 5, labels.message("planning.needs.template.example", locale));
		});
	}

	private List<String> texts(List<Needs.Problem> problems, Locale locale) {
		return problems.stream().map(p -> {
			var text = labels.message(p.key(), locale, p.arguments().toArray());
			return p.row() > 0 ? labels.message("planning.needs.import.row", locale, p.row(), text) : text;
		}).toList();
	}

	// ---------------------------------------------------------------- balance

	public record BalanceRow(String label, long need, long supplyNow, long retiring, long supply, long gap, String status,
			long shortage, long surplus) {
	}

	@GetMapping("/planning/balance")
	String balance(@RequestParam(required = false) Integer year, Authentication authentication, Locale locale, Model model) {
		var today = LocalDate.now(clock);
		var scope = scopes.of(authentication, today);
		var years = needs.years(scope);
		int y = year != null ? year : years.stream().filter(v -> v >= today.getYear()).findFirst().orElse(today.getYear() + 1);
		var result = balance.compute(today, scope, y, unit -> scopes.subtree(unit, today));
		var byField = fieldRows(result, locale);
		var byUnit = unitRows(result, today, locale);
		model.addAttribute("year", y);
		model.addAttribute("years", years);
		model.addAttribute("byField", byField);
		model.addAttribute("byUnit", byUnit);
		if (!byField.isEmpty()) {
			model.addAttribute("chart", PlanningCharts.svg(chart(byField, y, locale)));
		}
		return "planning/balance";
	}

	private vn.trithuc.documents.ChartImage chart(List<BalanceRow> byField, int y, Locale locale) {
		return PlanningCharts.image(labels.message("planning.balance.chart", locale, String.valueOf(y)),
				labels.message("planning.balance.fieldDegree", locale), labels.message("planning.people", locale),
				byField.stream().map(BalanceRow::label).toList(),
				List.of(new BarChart.Series(labels.message("planning.balance.need", locale), byField.stream().map(BalanceRow::need).toList()),
						new BarChart.Series(labels.message("planning.balance.supply", locale, String.valueOf(y)),
								byField.stream().map(BalanceRow::supply).toList())));
	}

	@GetMapping({ "/planning/balance.pdf", "/planning/balance.docx" })
	ResponseEntity<byte[]> balanceDocument(@RequestParam(required = false) Integer year, Authentication authentication, Locale locale,
			jakarta.servlet.http.HttpServletRequest request) {
		var today = LocalDate.now(clock);
		var scope = scopes.of(authentication, today);
		int y = year != null ? year : needs.years(scope).stream().filter(v -> v >= today.getYear()).findFirst().orElse(today.getYear() + 1);
		var result = balance.compute(today, scope, y, unit -> scopes.subtree(unit, today));
		var byField = fieldRows(result, locale);
		var byUnit = unitRows(result, today, locale);
		var header = List.of(labels.message("planning.balance.fieldDegree", locale), labels.message("planning.balance.need", locale),
				labels.message("planning.balance.supplyNow", locale), labels.message("planning.balance.retiring", locale, String.valueOf(y)),
				labels.message("planning.balance.supply", locale, String.valueOf(y)), labels.message("planning.balance.gap", locale),
				labels.message("planning.balance.status", locale));
		var unitHeader = new ArrayList<>(header);
		unitHeader.set(0, labels.message("planning.balance.unit", locale));
		var paragraphs = List.of(labels.message("planning.document.balance.intro", locale, String.valueOf(y), Formats.DATE.format(today)));
		var tables = new ArrayList<PlanningDocuments.Table>();
		tables.add(new PlanningDocuments.Table(header, cells(byField, locale)));
		if (!byUnit.isEmpty()) {
			tables.add(new PlanningDocuments.Table(unitHeader, cells(byUnit, locale)));
		}
		var document = documents.document(today, labels.message("planning.document.kind", locale),
				labels.message("planning.document.balance.title", locale, String.valueOf(y)), paragraphs, tables, chart(byField, y, locale),
				labels.message("planning.balance.chart", locale, String.valueOf(y)));
		return documents.file(document, "cung-cau-tri-thuc-" + y, request.getRequestURI().endsWith(".pdf") ? "pdf" : "docx");
	}

	private List<List<Block.Cell>> cells(List<BalanceRow> rows, Locale locale) {
		return rows.stream().map(r -> List.of(Block.Cell.text(r.label()), Block.Cell.number(r.need(), 0), Block.Cell.number(r.supplyNow(), 0),
				Block.Cell.number(r.retiring(), 0), Block.Cell.number(r.supply(), 0), Block.Cell.number(r.gap(), 0).emphasised(),
				Block.Cell.text(labels.message("planning.balance.status." + r.status(), locale)))).toList();
	}

	@GetMapping("/planning/balance.xlsx")
	ResponseEntity<byte[]> balanceXlsx(@RequestParam(required = false) Integer year, Authentication authentication, Locale locale) {
		var today = LocalDate.now(clock);
		var scope = scopes.of(authentication, today);
		int y = year != null ? year : today.getYear() + 1;
		var result = balance.compute(today, scope, y, unit -> scopes.subtree(unit, today));
		var byField = fieldRows(result, locale);
		var byUnit = unitRows(result, today, locale);
		return Xlsx.sheet("cung-cau-tri-thuc-" + y + ".xlsx", labels.message("planning.balance.sheet", locale), sheet -> {
			sheet.value(0, 0, labels.message("planning.balance.title", locale) + " — " + y);
			var header = List.of(labels.message("planning.balance.fieldDegree", locale), labels.message("planning.balance.need", locale),
					labels.message("planning.balance.supplyNow", locale), labels.message("planning.balance.retiring", locale, String.valueOf(y)),
					labels.message("planning.balance.supply", locale, String.valueOf(y)), labels.message("planning.balance.gap", locale),
					labels.message("planning.balance.status", locale));
			Xlsx.header(sheet, 2, header);
			int r = 3;
			for (var row : byField) {
				write(sheet, r++, row, locale);
			}
			r++;
			var unitHeader = new ArrayList<>(header);
			unitHeader.set(0, labels.message("planning.balance.unit", locale));
			Xlsx.header(sheet, r++, unitHeader);
			for (var row : byUnit) {
				write(sheet, r++, row, locale);
			}
		});
	}

	private void write(org.dhatim.fastexcel.Worksheet sheet, int r, BalanceRow row, Locale locale) {
		sheet.value(r, 0, row.label());
		Xlsx.number(sheet, r, 1, row.need());
		Xlsx.number(sheet, r, 2, row.supplyNow());
		Xlsx.number(sheet, r, 3, row.retiring());
		Xlsx.number(sheet, r, 4, row.supply());
		Xlsx.number(sheet, r, 5, row.gap());
		sheet.value(r, 6, labels.message("planning.balance.status." + row.status(), locale));
	}

	private List<BalanceRow> fieldRows(Balance.Result result, Locale locale) {
		var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN"));
		return result.byField().stream().map(l -> {
			var parts = l.key().split("\\|", 2);
			var label = levels.name(CodeListKind.FIELD_OF_STUDY, parts[0]) + " — " + labels.message("registry.degree." + parts[1], locale);
			return new BalanceRow(label, l.need(), l.supplyNow(), l.retiring(), l.supply(), l.gap(), l.status(),
					Math.max(0, -l.gap()), Math.max(0, l.gap()));
		}).sorted(Comparator.comparingLong(BalanceRow::gap).thenComparing(BalanceRow::label, collator)).toList();
	}

	private List<BalanceRow> unitRows(Balance.Result result, LocalDate today, Locale locale) {
		var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN"));
		return result.byUnit().stream().map(l -> {
			var ss = result.unitShortageSurplus().getOrDefault(l.key(), new long[2]);
			var status = ss[0] > 0 ? "SHORTAGE" : ss[1] > 0 ? "SURPLUS" : "BALANCED";
			return new BalanceRow(labels.unit(l.key(), today, locale), l.need(), l.supplyNow(), l.retiring(), l.supply(), l.gap(),
					status, ss[0], ss[1]);
		}).sorted(Comparator.comparingLong(BalanceRow::shortage).reversed().thenComparing(BalanceRow::label, collator)).toList();
	}
}
