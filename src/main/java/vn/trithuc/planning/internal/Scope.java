package vn.trithuc.planning.internal;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which people a caller plans for: the whole province, or the people whose current unit lies in a set of org units
 * (a unit officer's subtree; optionally narrowed to one unit's subtree).
 */
public record Scope(boolean whole, Set<UUID> units) {

	public static final Scope PROVINCE = new Scope(true, Set.of());

	public Scope {
		units = Set.copyOf(units);
	}

	public static Scope of(Set<UUID> units) {
		return new Scope(false, units);
	}

	public boolean includes(@Nullable UUID unit) {
		return whole || unit != null && units.contains(unit);
	}

	/** This scope narrowed to {@code subtree}. */
	public Scope within(Set<UUID> subtree) {
		if (whole) {
			return of(subtree);
		}
		var both = new java.util.HashSet<>(units);
		both.retainAll(subtree);
		return of(both);
	}
}
