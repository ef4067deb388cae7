package vn.trithuc.registry;

import java.util.Objects;
import java.util.UUID;

/** The key of a person in the registry. */
public record PersonId(UUID value) {

	public PersonId {
		Objects.requireNonNull(value, "value");
	}

	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
