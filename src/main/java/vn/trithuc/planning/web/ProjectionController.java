package vn.trithuc.planning.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

import vn.trithuc.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.documents.BarChart;
import vn.trithuc.planning.internal.Projections;
import vn.trithuc.shared.Formats;

/** The five-year projection with editable, saved scenario parameters. */
@Controller
class ProjectionController {

	private final Projections projections;
	private final PlanningScopes scopes;
	private final PlanningLabels labels;
	private final Formats fmt;
	private final Clock clock;

	ProjectionController(Projections projections, PlanningScopes scopes, PlanningLabels labels, Formats fmt, Clock clock) {
		this.projections = projections;
		this.scopes = scopes;
		this.labels = labels;
		this.fmt = fmt;
		this.clock = clock;
	}

	/** The form as typed: rates as percentages ("2,5"), blank = historical. */
	public record ParameterForm(@Nullable String name, @Nullable String recruitment, @Nullable String returns,
			@Nullable String inflow, @Nullable String outflow) implements java.io.Serializable {
	}

	record Computed(Projections.Rates history, Projections.Parameters parameters, List<Projections.Year> years,
			List<String> problems, ParameterForm form) {
	}

	private Computed compute(@Nullable UUID scenarioId, ParameterForm typed, Authentication authentication, Locale locale) {
		var today = LocalDate.now(clock);
		var scope = scopes.of(authentication, today);
		var history = projections.historicalRates(today, scope);
		var form = typed;
		if (scenarioId != null && blank(typed.recruitment()) && blank(typed.returns()) && blank(typed.inflow()) && blank(typed.outflow())) {
			var s = projections.scenario(scenarioId);
			if (s.isPresent()) {
				form = new ParameterForm(s.get().name(), String.valueOf(s.get().recruitmentPerYear()),
						String.valueOf(s.get().returnsPerYear()), percent(s.get().inflowRate()), percent(s.get().outflowRate()));
			}
		}
		var problems = new ArrayList<String>();
		int recruitment = count(form.recruitment(), "planning.projection.recruitment", problems, locale);
		int returns = count(form.returns(), "planning.projection.returns", problems, locale);
		var inflow = rate(form.inflow(), "planning.projection.inflow", problems, locale);
		var outflow = rate(form.outflow(), "planning.projection.outflow", problems, locale);
		var parameters = new Projections.Parameters(recruitment, returns, inflow == null ? history.inflow() : inflow.doubleValue(),
				outflow == null ? history.outflow() : outflow.doubleValue());
		return new Computed(history, parameters, projections.project(today, scope, parameters), problems, form);
	}

	@GetMapping("/planning/projection")
	String projection(@RequestParam(required = false) String scenario, ParameterForm form, Authentication authentication,
			Locale locale, Model model) {
		var scenarioId = RetirementsController.uuid(scenario);
		var c = compute(scenarioId, form, authentication, locale);
		model.addAttribute("history", c.history());
		model.addAttribute("parameters", c.parameters());
		model.addAttribute("years", c.years());
		model.addAttribute("problems", c.problems().isEmpty() ? null : c.problems());
		model.addAttribute("form", c.form());
		model.addAttribute("scenario", scenarioId);
		model.addAttribute("scenarios", projections.scenarios());
		model.addAttribute("edits", PlanningScopes.edits(authentication));
		model.addAttribute("inflowPercent", fmt.percent(c.parameters().inflowRate()));
		model.addAttribute("outflowPercent", fmt.percent(c.parameters().outflowRate()));
		model.addAttribute("historyInflow", fmt.percent(c.history().inflow()));
		model.addAttribute("historyOutflow", fmt.percent(c.history().outflow()));
		var categories = c.years().stream().map(y -> String.valueOf(y.year())).toList();
		model.addAttribute("chart", PlanningCharts.svg(labels.message("planning.projection.chart", locale),
				labels.message("planning.year", locale), labels.message("planning.people", locale), categories,
				List.of(new BarChart.Series(labels.message("planning.projection.end", locale),
						c.years().stream().map(y -> Math.round(y.end())).toList()),
						new BarChart.Series(labels.message("planning.projection.retirements", locale),
								c.years().stream().map(Projections.Year::retirements).toList()))));
		return "planning/projection";
	}

	@GetMapping("/planning/projection.xlsx")
	ResponseEntity<byte[]> projectionXlsx(@RequestParam(required = false) String scenario, ParameterForm form,
			Authentication authentication, Locale locale) {
		var c = compute(RetirementsController.uuid(scenario), form, authentication, locale);
		return Xlsx.sheet("du-bao-5-nam-" + LocalDate.now(clock) + ".xlsx", labels.message("planning.projection.sheet", locale), sheet -> {
			sheet.value(0, 0, labels.message("planning.projection.title", locale)
					+ (c.form().name() == null || c.form().name().isBlank() ? "" : " — " + c.form().name()));
			sheet.value(1, 0, labels.message("planning.projection.parametersLine", locale, String.valueOf(c.parameters().recruitmentPerYear()),
					String.valueOf(c.parameters().returnsPerYear()), fmt.percent(c.parameters().inflowRate()),
					fmt.percent(c.parameters().outflowRate())));
			Xlsx.header(sheet, 3, List.of(labels.message("planning.year", locale), labels.message("planning.projection.start", locale),
					labels.message("planning.projection.retirements", locale), labels.message("planning.projection.outflowCount", locale),
					labels.message("planning.projection.inflowCount", locale), labels.message("planning.projection.recruitment", locale),
					labels.message("planning.projection.returns", locale), labels.message("planning.projection.end", locale)));
			int r = 4;
			for (var y : c.years()) {
				sheet.value(r, 0, y.year());
				Xlsx.number(sheet, r, 1, Math.round(y.start()));
				Xlsx.number(sheet, r, 2, y.retirements());
				Xlsx.number(sheet, r, 3, Math.round(y.outflow()));
				Xlsx.number(sheet, r, 4, Math.round(y.inflow()));
				Xlsx.number(sheet, r, 5, y.recruitment());
				Xlsx.number(sheet, r, 6, y.returns());
				Xlsx.number(sheet, r, 7, Math.round(y.end()));
				r++;
			}
		});
	}

	@PostMapping("/planning/scenarios")
	String save(ParameterForm form, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		var problems = new ArrayList<String>();
		if (blank(form.name()) || form.name().strip().length() > 200) {
			problems.add(labels.message("planning.scenario.nameRequired", locale));
		}
		int recruitment = count(form.recruitment(), "planning.projection.recruitment", problems, locale);
		int returns = count(form.returns(), "planning.projection.returns", problems, locale);
		var inflow = rate(form.inflow(), "planning.projection.inflow", problems, locale);
		var outflow = rate(form.outflow(), "planning.projection.outflow", problems, locale);
		if (!problems.isEmpty()) {
			redirect.addFlashAttribute("saveProblems", problems);
			return "redirect:/planning/projection";
		}
		var id = projections.save(form.name(), recruitment, returns, inflow, outflow, authentication.getName());
		redirect.addFlashAttribute("success", "planning.scenario.saved");
		return "redirect:/planning/projection?scenario=" + id;
	}

	@PostMapping("/planning/scenarios/{id}/delete")
	String delete(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		// a unit officer deletes only the scenarios they saved; HR officers and administrators any of them
		boolean anyAuthor = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority()
			.equals(Role.HR_OFFICER.authority()) || a.getAuthority().equals(Role.SYSTEM_ADMINISTRATOR.authority()));
		if (projections.delete(id, authentication.getName(), anyAuthor)) {
			redirect.addFlashAttribute("success", "planning.scenario.deleted");
		}
		return "redirect:/planning/projection";
	}

	private int count(@Nullable String text, String labelKey, List<String> problems, Locale locale) {
		if (blank(text)) {
			return 0;
		}
		try {
			int n = Integer.parseInt(text.strip().replace(".", ""));
			if (n >= 0 && n <= 1_000_000) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		problems.add(labels.message("planning.projection.countInvalid", locale, labels.message(labelKey, locale), text));
		return 0;
	}

	/** A percentage typed as "2,5" or "2.5" (%), as a share 0..1; null when blank or invalid (then reported). */
	private @Nullable BigDecimal rate(@Nullable String text, String labelKey, List<String> problems, Locale locale) {
		if (blank(text)) {
			return null;
		}
		try {
			var percent = new BigDecimal(text.strip().replace("%", "").strip().replace(',', '.'));
			if (percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
				return percent.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		problems.add(labels.message("planning.projection.rateInvalid", locale, labels.message(labelKey, locale), text));
		return null;
	}

	private static @Nullable String percent(@Nullable BigDecimal share) {
		return share == null ? "" : share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString().replace('.', ',');
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}
}
