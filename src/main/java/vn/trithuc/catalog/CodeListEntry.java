package vn.trithuc.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a code list in one version. Entries are never deleted: a retired entry keeps its code so that
 * data recorded with it stays readable.
 *
 * @param status whether the entry was checked against an official text
 * @param retiredOn the first day it may no longer be chosen; null while active
 * @param attributes the list's extra columns ({@link CodeListKind#attributes()})
 */
public record CodeListEntry(CodeListKind kind, String code, String name, int sortOrder, Status status,
		@Nullable LocalDate retiredOn, Map<String, String> attributes) {

	public enum Status {
		VERIFIED, UNVERIFIED;

		public String messageKey() {
			return "catalog.status." + name();
		}
	}

	public CodeListEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		attributes = Map.copyOf(attributes);
	}

	public boolean active() {
		return retiredOn == null;
	}

	public boolean activeOn(LocalDate date) {
		return retiredOn == null || date.isBefore(retiredOn);
	}
}
