package vn.trithuc.program.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.Programs;
import vn.trithuc.program.TaskGroup;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/** The action programs: the list, one program as of a day, its amendments. */
@Controller
@RequestMapping("/program/programs")
class ProgramController {

	private final Programs programs;
	private final vn.trithuc.program.UnitPlans plans;
	private final TypedDates dates;

	ProgramController(Programs programs, vn.trithuc.program.UnitPlans plans, TypedDates dates) {
		this.dates = dates;
		this.programs = programs;
		this.plans = plans;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("programs", programs.programs());
		model.addAttribute("seedLoaded", programs.seedProgram().isPresent());
		return "program/programs";
	}

	@PostMapping("/import-seed")
	String importSeed(Principal principal, RedirectAttributes redirect) {
		var id = programs.importSeedProgram(principal.getName());
		redirect.addFlashAttribute("success", "program.imported");
		return "redirect:/program/programs/" + id;
	}

	@PostMapping("/{id}/link-org-units")
	String linkOrgUnits(@PathVariable UUID id, RedirectAttributes redirect) {
		var program = load(id, null);
		int linked = programs.linkOrgUnits(program.id());
		redirect.addFlashAttribute("success", linked == 0 ? "program.orgLinks.none" : "program.orgLinks.done");
		return "redirect:/program/programs/" + id;
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, @RequestParam(required = false) @Nullable String asOf, Model model) {
		var dateErrors = new HashMap<String, String>();
		var day = dates.read(asOf, "asOf", dateErrors);
		var program = load(id, day);
		model.addAttribute("program", program);
		model.addAttribute("asOfForm", new TypedForm(Map.of("asOf", day == null ? s(asOf) : Formats.DATE.format(day)), dateErrors));
		model.addAttribute("taskGroups", Arrays.asList(TaskGroup.values()));
		return "program/program";
	}

	@GetMapping("/{id}/items/{itemId}")
	String item(@PathVariable UUID id, @PathVariable UUID itemId, Model model) {
		var program = load(id, null);
		var item = program.sections().stream().flatMap(s -> s.items().stream()).filter(i -> i.id().equals(itemId))
			.findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("program", program);
		model.addAttribute("item", item);
		model.addAttribute("history", programs.history(program.id(), itemId));
		model.addAttribute("carrying", plans.carrying(itemId));
		model.addAttribute("form", new AmendmentForm(item.version(), item.text(), "", "", ""));
		return "program/item";
	}

	@PostMapping("/{id}/items/{itemId}")
	String amend(@PathVariable UUID id, @PathVariable UUID itemId, AmendmentForm form, Principal principal,
			Model model, RedirectAttributes redirect) {
		var program = load(id, null);
		var item = program.sections().stream().flatMap(s -> s.items().stream()).filter(i -> i.id().equals(itemId))
			.findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("program", program);
		model.addAttribute("item", item);
		model.addAttribute("history", programs.history(program.id(), itemId));
		model.addAttribute("carrying", plans.carrying(itemId));
		model.addAttribute("form", form);
		var dateErrors = new HashMap<String, String>();
		var validFrom = dates.read(form.validFrom(), "validFrom", dateErrors);
		model.addAttribute("amendForm", new TypedForm(Map.of("validFrom", s(form.validFrom())), dateErrors));
		var incomplete = blank(form.text()) || blank(form.validFrom()) || blank(form.decisionNumber()) || blank(form.reason())
				|| form.version() == null;
		if (incomplete || validFrom == null) {
			// a date that cannot be read is told beside its field, anything missing above the form
			model.addAttribute("invalid", incomplete);
			return "program/item";
		}
		try {
			programs.amendItem(program.id(), itemId, form.version(),
					new Programs.Amendment(form.text(), validFrom, form.decisionNumber(), form.reason(), principal.getName()));
		}
		catch (OptimisticLockingFailureException e) {
			model.addAttribute("conflict", true);
			model.addAttribute("form", new AmendmentForm(item.version(), item.text(), form.validFrom(),
					form.decisionNumber(), form.reason()));
			model.addAttribute("mine", form.text());
			return "program/item";
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("dateTooEarly", true);
			return "program/item";
		}
		redirect.addFlashAttribute("success", "program.amended");
		return "redirect:/program/programs/" + id + "/items/" + itemId;
	}

	private ProgramDocument load(UUID id, @Nullable LocalDate asOf) {
		return programs.find(new ProgramId(id), asOf).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static String s(@Nullable String text) {
		return text == null ? "" : text;
	}

	record AmendmentForm(@Nullable Integer version, @Nullable String text, @Nullable String validFrom,
			@Nullable String decisionNumber, @Nullable String reason) {
	}
}
