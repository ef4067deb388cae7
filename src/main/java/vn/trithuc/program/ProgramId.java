package vn.trithuc.program;

import java.util.Objects;
import java.util.UUID;

/** The identity of an action program or of a higher document of its cascade. */
public record ProgramId(UUID id) {

	public ProgramId {
		Objects.requireNonNull(id, "id");
	}

	public static ProgramId of(UUID id) {
		return new ProgramId(id);
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
