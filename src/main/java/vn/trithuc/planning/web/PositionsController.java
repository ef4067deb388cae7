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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.identity.SecurityAudit;
import vn.trithuc.planning.internal.JobPositions;
import vn.trithuc.planning.internal.JobPositions.Criterion;
import vn.trithuc.planning.internal.JobPositions.Gap;
import vn.trithuc.planning.internal.JobPositions.Holder;
import vn.trithuc.planning.internal.JobPositions.JobPosition;
import vn.trithuc.planning.internal.Levels;
import vn.trithuc.planning.internal.Scope;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.shared.TypedDates;

/** Job positions with title standards, who meets them and who lacks what, and the proposed fostering list. */
@Controller
class PositionsController {

	private final JobPositions positions;
	private final Levels levels;
	private final PlanningScopes scopes;
	private final PlanningLabels labels;
	private final RegistryFacts registry;
	private final SecurityAudit audit;
	private final Clock clock;
	private final TypedDates dates;

	PositionsController(JobPositions positions, Levels levels, PlanningScopes scopes, PlanningLabels labels, RegistryFacts registry,
			SecurityAudit audit, Clock clock, TypedDates dates) {
		this.dates = dates;
		this.positions = positions;
		this.levels = levels;
		this.scopes = scopes;
		this.labels = labels;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	/** @param status CURRENT (in force today), FUTURE (from a later date) or REPLACED (by a later standard in force) */
	public record PositionRow(UUID id, String unit, String title, String standard, @Nullable LocalDate validFrom, String status,
			long staff, long meeting) {
	}

	public record UnitRow(String unit, long staff, long meeting, String share) {
	}

	public record PositionForm(@Nullable String orgUnit, @Nullable String title, @Nullable String degree, @Nullable String fieldOfStudy,
			@Nullable String politicalTheory, @Nullable String stateManagement, @Nullable String foreignLanguage,
			@Nullable String itLevel, @Nullable String validFrom) implements java.io.Serializable {
	}

	private Scope scope(Authentication authentication, LocalDate today, @Nullable String unit) {
		return scopes.of(authentication, today, RetirementsController.uuid(unit));
	}

	@GetMapping("/planning/positions")
	String list(@RequestParam(required = false) String unit, Authentication authentication, Locale locale, Model model) {
		var today = LocalDate.now(clock);
		var scope = scope(authentication, today, unit);
		var holders = positions.holders(today, scope);
		var current = new java.util.HashSet<UUID>();
		positions.inForce(scope, today).forEach(p -> current.add(p.id()));
		var rows = new ArrayList<PositionRow>();
		for (var p : positions.list(scope)) {
			var mine = holders.stream().filter(h -> h.position().id().equals(p.id())).toList();
			var status = current.contains(p.id()) ? "CURRENT" : p.validFrom() != null && p.validFrom().isAfter(today) ? "FUTURE" : "REPLACED";
			rows.add(new PositionRow(p.id(), labels.unit(p.orgUnit().toString(), today, locale), p.title(), standard(p, locale),
					p.validFrom(), status, mine.size(), mine.stream().filter(Holder::meets).count()));
		}
		var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN"));
		rows.sort(Comparator.comparing(PositionRow::unit, collator).thenComparing(PositionRow::title, collator)
			.thenComparing(PositionRow::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
		var units = new ArrayList<UnitRow>();
		var fmt = new vn.trithuc.shared.Formats();
		positions.sharesByUnit(holders).forEach((u, s) -> units.add(new UnitRow(labels.unit(u.toString(), today, locale), s.staff(),
				s.meeting(), fmt.percent(s.ratio()))));
		units.sort(Comparator.comparing(UnitRow::unit, collator));
		long staff = units.stream().mapToLong(UnitRow::staff).sum();
		long meeting = units.stream().mapToLong(UnitRow::meeting).sum();
		model.addAttribute("positions", rows);
		model.addAttribute("units", units);
		model.addAttribute("staff", staff);
		model.addAttribute("meeting", meeting);
		model.addAttribute("share", fmt.percent(staff == 0 ? 0 : (double) meeting / staff));
		model.addAttribute("unit", RetirementsController.uuid(unit));
		model.addAttribute("scopeUnits", scopes.units(authentication, today));
		model.addAttribute("edits", PlanningScopes.edits(authentication));
		model.addAttribute("seesPeople", PlanningScopes.seesPeople(authentication));
		if (PlanningScopes.edits(authentication)) {
			model.addAttribute("degrees", levels.choices(CodeListKind.EDUCATION_LEVEL));
			model.addAttribute("fields", levels.choices(CodeListKind.FIELD_OF_STUDY));
			model.addAttribute("theories", levels.choices(CodeListKind.POLITICAL_THEORY_LEVEL));
			model.addAttribute("managements", levels.choices(CodeListKind.STATE_MANAGEMENT_LEVEL));
			model.addAttribute("languages", levels.choices(CodeListKind.FOREIGN_LANGUAGE_LEVEL).stream()
				.filter(e -> !"true".equals(e.attributes().get("legacy"))).toList());
			model.addAttribute("its", levels.choices(CodeListKind.IT_LEVEL).stream()
				.filter(e -> !"true".equals(e.attributes().get("legacy"))).toList());
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new PositionForm(unit, "", null, null, null, null, null, null, ""));
			}
		}
		return "planning/positions";
	}

	@PostMapping("/planning/positions")
	String save(PositionForm form, Authentication authentication, RedirectAttributes redirect) {
		var unit = RetirementsController.uuid(form.orgUnit());
		if (unit == null || form.title() == null || form.title().isBlank()) {
			redirect.addFlashAttribute("problem", "planning.positions.titleRequired");
			redirect.addFlashAttribute("form", form);
			return "redirect:/planning/positions";
		}
		var dateErrors = new HashMap<String, String>();
		var validFrom = dates.read(form.validFrom(), "validFrom", dateErrors);
		if (!dateErrors.isEmpty()) {
			redirect.addFlashAttribute("dateErrors", dateErrors);
			redirect.addFlashAttribute("form", form);
			return "redirect:/planning/positions";
		}
		try {
			positions.save(new JobPosition(UUID.randomUUID(), unit, form.title(), code(form.degree()), code(form.fieldOfStudy()),
					code(form.politicalTheory()), code(form.stateManagement()), code(form.foreignLanguage()), code(form.itLevel()),
					validFrom),
					scopes.of(authentication, LocalDate.now(clock)), authentication.getName());
			redirect.addFlashAttribute("success", "planning.positions.saved");
		}
		catch (JobPositions.Refused refused) {
			redirect.addFlashAttribute("problem", refused.key());
			redirect.addFlashAttribute("form", form);
		}
		return "redirect:/planning/positions?unit=" + unit;
	}

	@PostMapping("/planning/positions/{id}/delete")
	String delete(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		if (positions.delete(id, scopes.of(authentication, LocalDate.now(clock)))) {
			redirect.addFlashAttribute("success", "planning.positions.deleted");
		}
		return "redirect:/planning/positions";
	}

	public record PersonRow(PersonId id, String name, String unit, String position, List<String> marks, String gaps, boolean meets) {
	}

	@GetMapping("/planning/positions/people")
	String people(@RequestParam(required = false) String unit, @RequestParam(required = false) String lacking,
			Authentication authentication, Locale locale, Model model) {
		var today = LocalDate.now(clock);
		var rows = personRows(positions.holders(today, scope(authentication, today, unit)), today, locale);
		boolean onlyLacking = "true".equals(lacking);
		model.addAttribute("people", onlyLacking ? rows.stream().filter(r -> !r.meets()).toList() : rows);
		model.addAttribute("criteria", Criterion.values());
		model.addAttribute("unit", RetirementsController.uuid(unit));
		model.addAttribute("lacking", onlyLacking);
		return "planning/position-people";
	}

	@GetMapping("/planning/positions/fostering.xlsx")
	ResponseEntity<byte[]> fostering(@RequestParam(required = false) String unit, Authentication authentication, Locale locale) {
		var today = LocalDate.now(clock);
		var holders = positions.holders(today, scope(authentication, today, unit)).stream().filter(h -> !h.meets()).toList();
		var names = registry.displayNames(holders.stream().map(h -> h.facts().person()).toList());
		var lines = new ArrayList<List<String>>();
		for (var h : holders) {
			for (var g : h.gaps()) {
				lines.add(List.of(names.getOrDefault(h.facts().person(), "?"), labels.unit(h.position().orgUnit().toString(), today, locale),
						h.position().title(), labels.message(g.criterion().messageKey(), locale), required(g, locale)));
			}
		}
		var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN"));
		lines.sort(Comparator.<List<String>, String>comparing(l -> l.get(1), collator).thenComparing(l -> l.get(0), collator));
		audit.recordPersonalDataExport("planning fostering list", holders.size());
		return Xlsx.sheet("danh-sach-boi-duong-" + today + ".xlsx", labels.message("planning.fostering.sheet", locale), sheet -> {
			sheet.value(0, 0, labels.message("planning.fostering.title", locale) + " — " + vn.trithuc.shared.Formats.DATE.format(today));
			Xlsx.header(sheet, 2, List.of(labels.message("planning.fostering.number", locale), labels.message("planning.person.name", locale),
					labels.message("planning.person.unit", locale), labels.message("planning.positions.title.one", locale),
					labels.message("planning.fostering.content", locale), labels.message("planning.fostering.required", locale)));
			int r = 3;
			for (var l : lines) {
				sheet.value(r, 0, r - 2);
				for (int c = 0; c < l.size(); c++) {
					sheet.value(r, c + 1, l.get(c));
				}
				r++;
			}
		});
	}

	private List<PersonRow> personRows(List<Holder> holders, LocalDate today, Locale locale) {
		var names = registry.displayNames(holders.stream().map(h -> h.facts().person()).toList());
		var collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN"));
		return holders.stream().map(h -> {
			var marks = new ArrayList<String>();
			for (var c : Criterion.values()) {
				marks.add(!h.required().contains(c) ? "" : h.lacks(c) ? labels.message("planning.positions.lacks", locale)
						: labels.message("planning.positions.meets", locale));
			}
			var gaps = String.join("; ", h.gaps().stream().map(g -> labels.message(g.criterion().messageKey(), locale) + ": " + required(g, locale)).toList());
			return new PersonRow(h.facts().person(), names.getOrDefault(h.facts().person(), "?"),
					labels.unit(h.position().orgUnit().toString(), today, locale), h.position().title(), marks, gaps, h.meets());
		}).sorted(Comparator.comparing(PersonRow::unit, collator).thenComparing(PersonRow::name, collator)).toList();
	}

	private String required(Gap g, Locale locale) {
		return switch (g.criterion()) {
			case DEGREE -> {
				var text = g.required().isEmpty() ? "" : levels.name(CodeListKind.EDUCATION_LEVEL, g.required());
				yield g.field() == null ? text
						: (text.isEmpty() ? "" : text + ", ") + labels.message("planning.positions.inField", locale,
								levels.name(CodeListKind.FIELD_OF_STUDY, g.field()));
			}
			case POLITICAL_THEORY -> levels.name(CodeListKind.POLITICAL_THEORY_LEVEL, g.required());
			case STATE_MANAGEMENT -> levels.name(CodeListKind.STATE_MANAGEMENT_LEVEL, g.required());
			case FOREIGN_LANGUAGE -> levels.name(CodeListKind.FOREIGN_LANGUAGE_LEVEL, g.required());
			case IT_LEVEL -> levels.name(CodeListKind.IT_LEVEL, g.required());
		};
	}

	private String standard(JobPosition p, Locale locale) {
		var parts = new ArrayList<String>();
		if (p.degree() != null || p.fieldOfStudy() != null) {
			parts.add(labels.message(Criterion.DEGREE.messageKey(), locale) + ": " + required(new Gap(Criterion.DEGREE,
					p.degree() == null ? "" : p.degree(), p.fieldOfStudy()), locale));
		}
		add(parts, Criterion.POLITICAL_THEORY, p.politicalTheory(), locale);
		add(parts, Criterion.STATE_MANAGEMENT, p.stateManagement(), locale);
		add(parts, Criterion.FOREIGN_LANGUAGE, p.foreignLanguage(), locale);
		add(parts, Criterion.IT_LEVEL, p.itLevel(), locale);
		return parts.isEmpty() ? labels.message("planning.positions.noStandard", locale) : String.join("; ", parts);
	}

	private void add(List<String> parts, Criterion c, @Nullable String code, Locale locale) {
		if (code != null) {
			parts.add(labels.message(c.messageKey(), locale) + ": " + required(new Gap(c, code, null), locale));
		}
	}

	private static @Nullable String code(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
