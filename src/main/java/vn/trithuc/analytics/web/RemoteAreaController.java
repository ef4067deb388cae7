package vn.trithuc.analytics.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.analytics.internal.RemoteAreaLists;
import vn.trithuc.analytics.internal.RemoteAreas;
import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/**
 * The remote-area lists (communes in extremely disadvantaged areas, by decision and dates in force) that the
 * "remote area" figures count by; administrators and HR officers keep them. A change rebuilds the snapshots.
 */
@Controller
class RemoteAreaController {

	public record Row(UUID id, String commune, String code, String from, String to, String decision) {
	}

	private final RemoteAreas remoteAreas;
	private final RemoteAreaLists lists;
	private final AdminUnits adminUnits;
	private final TypedDates dates;

	RemoteAreaController(RemoteAreas remoteAreas, RemoteAreaLists lists, AdminUnits adminUnits, TypedDates dates) {
		this.dates = dates;
		this.remoteAreas = remoteAreas;
		this.lists = lists;
		this.adminUnits = adminUnits;
	}

	@GetMapping("/analytics/remote-areas")
	String list(Model model) {
		var rows = new ArrayList<Row>();
		for (var e : remoteAreas.all()) {
			var unit = adminUnits.find(new AdminUnitId(e.adminUnit()));
			rows.add(new Row(e.id(), unit.map(AdminUnit::name).orElse("?"), unit.map(AdminUnit::code).orElse(""),
					Formats.DATE.format(e.validFrom()), e.validTo() == null ? "" : Formats.DATE.format(e.validTo()), e.decision()));
		}
		model.addAttribute("rows", rows);
		return "analytics/remote-areas";
	}

	@PostMapping("/analytics/remote-areas")
	String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String validFrom,
			@RequestParam(defaultValue = "") String validTo, @RequestParam(defaultValue = "") String decision,
			Authentication authentication, RedirectAttributes redirect) {
		var problems = new ArrayList<String>();
		var dateErrors = new HashMap<String, String>();
		var from = dates.read(validFrom, "validFrom", dateErrors);
		var to = dates.read(validTo, "validTo", dateErrors);
		if (validFrom.isBlank()) {
			problems.add("analytics.remote.fromRequired");
		}
		if (from != null && to != null && to.isBefore(from)) {
			problems.add("analytics.remote.toBeforeFrom");
		}
		if (decision.isBlank() || decision.strip().length() > 200) {
			problems.add("analytics.remote.decisionRequired");
		}
		AdminUnit commune = null;
		if (from != null) {
			commune = adminUnits.findByCode(code.strip(), AdminUnitLevel.COMMUNE, from).orElse(null);
			if (commune == null) {
				problems.add("analytics.remote.communeUnknown");
			}
		}
		if (!problems.isEmpty() || !dateErrors.isEmpty()) {
			redirect.addFlashAttribute("problems", problems);
			redirect.addFlashAttribute("dateErrors", dateErrors);
			redirect.addFlashAttribute("form", List.of(code, validFrom, validTo, decision));
			return "redirect:/analytics/remote-areas";
		}
		lists.add(commune.id().value(), from, to, decision, authentication.getName());
		redirect.addFlashAttribute("success", "analytics.remote.added");
		return "redirect:/analytics/remote-areas";
	}

	@PostMapping("/analytics/remote-areas/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		try {
			lists.remove(UUID.fromString(id));
			redirect.addFlashAttribute("success", "analytics.remote.removed");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("problems", List.of("analytics.remote.notFound"));
		}
		return "redirect:/analytics/remote-areas";
	}
}
