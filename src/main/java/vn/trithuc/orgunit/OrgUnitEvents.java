package vn.trithuc.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Events of the organisation tree, published when an operation is recorded (in its transaction). */
public final class OrgUnitEvents {

	private OrgUnitEvents() {
	}

	public record OrgUnitCreated(UUID eventId, OrgUnitId unit, LocalDate effectiveOn) {
	}

	public record OrgUnitRenamed(UUID eventId, OrgUnitId unit, String oldName, String newName, LocalDate effectiveOn) {
	}

	public record OrgUnitMoved(UUID eventId, OrgUnitId unit, OrgUnitId newParent, LocalDate effectiveOn) {
	}

	public record OrgUnitsMerged(UUID eventId, List<OrgUnitId> sources, OrgUnitId result, LocalDate effectiveOn) {
	}

	public record OrgUnitSplit(UUID eventId, OrgUnitId source, List<OrgUnitId> results, LocalDate effectiveOn) {
	}

	public record OrgUnitDissolved(UUID eventId, OrgUnitId unit, List<OrgUnitId> inheritors, LocalDate effectiveOn) {
	}
}
