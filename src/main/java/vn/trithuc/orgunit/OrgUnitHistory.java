package vn.trithuc.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything that happened to a unit: its attribute versions, the operations, its predecessors and successors. */
public record OrgUnitHistory(OrgUnit current, List<Version> versions, List<Event> events, List<Succession> predecessors,
		List<Succession> successors) {

	/** One version of the unit's attributes; {@code parentName} is the parent's name on the version's first day. */
	public record Version(LocalDate validFrom, @Nullable LocalDate validTo, String name, @Nullable String shortName,
			@Nullable OrgUnitId parentId, @Nullable String parentName) {
	}

	/** An operation that touched the unit, with the role the unit played in it (SUBJECT, SOURCE, RESULT). */
	public record Event(java.util.UUID id, OperationKind kind, LocalDate effectiveOn, @Nullable String decisionNumber,
			@Nullable LocalDate decisionDate, @Nullable String note, String role) {
	}
}
