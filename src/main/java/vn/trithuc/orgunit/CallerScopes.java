package vn.trithuc.orgunit;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;

/**
 * The units whose people and figures a caller reads, for planning and statistics — the rule the registry
 * ({@code RegistryScope}) and the organisation tree ({@code OperationScope}) follow too: the whole province for
 * administrators; HR officers, leaders and unit officers with a scope unit the subtree of that root as of the date
 * asked (where the root's successors are, when it has changed since); HR officers, leaders and program managers
 * without one the whole province (the action program is province-wide work); nobody otherwise (a unit officer
 * without a scope).
 */
@Component
public class CallerScopes {

	private static final List<Role> SCOPED = List.of(Role.HR_OFFICER, Role.LEADER, Role.UNIT_OFFICER);
	private static final List<Role> PROVINCE_WITHOUT_SCOPE = List.of(Role.HR_OFFICER, Role.PROGRAM_MANAGER, Role.LEADER);

	private final UserScopes userScopes;
	private final OrgUnits orgUnits;

	CallerScopes(UserScopes userScopes, OrgUnits orgUnits) {
		this.userScopes = userScopes;
		this.orgUnits = orgUnits;
	}

	/** @return empty: the whole province; else the units reached on {@code date} (none for a unit officer without a scope) */
	public Optional<Set<UUID>> unitsOf(Authentication authentication, LocalDate date) {
		var roles = new HashSet<String>();
		authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(roles::add);
		if (roles.contains(Role.SYSTEM_ADMINISTRATOR.authority())) {
			return Optional.empty();
		}
		if (SCOPED.stream().anyMatch(r -> roles.contains(r.authority()))) {
			var root = userScopes.scopeRoot(authentication.getName());
			if (root.isPresent()) {
				var units = new HashSet<UUID>();
				orgUnits.scopeAsOf(new OrgUnitId(root.get()), date).forEach(u -> units.add(u.value()));
				return Optional.of(units);
			}
		}
		return PROVINCE_WITHOUT_SCOPE.stream().anyMatch(r -> roles.contains(r.authority())) ? Optional.empty()
				: Optional.of(Set.of());
	}
}
