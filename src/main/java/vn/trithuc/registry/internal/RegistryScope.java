package vn.trithuc.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;

/**
 * The one place where the people a caller may reach are decided; every registry query goes through it.
 * HR officers and system administrators reach everybody; leaders read everybody (masked, read-only) until
 * scopes by org subtree exist; a unit officer reaches the people whose current unit is in their scope — the
 * scope comes with the orgunit module, so for now it is empty and unit officers reach nobody; an intellectual
 * reaches only the profile linked to their own account; anyone else nobody.
 */
@Component
public class RegistryScope {

	/** A SQL condition on {@code p} (registry.person) and its parameters. */
	public record Filter(String sql, Map<String, Object> parameters) {
	}

	public Filter filter(Caller caller) {
		if (caller.hasAny(Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.LEADER)) {
			return new Filter("true", Map.of());
		}
		if (caller.has(Role.UNIT_OFFICER)) {
			var units = unitScope(caller);
			if (units.isEmpty()) {
				return new Filter("false", Map.of());
			}
			return new Filter("p.current_org_unit = any(cast(:scopeUnits as uuid[]))",
					Map.of("scopeUnits", units.stream().map(UUID::toString).toArray(String[]::new)));
		}
		if (caller.has(Role.INTELLECTUAL)) {
			return new Filter("p.user_account = :scopeUser", Map.of("scopeUser", caller.username()));
		}
		return new Filter("false", Map.of());
	}

	/** Whether the caller may see lists of people (search, export) at all. */
	public boolean listsPeople(Caller caller) {
		return caller.hasAny(Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.LEADER, Role.UNIT_OFFICER);
	}

	/** The org units (subtree, expanded) of a unit officer; empty until the orgunit module provides scopes. */
	List<UUID> unitScope(Caller caller) {
		return List.of();
	}
}
