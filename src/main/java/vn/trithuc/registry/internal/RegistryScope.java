package vn.trithuc.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;

/**
 * The one place where the people a caller may reach are decided; every registry query goes through it.
 * System administrators reach everybody. HR officers and leaders reach everybody when they have no unit
 * scope, else the people whose current unit lies in their scope (the subtree of their scope unit today,
 * following successor links after merges and splits). Unit officers reach the people of their scope, nobody
 * without one. An intellectual reaches only the profile linked to their own account; anyone else nobody.
 */
@Component
public class RegistryScope {

	private final UserScopes scopes;
	private final OrgUnits units;
	private final Clock clock;

	RegistryScope(UserScopes scopes, OrgUnits units, Clock clock) {
		this.scopes = scopes;
		this.units = units;
		this.clock = clock;
	}

	/** A SQL condition on {@code p} (registry.person) and its parameters. */
	public record Filter(String sql, Map<String, Object> parameters) {
	}

	public Filter filter(Caller caller) {
		var reach = reach(caller);
		return switch (reach.kind()) {
			case ALL -> new Filter("true", Map.of());
			case UNITS -> new Filter("p.current_org_unit = any(cast(:scopeUnits as uuid[]))",
					Map.of("scopeUnits", reach.units().stream().map(UUID::toString).toArray(String[]::new)));
			case OTHER -> new Filter("p.user_account = :scopeUser", Map.of("scopeUser", caller.username()));
			case NONE -> new Filter("false", Map.of());
		};
	}

	/**
	 * The caller's reach, in a form both SQL ({@link #filter}) and an in-memory index can apply: everybody, the people
	 * of these units, nobody, or the intellectual's own profile (only SQL expresses it). The scope unit is read once.
	 */
	public record Reach(Kind kind, @org.jspecify.annotations.Nullable List<UUID> units,
			@org.jspecify.annotations.Nullable UUID root) {

		Reach(Kind kind, @org.jspecify.annotations.Nullable List<UUID> units) {
			this(kind, units, null);
		}

		public enum Kind {
			ALL, UNITS, NONE, OTHER
		}
	}

	public Reach reach(Caller caller) {
		if (caller.has(Role.SYSTEM_ADMINISTRATOR)) {
			return new Reach(Reach.Kind.ALL, null);
		}
		if (caller.hasAny(Role.UNIT_OFFICER, Role.HR_OFFICER, Role.LEADER)) {
			var root = scopes.scopeRoot(caller.username());
			if (root.isEmpty()) {
				// HR officers and leaders without a scope unit reach the province; unit officers nobody
				return caller.hasAny(Role.HR_OFFICER, Role.LEADER) ? new Reach(Reach.Kind.ALL, null)
						: new Reach(Reach.Kind.NONE, List.of());
			}
			var units = subtree(root.get());
			return units.isEmpty() ? new Reach(Reach.Kind.NONE, List.of()) : new Reach(Reach.Kind.UNITS, units, root.get());
		}
		if (caller.has(Role.INTELLECTUAL)) {
			return new Reach(Reach.Kind.OTHER, null);
		}
		return new Reach(Reach.Kind.NONE, List.of());
	}

	/** Whether the caller may see lists of people (search, export) at all. */
	public boolean listsPeople(Caller caller) {
		return caller.hasAny(Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.LEADER, Role.UNIT_OFFICER);
	}

	/** The root unit of the caller's unit scope; empty when the caller reaches everybody or has no unit scope. */
	public java.util.Optional<UUID> scopeRootOf(Caller caller) {
		if (caller.has(Role.SYSTEM_ADMINISTRATOR) || !caller.hasAny(Role.UNIT_OFFICER, Role.HR_OFFICER, Role.LEADER)) {
			return java.util.Optional.empty();
		}
		return scopes.scopeRoot(caller.username());
	}

	/**
	 * Where the caller may place a person today (a position's unit, a new person's unit), worked out once for a
	 * request: every unit in force for those who reach everybody, the units of their scope for the others, none for
	 * those who reach nobody.
	 */
	public Placement placement(Caller caller) {
		var reach = reach(caller);
		var today = LocalDate.now(clock);
		var choices = switch (reach.kind()) {
			case ALL -> units.inForce(today, null);
			case UNITS -> units.inForce(today, reach.units().stream().map(OrgUnitId::new).toList());
			case NONE, OTHER -> List.<OrgUnit>of();
		};
		return new Placement(choices, reach.kind() != Reach.Kind.ALL);
	}

	/**
	 * @param units the units to choose from, by name
	 * @param unitRequired a caller who does not reach everybody must name a unit: a position without one would take
	 *        the person out of the scope at once
	 */
	public record Placement(List<OrgUnit> units, boolean unitRequired) {

		/** What is wrong with {@code value} as the unit of a position the caller records: a message key, or empty. */
		public java.util.Optional<String> problem(@org.jspecify.annotations.Nullable String value) {
			if (value == null || value.isBlank()) {
				return unitRequired ? java.util.Optional.of("registry.orgUnit.requiredInScope") : java.util.Optional.empty();
			}
			return units.stream().anyMatch(u -> u.id().value().toString().equalsIgnoreCase(value.strip()))
					? java.util.Optional.empty() : java.util.Optional.of("registry.orgUnit.notPlaceable");
		}
	}

	/** The units an intellectual may name in a request (any unit in force today), by name. */
	public List<OrgUnit> unitsInForce() {
		return units.inForce(LocalDate.now(clock), null);
	}

	/** The org units of the caller's scope today (subtree, through successors); empty without a scope. */
	List<UUID> unitScope(Caller caller) {
		return scopes.scopeRoot(caller.username()).map(this::subtree).orElse(List.of());
	}

	private List<UUID> subtree(UUID root) {
		return units.scopeAsOf(new OrgUnitId(root), LocalDate.now(clock)).stream().map(OrgUnitId::value).toList();
	}
}
