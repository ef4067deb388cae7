package vn.trithuc.catalog;

import java.util.Objects;
import java.util.UUID;

/** The key of an administrative unit in one period of its life. A code alone is not a key: codes are reused. */
public record AdminUnitId(UUID value) {

	public AdminUnitId {
		Objects.requireNonNull(value, "value");
	}

	public static AdminUnitId of(String text) {
		return new AdminUnitId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
