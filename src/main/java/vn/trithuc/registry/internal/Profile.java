package vn.trithuc.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A stored profile with its parts and the values derived from them. */
public record Profile(UUID id, int version, PersonData data, List<Part> parts, @Nullable UUID currentOrgUnit,
		@Nullable String personnelCategory, @Nullable String highestDegree, boolean partyMember, boolean talent,
		Instant createdAt, Instant updatedAt) {

	public String fullName() {
		return data.fullName();
	}

	public List<Part> partsOn(LocalDate date) {
		return parts.stream().filter(p -> p.validOn(date)).toList();
	}

	/** Every part in time order (undated first), for the timeline. */
	public List<Part> timeline() {
		return parts.stream().sorted(Comparator.comparing(Part::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(p -> p.kind().ordinal())).toList();
	}
}
