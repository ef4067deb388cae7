package vn.trithuc.orgunit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitRuleViolation;
import vn.trithuc.orgunit.OrgUnits;

/**
 * Which units the caller may change. Administrators and HR officers without a unit scope change the whole tree;
 * an HR officer with a unit scope changes only units of that scope today (its subtree, through successor links):
 * a new unit comes under a unit of the scope, and the top units of the scope (its roots) are renamed but not moved,
 * merged away, split or dissolved — that would move the officer's own scope. The bulk import is province-wide work.
 */
@Component
class OperationScope {

	private final UserScopes scopes;
	private final OrgUnits units;
	private final Clock clock;

	OperationScope(UserScopes scopes, OrgUnits units, Clock clock) {
		this.scopes = scopes;
		this.units = units;
		this.clock = clock;
	}

	/** The units the caller may change today; empty = the whole tree. */
	Optional<Set<OrgUnitId>> ofCaller() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || has(authentication, Role.SYSTEM_ADMINISTRATOR)) {
			return Optional.empty();
		}
		// writers are administrators and HR officers (access rules); anyone else reaching here is bounded by a scope
		var root = scopes.scopeRoot(authentication.getName());
		if (root.isEmpty()) {
			return has(authentication, Role.HR_OFFICER) ? Optional.empty() : Optional.of(Set.of());
		}
		return Optional.of(units.scopeAsOf(new OrgUnitId(root.get()), today()));
	}

	/** Whether the caller may change {@code unit} at all (shows the operation buttons). */
	boolean reaches(OrgUnitId unit) {
		return ofCaller().map(scope -> scope.contains(unit)).orElse(true);
	}

	/** The unit named in the URL: 403 (the Vietnamese "no permission" page) when outside the caller's scope. */
	void requireReached(OrgUnitId unit) {
		if (!reaches(unit)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/** A unit named in the form (parent, result, inheritor): refused with a message when outside the scope. */
	void requireInside(OrgUnitId unit, String shownAs) {
		if (!reaches(unit)) {
			throw new OrgUnitRuleViolation("orgunit.scope.outside", shownAs);
		}
	}

	/** A unit that ends or leaves its place (moved, merged away, split, dissolved): inside and below the scope's top. */
	void requireBelowTop(OrgUnitId unit, String shownAs) {
		var scope = ofCaller();
		if (scope.isEmpty()) {
			return;
		}
		if (!scope.get().contains(unit)) {
			throw new OrgUnitRuleViolation("orgunit.scope.outside", shownAs);
		}
		var parent = units.find(unit, today()).map(u -> u.parentId());
		if (parent.isEmpty() || !scope.get().contains(parent.get())) {
			throw new OrgUnitRuleViolation("orgunit.scope.top", shownAs);
		}
	}

	/** A new unit's parent: required for a scoped officer (no new top-level units), and inside the scope. */
	void requireParent(@org.jspecify.annotations.Nullable OrgUnitId parent, String shownAs) {
		if (ofCaller().isEmpty()) {
			return;
		}
		if (parent == null) {
			throw new OrgUnitRuleViolation("orgunit.scope.parentRequired");
		}
		requireInside(parent, shownAs);
	}

	/** Whether the caller changes the whole tree (the bulk import). */
	boolean provinceWide() {
		return ofCaller().isEmpty();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static boolean has(Authentication authentication, Role role) {
		return authentication.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
	}
}
