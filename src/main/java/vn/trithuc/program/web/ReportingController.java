package vn.trithuc.program.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.Programs;
import vn.trithuc.program.Reminders;
import vn.trithuc.program.ReportAction;
import vn.trithuc.program.TaskGroup;
import vn.trithuc.program.TaskStatus;
import vn.trithuc.program.UnitReports;
import vn.trithuc.shared.TypedDates;

/**
 * Reporting on a program: reporting units and periods, the reports of a period, one unit report with its
 * workflow buttons, and the completeness matrix (units × periods).
 */
@Controller
class ReportingController {

	private final Programs programs;
	private final UnitReports reports;
	private final Reminders reminders;
	private final OrgUnits orgUnits;

	private final ReportScope scope;
	private final vn.trithuc.program.ReviewReports reviews;
	private final vn.trithuc.program.Indicators indicators;
	private final TypedDates dates;

	ReportingController(Programs programs, UnitReports reports, Reminders reminders, OrgUnits orgUnits,
			ReportScope scope, vn.trithuc.program.ReviewReports reviews, vn.trithuc.program.Indicators indicators,
			TypedDates dates) {
		this.dates = dates;
		this.reviews = reviews;
		this.indicators = indicators;
		this.scope = scope;
		this.programs = programs;
		this.reports = reports;
		this.reminders = reminders;
		this.orgUnits = orgUnits;
	}

	/**
	 * For units linked to the organisation tree that no longer exist (2025 reorganisation), the units that
	 * carry on their work today, by name.
	 */
	private Map<UUID, List<String>> successors(List<UnitReports.ReportingUnit> units) {
		var result = new HashMap<UUID, List<String>>();
		for (var unit : units) {
			if (unit.orgUnitId() == null) {
				continue;
			}
			var id = new OrgUnitId(unit.orgUnitId());
			var now = orgUnits.currentSuccessors(id);
			if (!now.isEmpty() && !now.equals(Set.of(id))) {
				result.put(unit.id(), now.stream().map(s -> orgUnits.find(s).map(OrgUnit::name).orElse(s.toString()))
					.sorted().toList());
			}
		}
		return result;
	}

	@GetMapping("/program/programs/{id}/reporting")
	String reporting(@PathVariable UUID id, Model model) {
		var program = program(id);
		model.addAttribute("program", program);
		var units = reports.units(program.id());
		model.addAttribute("units", units);
		model.addAttribute("successors", successors(units));
		var completeness = reports.completeness(program.id());
		model.addAttribute("periods", completeness.periods());
		model.addAttribute("totals", completeness.totals());
		model.addAttribute("periodKinds", PeriodKind.values());
		model.addAttribute("currentYear", LocalDate.now().getYear());
		model.addAttribute("indicators", indicators.indicators());
		model.addAttribute("unitTargets", indicators.unitTargets(program.id()));
		return "program/reporting";
	}

	@PostMapping("/program/programs/{id}/units")
	String addUnit(@PathVariable UUID id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String orgUnitId,
			@RequestParam(required = false) @Nullable String contactEmail,
			@RequestParam(required = false) @Nullable String leaderEmail, RedirectAttributes redirect) {
		var program = program(id);
		UUID orgUnit = null;
		try {
			orgUnit = orgUnitId == null || orgUnitId.isBlank() ? null : UUID.fromString(orgUnitId.strip());
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.unit.invalid");
			return "redirect:/program/programs/" + id + "/reporting";
		}
		if (name == null || name.isBlank() || reports.units(program.id()).stream().anyMatch(u -> u.name().equals(name.strip()))) {
			redirect.addFlashAttribute("error", "program.unit.invalid");
			return "redirect:/program/programs/" + id + "/reporting";
		}
		if (!email(contactEmail) || !email(leaderEmail)) {
			redirect.addFlashAttribute("error", "program.unit.invalid");
			return "redirect:/program/programs/" + id + "/reporting";
		}
		var unit = reports.addUnit(program.id(), name, orgUnit);
		reports.setContacts(unit, contactEmail, leaderEmail);
		redirect.addFlashAttribute("success", "program.unit.added");
		return "redirect:/program/programs/" + id + "/reporting";
	}

	@PostMapping("/program/programs/{id}/periods")
	String openPeriod(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		var program = program(id);
		var back = "redirect:/program/programs/" + id + "/reporting";
		var dateErrors = new HashMap<String, String>();
		var opensOn = dates.read(form.get("opensOn"), "opensOn", dateErrors);
		var cutoffFrom = dates.read(form.get("cutoffFrom"), "cutoffFrom", dateErrors);
		var cutoffTo = dates.read(form.get("cutoffTo"), "cutoffTo", dateErrors);
		var deadline = dates.read(form.get("deadline"), "deadline", dateErrors);
		if (!dateErrors.isEmpty()) {
			TypedForm.keep(redirect, "periodForm", form, dateErrors);
			return back;
		}
		try {
			var periodKind = PeriodKind.valueOf(String.valueOf(form.get("kind")));
			var year = blankToNull(form.get("year"));
			var proposed = year == null ? null : reports.proposedDates(periodKind, Integer.parseInt(year)).orElse(null);
			var periodDates = new UnitReports.PeriodDates(
					orProposed(opensOn, proposed == null ? null : proposed.opensOn()),
					orProposed(cutoffFrom, proposed == null ? null : proposed.cutoffFrom()),
					orProposed(cutoffTo, proposed == null ? null : proposed.cutoffTo()),
					orProposed(deadline, proposed == null ? null : proposed.deadline()));
			var name = blankToNull(form.get("name"));
			if (name == null) {
				throw new IllegalArgumentException("name");
			}
			var period = reports.openPeriod(program.id(), periodKind, name, periodDates, principal.getName());
			redirect.addFlashAttribute("success", "program.period.opened");
			return "redirect:/program/periods/" + period;
		}
		catch (IllegalArgumentException | NullPointerException e) {
			redirect.addFlashAttribute("error", "program.period.invalid");
			return back;
		}
	}

	@GetMapping("/program/periods/{periodId}")
	String period(@PathVariable UUID periodId, Model model, Authentication caller) {
		var period = reports.period(periodId).orElseThrow(ReportingController::notFound);
		model.addAttribute("period", period);
		model.addAttribute("program", programs.find(period.program(), null).orElseThrow(ReportingController::notFound));
		var lines = reports.reports(periodId);
		model.addAttribute("lines", lines);
		var mayOpen = scope.rule(caller);
		model.addAttribute("openable", reports.units(period.program()).stream().filter(u -> mayOpen.test(u.orgUnitId()))
			.map(UnitReports.ReportingUnit::id).collect(Collectors.toSet()));
		model.addAttribute("totals", reports.completeness(period.program()).totals().get(periodId));
		model.addAttribute("reminders", reminders.reminders(periodId));
		model.addAttribute("pending", lines.stream().filter(l -> l.firstSubmittedAt() == null).count());
		model.addAttribute("reviews", reviews.reviews(periodId));
		model.addAttribute("reviewScopes", ReviewController.scopes(reports, orgUnits, period));
		return "program/period";
	}

	@PostMapping("/program/periods/{periodId}/remind")
	String remind(@PathVariable UUID periodId, Principal principal, RedirectAttributes redirect) {
		reports.period(periodId).orElseThrow(ReportingController::notFound);
		int urged = reminders.urge(periodId, principal.getName());
		if (urged == 0) {
			redirect.addFlashAttribute("success", "program.remind.none");
		}
		else {
			redirect.addFlashAttribute("urged", urged);
		}
		return "redirect:/program/periods/" + periodId;
	}

	@GetMapping("/program/programs/{id}/completeness")
	String completeness(@PathVariable UUID id, Model model) {
		var program = program(id);
		model.addAttribute("program", program);
		var completeness = reports.completeness(program.id());
		model.addAttribute("completeness", completeness);
		model.addAttribute("successors", successors(completeness.units()));
		return "program/completeness";
	}

	@GetMapping("/program/reports/{reportId}")
	String report(@PathVariable UUID reportId, Model model, Authentication caller) {
		var report = reports.report(reportId).filter(r -> scope.mayOpen(caller, r))
			.orElseThrow(ReportingController::notFound);
		// the tasks in force at the end of the period's cut-off
		var program = programs.find(report.period().program(), report.period().dates().cutoffTo())
			.orElseThrow(ReportingController::notFound);
		model.addAttribute("report", report);
		model.addAttribute("program", program);
		model.addAttribute("taskSections", program.taskSections());
		model.addAttribute("taskStatuses", TaskStatus.values());
		model.addAttribute("taskGroups", Arrays.asList(TaskGroup.values()));
		var computed = indicators.computed(List.of(report.unit()), report.period().dates().cutoffTo())
			.getOrDefault(report.unit().id(), Map.of());
		var rows = new java.util.ArrayList<IndicatorRow>();
		for (var indicator : indicators.indicators()) {
			var value = indicator.computed() ? computed.get(indicator.code()) : report.content().indicators().get(indicator.code());
			var target = indicators.targetFor(program.id(), report.unit().id(), indicator.code()).orElse(null);
			rows.add(new IndicatorRow(indicator, value, target, target == null ? null : target.progress(value)));
		}
		model.addAttribute("indicators", rows);
		return "program/report";
	}

	@PostMapping("/program/reports/{reportId}")
	String save(@PathVariable UUID reportId, @RequestParam MultiValueMap<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		var report = reports.report(reportId).filter(r -> scope.mayOpen((Authentication) principal, r))
			.orElseThrow(ReportingController::notFound);
		var program = programs.find(report.period().program(), report.period().dates().cutoffTo())
			.orElseThrow(ReportingController::notFound);
		var back = "redirect:/program/reports/" + reportId;
		try {
			var tasks = new LinkedHashMap<UUID, UnitReports.TaskProgress>();
			for (var task : program.items(ItemKind.TASK)) {
				var status = form.getFirst("task." + task.id() + ".status");
				if (status == null || status.isBlank()) {
					continue;
				}
				var progress = form.getFirst("task." + task.id() + ".progress");
				tasks.put(task.id(), new UnitReports.TaskProgress(TaskStatus.valueOf(status),
						progress == null || progress.isBlank() ? null : Integer.valueOf(progress.strip()),
						blankToNull(form.getFirst("task." + task.id() + ".note"))));
			}
			var values = new LinkedHashMap<String, BigDecimal>();
			// computed indicators are never typed: the registry gives them
			for (var indicator : indicators.indicators()) {
				var value = indicator.computed() ? null : form.getFirst("indicator." + indicator.code());
				if (value != null && !value.isBlank()) {
					values.put(indicator.code(), decimal(value));
				}
			}
			reports.save(reportId, version(form), new UnitReports.Content(blankToNull(form.getFirst("narrative")),
					blankToNull(form.getFirst("difficulties")), blankToNull(form.getFirst("proposals")), tasks, values),
					principal.getName());
			redirect.addFlashAttribute("success", "program.report.saved");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "program.report.conflict");
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("error", "program.report.locked");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.report.invalid");
		}
		return back;
	}

	@PostMapping("/program/reports/{reportId}/submit")
	String submit(@PathVariable UUID reportId, @RequestParam MultiValueMap<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		return act(reportId, ReportAction.SUBMIT, form, principal, redirect);
	}

	@PostMapping("/program/reports/{reportId}/return")
	String returnReport(@PathVariable UUID reportId, @RequestParam MultiValueMap<String, String> form,
			Principal principal, RedirectAttributes redirect) {
		return act(reportId, ReportAction.RETURN, form, principal, redirect);
	}

	@PostMapping("/program/reports/{reportId}/accept")
	String accept(@PathVariable UUID reportId, @RequestParam MultiValueMap<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		return act(reportId, ReportAction.ACCEPT, form, principal, redirect);
	}

	@PostMapping("/program/reports/{reportId}/reopen")
	String reopen(@PathVariable UUID reportId, @RequestParam MultiValueMap<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		return act(reportId, ReportAction.REOPEN, form, principal, redirect);
	}

	private String act(UUID reportId, ReportAction action, MultiValueMap<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		reports.report(reportId).filter(r -> scope.mayOpen((Authentication) principal, r))
			.orElseThrow(ReportingController::notFound);
		try {
			reports.act(reportId, version(form), action, blankToNull(form.getFirst("comment")), principal.getName());
			redirect.addFlashAttribute("success", "program.report.done." + action.name());
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "program.report.conflict");
		}
		catch (UnitReports.IllegalTransitionException e) {
			redirect.addFlashAttribute("error", e.getMessage().contains("comment") ? "program.report.commentRequired"
					: "program.report.illegal");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.report.invalid");
		}
		return "redirect:/program/reports/" + reportId;
	}

	/** An indicator on the unit report page: its value (typed, or computed as of the cut-off end) against its target. */
	record IndicatorRow(vn.trithuc.program.Indicators.Indicator indicator, @Nullable BigDecimal value,
			vn.trithuc.program.Indicators.@Nullable UnitTarget target, @Nullable Double progress) {
	}

	/** "1.234,5" (Vietnamese) or "1234.5" → 1234.5. */
	static BigDecimal decimal(String text) {
		var t = text.strip().replace(" ", "");
		if (t.contains(",")) {
			t = t.replace(".", "").replace(',', '.');
		}
		else if (t.chars().filter(c -> c == '.').count() > 1 || t.matches("\\d{1,3}\\.\\d{3}")) {
			t = t.replace(".", "");
		}
		return new BigDecimal(t);
	}

	@PostMapping("/program/programs/{id}/targets")
	String setTarget(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		var program = program(id);
		var back = "redirect:/program/programs/" + id + "/reporting#targets";
		var dateErrors = new HashMap<String, String>();
		var sourceDate = dates.read(form.getFirst("sourceDate"), "sourceDate", dateErrors);
		if (!dateErrors.isEmpty()) {
			TypedForm.keep(redirect, "targetForm", form.toSingleValueMap(), dateErrors);
			return back;
		}
		try {
			var unit = blankToNull(form.getFirst("unit"));
			var year = blankToNull(form.getFirst("year"));
			var value = blankToNull(form.getFirst("value"));
			var source = blankToNull(form.getFirst("source"));
			if (year == null || value == null || source == null) {
				throw new IllegalArgumentException("year, value");
			}
			indicators.setTarget(program.id(), unit == null ? null : UUID.fromString(unit),
					new vn.trithuc.program.Indicators.NewTarget(String.valueOf(form.getFirst("indicator")), decimal(value),
							Integer.parseInt(year), String.valueOf(form.getFirst("comparator")),
							source, sourceDate),
					principal.getName());
			redirect.addFlashAttribute("success", "program.target.saved");
		}
		catch (IllegalArgumentException | ArithmeticException e) {
			redirect.addFlashAttribute("error", "program.target.invalid");
		}
		return back;
	}

	private ProgramDocument program(UUID id) {
		return programs.find(new ProgramId(id), null).orElseThrow(ReportingController::notFound);
	}

	private static int version(MultiValueMap<String, String> form) {
		var version = form.getFirst("version");
		if (version == null || version.isBlank()) {
			throw new IllegalArgumentException("version");
		}
		return Integer.parseInt(version.strip());
	}

	/** The date typed, else the one proposed for the period's year. @throws IllegalArgumentException when neither */
	private static LocalDate orProposed(@Nullable LocalDate typed, @Nullable LocalDate proposed) {
		if (typed == null && proposed == null) {
			throw new IllegalArgumentException("date");
		}
		return typed == null ? proposed : typed;
	}

	private static boolean email(@Nullable String text) {
		return text == null || text.isBlank() || text.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
