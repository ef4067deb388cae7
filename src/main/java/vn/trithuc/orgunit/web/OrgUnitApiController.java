package vn.trithuc.orgunit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitHistory;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;

/** The organisation tree for provincial systems: read-only JSON; dates as ISO yyyy-MM-dd (default today). */
@RestController
@RequestMapping("/api/v1/orgunit")
class OrgUnitApiController {

	private final OrgUnits units;
	private final Clock clock;

	OrgUnitApiController(OrgUnits units, Clock clock) {
		this.units = units;
		this.clock = clock;
	}

	/** The roots as of a date, or units matching {@code q} (name without diacritics, or code). */
	@GetMapping("/units")
	List<OrgUnit> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam(defaultValue = "") String q) {
		var date = date(asOf);
		return q.isBlank() ? units.roots(date) : units.search(q, date, 100);
	}

	@GetMapping("/units/{id}")
	OrgUnit unit(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var found = asOf == null ? units.find(new OrgUnitId(id)) : units.find(new OrgUnitId(id), asOf);
		return found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping("/units/{id}/children")
	List<OrgUnit> children(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		exists(id);
		return units.children(new OrgUnitId(id), date(asOf));
	}

	/** The unit and every unit below it as of a date (ids), e.g. for a user's scope. */
	@GetMapping("/units/{id}/subtree")
	Set<OrgUnitId> subtree(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		exists(id);
		return units.subtreeAsOf(new OrgUnitId(id), date(asOf));
	}

	/** The units in force on a date that carry on this one (itself while it exists). */
	@GetMapping("/units/{id}/successors")
	Set<OrgUnitId> successors(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		exists(id);
		return units.successors(new OrgUnitId(id), date(asOf));
	}

	@GetMapping("/units/{id}/history")
	OrgUnitHistory history(@PathVariable UUID id) {
		return units.history(new OrgUnitId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private void exists(UUID id) {
		units.find(new OrgUnitId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private LocalDate date(@Nullable LocalDate asOf) {
		return asOf == null ? LocalDate.now(clock) : asOf;
	}
}
