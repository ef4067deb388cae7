package vn.trithuc.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.catalog.AdminUnits.AdminUnitPage;
import vn.trithuc.catalog.AdminUnits.AdminUnitQuery;
import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeLists;
import vn.trithuc.catalog.LinkedUnit;

/** The catalog as JSON: every code list, and administrative units as of a date ({@code asOf=yyyy-MM-dd}). */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogApiController {

	private final CodeLists codeLists;
	private final AdminUnits adminUnits;
	private final Clock clock;

	CatalogApiController(CodeLists codeLists, AdminUnits adminUnits, Clock clock) {
		this.codeLists = codeLists;
		this.adminUnits = adminUnits;
		this.clock = clock;
	}

	record ListSummary(String list, int version, int activeEntries, String href) {
	}

	record ListEntries(String list, int version, List<CodeListEntry> entries) {
	}

	@GetMapping("/code-lists")
	List<ListSummary> lists() {
		return java.util.Arrays.stream(CodeListKind.values()).map(kind -> new ListSummary(kind.slug(),
				codeLists.currentVersion(kind), codeLists.active(kind).size(), "/api/v1/catalog/code-lists/" + kind.slug()))
			.toList();
	}

	/** Active entries of the current version; {@code includeRetired} adds retired ones; {@code version} an older one. */
	@GetMapping("/code-lists/{list}")
	ListEntries list(@PathVariable String list, @RequestParam(defaultValue = "false") boolean includeRetired,
			@RequestParam(required = false) @Nullable Integer version) {
		var kind = kind(list);
		int current = codeLists.currentVersion(kind);
		if (version != null && version != current) {
			var entries = codeLists.entries(kind, version);
			if (entries.isEmpty()) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			return new ListEntries(kind.slug(), version,
					includeRetired ? entries : entries.stream().filter(CodeListEntry::active).toList());
		}
		return new ListEntries(kind.slug(), current, includeRetired ? codeLists.entries(kind) : codeLists.active(kind));
	}

	@GetMapping("/code-lists/{list}/{code}")
	CodeListEntry entry(@PathVariable String list, @PathVariable String code) {
		return codeLists.find(kind(list), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Units in force on {@code asOf} (default today), by level, parent and name without diacritics; paged. */
	@GetMapping("/admin-units")
	AdminUnitPage adminUnits(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam(required = false) @Nullable AdminUnitLevel level, @RequestParam(required = false) @Nullable UUID parent,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page >= 0, 1 <= size <= 500");
		}
		return adminUnits.search(new AdminUnitQuery(asOf == null ? LocalDate.now(clock) : asOf, level,
				parent == null ? null : new AdminUnitId(parent), q, page, size));
	}

	@GetMapping("/admin-units/{id}")
	AdminUnit adminUnit(@PathVariable UUID id) {
		return adminUnits.find(new AdminUnitId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping("/admin-units/{id}/successors")
	List<LinkedUnit> successors(@PathVariable UUID id) {
		return adminUnits.successors(adminUnit(id).id());
	}

	@GetMapping("/admin-units/{id}/predecessors")
	List<LinkedUnit> predecessors(@PathVariable UUID id) {
		return adminUnits.predecessors(adminUnit(id).id());
	}

	/** The unit(s) in force on {@code asOf} (default today) that this unit became; the primary one first. */
	@GetMapping("/admin-units/{id}/mapped")
	Map<String, Object> mapped(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var date = asOf == null ? LocalDate.now(clock) : asOf;
		return Map.of("asOf", date, "units", adminUnits.mapToDate(adminUnit(id).id(), date));
	}

	private static CodeListKind kind(String slug) {
		return CodeListKind.fromSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
