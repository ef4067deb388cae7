package vn.trithuc.program.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.program.UnitReports;

/**
 * Which unit reports a caller may open: the commission and administrators every report; a unit officer
 * only the reports of units inside their unit scope today (following successor links), none without a
 * scope or for a reporting unit not linked to the organisation tree; other readers (leaders, HR) read them.
 * Inspections, their recommendations and dissemination sessions follow the same rule through their reporting unit.
 */
@Component
class ReportScope {

	private final UserScopes scopes;
	private final OrgUnits units;
	private final Clock clock;

	/** Unit officers act only for units in their scope; everybody else the rules let in acts for any unit. */
	static boolean limited(Authentication caller) {
		var roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return roles.contains(Role.UNIT_OFFICER.authority()) && !roles.contains(Role.PROGRAM_MANAGER.authority())
				&& !roles.contains(Role.SYSTEM_ADMINISTRATOR.authority());
	}

	ReportScope(UserScopes scopes, OrgUnits units, Clock clock) {
		this.scopes = scopes;
		this.units = units;
		this.clock = clock;
	}

	boolean mayOpen(Authentication caller, UnitReports.Report report) {
		return mayReach(caller, report.unit());
	}

	/** The same rule for anything that belongs to a reporting unit (inspections, recommendations, dissemination). */
	boolean mayReach(Authentication caller, UnitReports.ReportingUnit reportingUnit) {
		return mayActFor(caller, reportingUnit.orgUnitId());
	}

	/** Whether the caller may act for the unit linked to {@code orgUnit} (its reports, plans, answers, sessions). */
	boolean mayActFor(Authentication caller, @Nullable UUID orgUnit) {
		return rule(caller).test(orgUnit);
	}

	/**
	 * The rule of {@link #mayActFor} for one caller, their scope worked out once: for pages that list many units. A unit
	 * ended by a reorganisation is reached through the units carrying it on today.
	 */
	Predicate<@Nullable UUID> rule(Authentication caller) {
		if (!limited(caller)) {
			return unit -> true;
		}
		var root = scopes.scopeRoot(caller.getName());
		if (root.isEmpty()) {
			return unit -> false;
		}
		var scope = units.scopeAsOf(new OrgUnitId(root.get()), LocalDate.now(clock));
		return unit -> unit != null && (scope.contains(new OrgUnitId(unit))
				|| units.currentSuccessors(new OrgUnitId(unit)).stream().anyMatch(scope::contains));
	}
}
