package vn.trithuc.program.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.program.Disseminations;
import vn.trithuc.program.Disseminations.ParticipantGroup;
import vn.trithuc.program.Inspections;
import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitReports;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/** Inspections with their recommendations followed to closure, and dissemination sessions with coverage. */
@Controller
class FollowUpController {

	private final Programs programs;
	private final UnitReports reports;
	private final Inspections inspections;
	private final Disseminations disseminations;
	private final ReportScope scope;
	private final TypedDates dates;

	FollowUpController(Programs programs, UnitReports reports, Inspections inspections, Disseminations disseminations,
			ReportScope scope, TypedDates dates) {
		this.dates = dates;
		this.scope = scope;
		this.programs = programs;
		this.reports = reports;
		this.inspections = inspections;
		this.disseminations = disseminations;
	}

	@GetMapping("/program/programs/{id}/inspections")
	String inspections(@PathVariable UUID id, Principal principal, Model model) {
		var program = program(id);
		model.addAttribute("program", program);
		model.addAttribute("inspections", inspections.inspections(program.id()).stream()
			.filter(i -> reaches(principal, i.program(), i.unitId())).toList());
		model.addAttribute("units", reports.units(program.id()));
		model.addAttribute("kinds", Inspections.Kind.values());
		return "program/inspections";
	}

	@PostMapping("/program/programs/{id}/inspections")
	String plan(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		var program = program(id);
		var dateErrors = new HashMap<String, String>();
		var plannedOn = dates.read(form.getFirst("plannedOn"), "plannedOn", dateErrors);
		if (!dateErrors.isEmpty()) {
			TypedForm.keep(redirect, "planForm", form.toSingleValueMap(), dateErrors);
			return "redirect:/program/programs/" + id + "/inspections";
		}
		try {
			var inspection = inspections.plan(program.id(), UUID.fromString(required(form, "unitId")),
					Inspections.Kind.valueOf(required(form, "kind")), required(plannedOn), principal.getName());
			redirect.addFlashAttribute("success", "program.inspection.planned");
			return "redirect:/program/inspections/" + inspection;
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.inspection.invalid");
			return "redirect:/program/programs/" + id + "/inspections";
		}
	}

	@GetMapping("/program/inspections/{inspectionId}")
	String inspection(@PathVariable UUID inspectionId, Principal principal, Model model) {
		var inspection = inspections.inspection(inspectionId).filter(i -> reaches(principal, i.program(), i.unitId()))
			.orElseThrow(FollowUpController::notFound);
		model.addAttribute("inspection", inspection);
		model.addAttribute("program", programs.find(inspection.program(), null).orElseThrow(FollowUpController::notFound));
		if (!model.containsAttribute("recordForm")) {
			var recorded = new HashMap<String, String>();
			recorded.put("heldOn", inspection.heldOn() == null ? "" : Formats.DATE.format(inspection.heldOn()));
			recorded.put("findings", inspection.findings());
			model.addAttribute("recordForm", new TypedForm(recorded, Map.of()));
		}
		return "program/inspection";
	}

	@PostMapping("/program/inspections/{inspectionId}")
	String record(@PathVariable UUID inspectionId, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		inspections.inspection(inspectionId).orElseThrow(FollowUpController::notFound);
		var dateErrors = new HashMap<String, String>();
		var heldOn = dates.read(form.getFirst("heldOn"), "heldOn", dateErrors);
		if (!dateErrors.isEmpty()) {
			TypedForm.keep(redirect, "recordForm", form.toSingleValueMap(), dateErrors);
			return "redirect:/program/inspections/" + inspectionId;
		}
		try {
			inspections.record(inspectionId, required(heldOn), required(form, "findings"));
			redirect.addFlashAttribute("success", "program.inspection.recorded");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.inspection.invalid");
		}
		return "redirect:/program/inspections/" + inspectionId;
	}

	@PostMapping("/program/inspections/{inspectionId}/recommendations")
	String recommend(@PathVariable UUID inspectionId, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		inspections.inspection(inspectionId).orElseThrow(FollowUpController::notFound);
		var dateErrors = new HashMap<String, String>();
		var dueOn = dates.read(form.getFirst("dueOn"), "dueOn", dateErrors);
		if (!dateErrors.isEmpty()) {
			TypedForm.keep(redirect, "recommendForm", form.toSingleValueMap(), dateErrors);
			return "redirect:/program/inspections/" + inspectionId;
		}
		try {
			inspections.recommend(inspectionId, required(form, "text"), required(dueOn));
			redirect.addFlashAttribute("success", "program.recommendation.added");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.inspection.invalid");
		}
		return "redirect:/program/inspections/" + inspectionId;
	}

	@PostMapping("/program/recommendations/{recommendationId}/respond")
	String respond(@PathVariable UUID recommendationId, @RequestParam MultiValueMap<String, String> form,
			Principal principal, RedirectAttributes redirect) {
		return followUp(recommendationId, form, redirect, true, principal);
	}

	@PostMapping("/program/recommendations/{recommendationId}/close")
	String close(@PathVariable UUID recommendationId, @RequestParam MultiValueMap<String, String> form,
			Principal principal, RedirectAttributes redirect) {
		return followUp(recommendationId, form, redirect, false, principal);
	}

	private String followUp(UUID recommendationId, MultiValueMap<String, String> form, RedirectAttributes redirect,
			boolean respond, Principal principal) {
		var inspection = inspections.inspectionOf(recommendationId).flatMap(inspections::inspection)
			.filter(i -> reaches(principal, i.program(), i.unitId())).map(Inspections.Inspection::id)
			.orElseThrow(FollowUpController::notFound);
		try {
			int version = Integer.parseInt(required(form, "version"));
			if (respond) {
				inspections.respond(recommendationId, version, required(form, "text"), principal.getName());
			}
			else {
				inspections.close(recommendationId, version, required(form, "text"), principal.getName());
			}
			redirect.addFlashAttribute("success", respond ? "program.recommendation.responded" : "program.recommendation.closed");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "program.recommendation.conflict");
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("error", "program.recommendation.alreadyClosed");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.recommendation.textRequired");
		}
		return "redirect:/program/inspections/" + inspection;
	}

	@GetMapping("/program/programs/{id}/dissemination")
	String dissemination(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Principal principal, Model model) {
		var program = program(id);
		var year = LocalDate.now().getYear();
		var dateErrors = new HashMap<String, String>();
		var typedStart = dates.read(from, "from", dateErrors);
		var typedEnd = dates.read(to, "to", dateErrors);
		// a bound that cannot be read is told beside its field; the year's own bound is used instead
		var start = typedStart == null ? LocalDate.of(year, 1, 1) : typedStart;
		var end = typedEnd == null ? LocalDate.of(year, 12, 31) : typedEnd;
		model.addAttribute("range", new TypedForm(typedRange(from, to, start, end, dateErrors), dateErrors));
		model.addAttribute("program", program);
		// unit officers see the sessions of their units (the coverage figures stay program-wide counts)
		model.addAttribute("sessions", disseminations.sessions(program.id()).stream()
			.filter(session -> reaches(principal, program.id(), session.unitId())).toList());
		model.addAttribute("coverage", disseminations.coverage(program.id(), start, end));
		model.addAttribute("units", reports.units(program.id()).stream()
			.filter(u -> !u.ended() && reaches(principal, program.id(), u.id())).toList());
		model.addAttribute("forms", Disseminations.Form.values());
		model.addAttribute("groups", ParticipantGroup.values());
		return "program/dissemination";
	}

	@PostMapping("/program/programs/{id}/dissemination")
	String recordSession(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Principal principal,
			RedirectAttributes redirect) {
		var program = program(id);
		var dateErrors = new HashMap<String, String>();
		var heldOn = dates.read(form.getFirst("heldOn"), "heldOn", dateErrors);
		if (!dateErrors.isEmpty()) {
			TypedForm.keep(redirect, "sessionForm", form.toSingleValueMap(), dateErrors);
			return "redirect:/program/programs/" + id + "/dissemination";
		}
		try {
			var participants = new EnumMap<ParticipantGroup, Integer>(ParticipantGroup.class);
			for (var group : ParticipantGroup.values()) {
				var value = form.getFirst("participants." + group.name());
				if (value != null && !value.isBlank()) {
					participants.put(group, Integer.valueOf(value.strip()));
				}
			}
			var unitId = UUID.fromString(required(form, "unitId"));
			if (!reaches(principal, program.id(), unitId)) {
				throw new IllegalArgumentException("unit outside the caller's scope");
			}
			disseminations.record(program.id(), unitId, required(heldOn),
					Disseminations.Form.valueOf(required(form, "form")), required(form, "title"), participants,
					principal.getName());
			redirect.addFlashAttribute("success", "program.dissemination.recorded");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.dissemination.invalid");
		}
		return "redirect:/program/programs/" + id + "/dissemination";
	}

	/** Whether the caller reaches a reporting unit of the program (unit officers: only units in their scope). */
	private boolean reaches(Principal principal, ProgramId program, UUID reportingUnit) {
		return reports.units(program).stream().filter(u -> u.id().equals(reportingUnit)).findFirst()
			.map(u -> scope.mayReach((org.springframework.security.core.Authentication) principal, u)).orElse(false);
	}

	private ProgramDocument program(UUID id) {
		return programs.find(new ProgramId(id), null).orElseThrow(FollowUpController::notFound);
	}

	private static String required(MultiValueMap<String, String> form, String name) {
		var value = form.getFirst(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name);
		}
		return value.strip();
	}

	/** A required date, typed and read. */
	private static LocalDate required(@Nullable LocalDate date) {
		if (date == null) {
			throw new IllegalArgumentException("date");
		}
		return date;
	}

	/** The coverage range as shown in its fields: a bound as typed when it cannot be read, else the day used. */
	private static Map<String, String> typedRange(@Nullable String from, @Nullable String to, LocalDate start, LocalDate end,
			Map<String, String> dateErrors) {
		return Map.of("from", dateErrors.containsKey("from") ? String.valueOf(from) : Formats.DATE.format(start),
				"to", dateErrors.containsKey("to") ? String.valueOf(to) : Formats.DATE.format(end));
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
