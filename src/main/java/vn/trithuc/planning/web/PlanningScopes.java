package vn.trithuc.planning.web;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.trithuc.orgunit.CallerScopes;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.planning.internal.Scope;

/** The caller's scope in planning: {@link CallerScopes}' rule, and the units a caller picks from. */
@Component
class PlanningScopes {

	private final CallerScopes callerScopes;
	private final OrgUnits orgUnits;

	PlanningScopes(CallerScopes callerScopes, OrgUnits orgUnits) {
		this.callerScopes = callerScopes;
		this.orgUnits = orgUnits;
	}

	Scope of(Authentication authentication, LocalDate date) {
		return callerScopes.unitsOf(authentication, date).map(Scope::of).orElse(Scope.PROVINCE);
	}

	/** The caller's scope narrowed to the subtree of {@code unit} when given. */
	Scope of(Authentication authentication, LocalDate date, @Nullable UUID unit) {
		var scope = of(authentication, date);
		if (unit == null) {
			return scope;
		}
		if (!scope.includes(unit)) {
			// a unit outside the caller's scope (or unknown): no hint that it exists, not even its name
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		var subtree = new HashSet<UUID>();
		orgUnits.subtreeAsOf(new OrgUnitId(unit), date).forEach(u -> subtree.add(u.value()));
		return scope.within(subtree);
	}

	/** The units of the caller's scope on {@code date}, by name (for choosing a unit). */
	List<vn.trithuc.orgunit.OrgUnit> units(Authentication authentication, LocalDate date) {
		var scope = of(authentication, date);
		return orgUnits.inForce(date, scope.whole() ? null : scope.units().stream().map(OrgUnitId::new).toList());
	}

	/** The subtree of {@code unit} on {@code date}, as plain ids. */
	Set<UUID> subtree(UUID unit, LocalDate date) {
		var ids = new HashSet<UUID>();
		orgUnits.subtreeAsOf(new OrgUnitId(unit), date).forEach(u -> ids.add(u.value()));
		return ids;
	}

	/** The unit in force on {@code date} with this code. */
	java.util.Optional<UUID> unitByCode(String code, LocalDate date) {
		return orgUnits.findByCode(code.strip()).filter(u -> u.inForceOn(date)).map(u -> u.id().value());
	}

	static Set<String> roles(Authentication authentication) {
		var roles = new HashSet<String>();
		authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(roles::add);
		return roles;
	}

	static boolean seesPeople(Authentication authentication) {
		var roles = roles(authentication);
		return List.of(PlanningWebConfiguration.PEOPLE_READERS).stream().anyMatch(r -> roles.contains(r.authority()));
	}

	static boolean edits(Authentication authentication) {
		var roles = roles(authentication);
		return List.of(PlanningWebConfiguration.EDITORS).stream().anyMatch(r -> roles.contains(r.authority()));
	}
}
