package vn.trithuc.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Many people were loaded at once without one event each (an import, demo data, benchmarks). When {@link #people()}
 * names them, listeners that keep their own copies read those people only; when it is null ("everything changed",
 * {@link #everything(long)}), they re-read everybody.
 */
public record PeopleBulkLoaded(long count, @Nullable List<PersonId> people) {

	public PeopleBulkLoaded {
		people = people == null ? null : List.copyOf(people);
	}

	/** Everything may have changed: listeners re-read everybody. */
	public PeopleBulkLoaded(long count) {
		this(count, null);
	}

	public static PeopleBulkLoaded everything(long count) {
		return new PeopleBulkLoaded(count, null);
	}

	/** These people (new ones or changed ones) were loaded. */
	public static PeopleBulkLoaded of(List<PersonId> people) {
		return new PeopleBulkLoaded(people.size(), people);
	}

	/** True when the loaded people are not named and everybody must be read again. */
	public boolean everybody() {
		return people == null;
	}
}
