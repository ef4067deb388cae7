package vn.trithuc.orgunit;

import java.util.Objects;
import java.util.UUID;

/** The identity of an organisation unit, stable across renames, moves and other versions. */
public record OrgUnitId(UUID value) {

	public OrgUnitId {
		Objects.requireNonNull(value, "value");
	}

	public static OrgUnitId random() {
		return new OrgUnitId(UUID.randomUUID());
	}

	public static OrgUnitId of(String text) {
		return new OrgUnitId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
