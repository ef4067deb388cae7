package vn.trithuc.program.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.program.ItemKind;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitPlans;
import vn.trithuc.program.UnitReports;
import vn.trithuc.shared.TypedDates;

/**
 * Grassroots plans: a unit's own plan under the program, its tasks each carrying out a program task. Unit officers
 * make and fill the plans of the units in their scope; the commission any.
 */
@Controller
class PlanController {

	private final Programs programs;
	private final UnitReports reports;
	private final UnitPlans plans;
	private final ReportScope scope;
	private final TypedDates dates;

	PlanController(Programs programs, UnitReports reports, UnitPlans plans, ReportScope scope, TypedDates dates) {
		this.dates = dates;
		this.programs = programs;
		this.reports = reports;
		this.plans = plans;
		this.scope = scope;
	}

	@GetMapping("/program/programs/{id}/plans")
	String plans(@PathVariable UUID id, Model model, Authentication caller) {
		var program = programs.find(new ProgramId(id), null).orElseThrow(PlanController::notFound);
		model.addAttribute("program", program);
		model.addAttribute("plans", plans.plans(program.id()));
		model.addAttribute("units", reports.units(program.id()).stream()
			.filter(u -> !u.ended() && scope.mayActFor(caller, u.orgUnitId())).toList());
		return "program/plans";
	}

	@PostMapping("/program/programs/{id}/plans")
	String create(@PathVariable UUID id, @RequestParam Map<String, String> form, Authentication caller,
			RedirectAttributes redirect) {
		var program = programs.find(new ProgramId(id), null).orElseThrow(PlanController::notFound);
		var dateErrors = new HashMap<String, String>();
		var issuedOn = dates.read(form.get("issuedOn"), "issuedOn", dateErrors);
		if (!dateErrors.isEmpty()) {
			TypedForm.keep(redirect, "planForm", form, dateErrors);
			return "redirect:/program/programs/" + id + "/plans";
		}
		try {
			var unitId = UUID.fromString(String.valueOf(form.get("unit")).strip());
			var reportingUnit = reports.units(program.id()).stream().filter(u -> u.id().equals(unitId)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("unit"));
			if (!scope.mayActFor(caller, reportingUnit.orgUnitId())) {
				throw notFound();
			}
			var title = form.get("title");
			var plan = plans.create(program.id(), unitId, form.get("number"), title == null ? "" : title, issuedOn,
					caller.getName());
			redirect.addFlashAttribute("success", "program.plan.created");
			return "redirect:/program/plans/" + plan;
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.plan.invalid");
			return "redirect:/program/programs/" + id + "/plans";
		}
	}

	@GetMapping("/program/plans/{planId}")
	String plan(@PathVariable UUID planId, Model model, Authentication caller) {
		var plan = plans.plan(planId).orElseThrow(PlanController::notFound);
		var program = programs.find(plan.program(), null).orElseThrow(PlanController::notFound);
		model.addAttribute("plan", plan);
		model.addAttribute("program", program);
		model.addAttribute("taskSections", program.taskSections());
		model.addAttribute("mayEdit", scope.mayActFor(caller, plan.orgUnitId()));
		return "program/plan";
	}

	@PostMapping("/program/plans/{planId}/tasks")
	String addTask(@PathVariable UUID planId, @RequestParam Map<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		var plan = plans.plan(planId).orElseThrow(PlanController::notFound);
		if (!scope.mayActFor((Authentication) principal, plan.orgUnitId())) {
			throw notFound();
		}
		var dateErrors = new HashMap<String, String>();
		var due = dates.read(form.get("dueOn"), "dueOn", dateErrors);
		if (!dateErrors.isEmpty()) {
			TypedForm.keep(redirect, "taskForm", form, dateErrors);
			return "redirect:/program/plans/" + planId;
		}
		try {
			var program = programs.find(plan.program(), null).orElseThrow(PlanController::notFound);
			var parentId = UUID.fromString(String.valueOf(form.get("parent")).strip());
			if (program.items(ItemKind.TASK).stream().noneMatch(i -> i.id().equals(parentId))) {
				throw new IllegalArgumentException("parent");
			}
			var text = form.get("text");
			plans.addTask(planId, parentId, text == null ? "" : text, due, principal.getName());
			redirect.addFlashAttribute("success", "program.plan.taskAdded");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.plan.taskInvalid");
		}
		return "redirect:/program/plans/" + planId;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
