package vn.trithuc.program.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.shared.Formats;

/**
 * Who is told about a reporting unit: the users of a role whose unit scope covers the unit today (the same rule
 * as the report pages: a unit ended by a reorganisation is covered through the units carrying it on). Users
 * without a scope (the whole tree) are not told about each unit; a unit not linked to the tree has nobody.
 */
@Component
class NoticeRecipients {

	private final UserScopes scopes;
	private final OrgUnits units;
	private final Clock clock;

	NoticeRecipients(UserScopes scopes, OrgUnits units, Clock clock) {
		this.scopes = scopes;
		this.units = units;
		this.clock = clock;
	}

	List<String> covering(@Nullable UUID orgUnit, Role role) {
		if (orgUnit == null) {
			return List.of();
		}
		var today = LocalDate.now(clock.withZone(Formats.ZONE));
		var id = new OrgUnitId(orgUnit);
		// a scope covers the unit when a unit its root leads to today is the unit, one carrying it on, or above them
		var covering = new HashSet<OrgUnitId>();
		var targets = new HashSet<>(units.currentSuccessors(id));
		targets.add(id);
		for (var target : targets) {
			covering.add(target);
			units.ancestors(target, today).forEach(a -> covering.add(a.id()));
		}
		var byRoot = new HashMap<UUID, Boolean>();
		return scopes.scopedUsersWithRole(role).stream()
			.filter(user -> user.scopeRoot() != null && byRoot.computeIfAbsent(user.scopeRoot(),
					root -> units.successors(new OrgUnitId(root), today).stream().anyMatch(covering::contains)))
			.map(UserScopes.ScopedUser::username).toList();
	}

	/** The unit as the tree shows it today (or on its last day), for its head contact. */
	Optional<OrgUnit> unit(@Nullable UUID orgUnit) {
		return orgUnit == null ? Optional.empty() : units.find(new OrgUnitId(orgUnit));
	}
}
