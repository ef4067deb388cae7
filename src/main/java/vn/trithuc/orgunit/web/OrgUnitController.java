package vn.trithuc.orgunit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.internal.OrgUnitSpreadsheets;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/** The tree as of a date (htmx opens branches; without JS each branch is a link), search, a unit's history, export. */
@Controller
@RequestMapping("/orgunit")
class OrgUnitController {

	private static final int SEARCH_LIMIT = 50;

	private final OrgUnits units;
	private final vn.trithuc.catalog.AdminUnits adminUnits;
	private final OrgUnitSpreadsheets spreadsheets;
	private final MessageSource messages;
	private final Clock clock;
	private final OperationScope scope;
	private final TypedDates dates;

	OrgUnitController(OrgUnits units, vn.trithuc.catalog.AdminUnits adminUnits, OrgUnitSpreadsheets spreadsheets,
			MessageSource messages, Clock clock, OperationScope scope, TypedDates dates) {
		this.dates = dates;
		this.scope = scope;
		this.units = units;
		this.adminUnits = adminUnits;
		this.spreadsheets = spreadsheets;
		this.messages = messages;
		this.clock = clock;
	}

	/** A unit in the tree and whether it has children to open. */
	record Node(OrgUnit unit, boolean hasChildren) {
	}

	@GetMapping("/units")
	String tree(@RequestParam(required = false) @Nullable String asOf, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Nullable UUID root, Model model) {
		var date = asOf(asOf, model);
		model.addAttribute("q", q);
		if (!q.isBlank()) {
			model.addAttribute("results", units.search(q, date, SEARCH_LIMIT));
		}
		if (root != null) {
			var top = units.find(new OrgUnitId(root), date);
			if (top.isPresent()) {
				model.addAttribute("rootUnit", top.get());
				model.addAttribute("ancestors", units.ancestors(top.get().id(), date));
				model.addAttribute("nodes", nodes(units.children(top.get().id(), date), date));
				return "orgunit/tree";
			}
			model.addAttribute("rootGone", true);
		}
		model.addAttribute("nodes", nodes(units.roots(date), date));
		return "orgunit/tree";
	}

	@GetMapping("/units/{id}/children")
	String children(@PathVariable UUID id, @RequestParam(required = false) @Nullable String asOf,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		var unit = units.find(new OrgUnitId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (htmx == null) {
			return "redirect:/orgunit/units?root=" + id + (asOf == null ? "" : "&asOf=" + asOf);
		}
		var date = asOf(asOf, model);
		model.addAttribute("nodes", nodes(units.children(unit.id(), date), date));
		return "orgunit/tree :: nodes";
	}

	@GetMapping("/units/{id}")
	String unit(@PathVariable UUID id, @RequestParam(required = false) @Nullable String asOf, Model model) {
		var history = units.history(new OrgUnitId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var date = asOf(asOf, model);
		model.addAttribute("history", history);
		model.addAttribute("unit", units.find(history.current().id(), date).orElse(history.current()));
		model.addAttribute("inForce", history.current().inForceOn(date));
		model.addAttribute("ancestors", units.ancestors(history.current().id(), date));
		model.addAttribute("children", units.children(history.current().id(), date));
		model.addAttribute("changeable", scope.reaches(history.current().id()));
		var adminUnit = history.current().adminUnitId();
		if (adminUnit != null) {
			adminUnits.find(new vn.trithuc.catalog.AdminUnitId(adminUnit))
				.ifPresent(a -> model.addAttribute("adminUnit", a.code() == null ? a.name() : a.name() + " (" + a.code() + ")"));
		}
		return "orgunit/unit";
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String asOf, Locale locale) {
		if (!TypedDates.readable(asOf)) {
			return TypedDates.toPage("/orgunit/units");
		}
		var date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : Formats.parseDate(asOf);
		var name = "co-quan-don-vi-" + Formats.DATE.format(date).replace('/', '-') + ".xlsx";
		var body = new java.io.ByteArrayOutputStream();
		spreadsheets.export(date, kind -> messages.getMessage(kind.messageKey(), null, locale), body);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body.toByteArray());
	}

	/** The date typed, or today when nothing (or nothing readable: said beside the field) was typed. */
	private LocalDate asOf(@Nullable String text, Model model) {
		var dateErrors = new HashMap<String, String>();
		var typed = dates.read(text, "asOf", dateErrors);
		var date = typed == null ? LocalDate.now(clock) : typed;
		model.addAttribute("dateErrors", dateErrors);
		model.addAttribute("asOf", date);
		model.addAttribute("asOfText", Formats.DATE.format(date));
		model.addAttribute("asOfTyped", dateErrors.isEmpty() ? Formats.DATE.format(date) : text);
		return date;
	}

	private List<Node> nodes(List<OrgUnit> list, LocalDate date) {
		var parents = units.withChildren(list.stream().map(OrgUnit::id).toList(), date);
		return list.stream().map(u -> new Node(u, parents.contains(u.id()))).toList();
	}
}
