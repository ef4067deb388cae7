package vn.trithuc.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One version of a code list: the initial load, or a change made by an administrator. */
public record CodeListVersion(CodeListKind kind, int version, Instant createdAt, String createdBy, Change change,
		@Nullable String note, int entries, int activeEntries) {

	public enum Change {
		INITIAL, ADDED, RETIRED, IMPORTED;

		public String messageKey() {
			return "catalog.change." + name();
		}
	}
}
