package vn.trithuc.analytics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.trithuc.analytics.internal.Statistics;
import vn.trithuc.analytics.internal.Statistics.Question;
import vn.trithuc.analytics.internal.Statistics.Scope;
import vn.trithuc.identity.Role;
import vn.trithuc.shared.Formats;

/** The question every statistics page asks: as of which date, within which boundaries, for whom (the caller's scope). */
@Component
class Questions {

	private final Statistics statistics;
	private final vn.trithuc.identity.UserScopes userScopes;
	private final vn.trithuc.orgunit.OrgUnits orgUnits;

	private final vn.trithuc.analytics.internal.AnalyticsSettings settings;

	Questions(Statistics statistics, vn.trithuc.identity.UserScopes userScopes, vn.trithuc.orgunit.OrgUnits orgUnits,
			vn.trithuc.analytics.internal.AnalyticsSettings settings) {
		this.settings = settings;
		this.statistics = statistics;
		this.userScopes = userScopes;
		this.orgUnits = orgUnits;
	}

	Question question(String asOf, String boundaries, Authentication authentication, Model model) {
		LocalDate date = statistics.today();
		if (asOf != null && !asOf.isBlank()) {
			try {
				date = Formats.parseDate(asOf);
			}
			catch (DateTimeParseException e) {
				model.addAttribute("asOfInvalid", true);
			}
		}
		var chosen = "current".equals(boundaries) || "legacy".equals(boundaries) ? boundaries : "asOf";
		model.addAttribute("asOf", Formats.DATE.format(date));
		model.addAttribute("boundaries", chosen);
		model.addAttribute("legacyBoundaries", Formats.DATE.format(settings.legacyBoundaries()));
		model.addAttribute("isToday", date.equals(statistics.today()));
		var scope = scope(authentication, date);
		model.addAttribute("scopeUnits", scope.whole() ? null : scope.orgUnits().size());
		var within = switch (chosen) {
			case "current" -> statistics.today();
			case "legacy" -> settings.legacyBoundaries();
			default -> date;
		};
		return new Question(date, within, scope);
	}

	static Set<String> roles(Authentication authentication) {
		var roles = new LinkedHashSet<String>();
		authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(roles::add);
		return roles;
	}

	/**
	 * The caller's scope, by the rule the registry ({@code RegistryScope}), the organisation tree
	 * ({@code OperationScope}) and planning ({@code PlanningScopes}) follow: the whole province for administrators; HR
	 * officers, leaders and unit officers with a scope unit the subtree of that root as of the date asked (where the
	 * root's successors are, when it has changed since); HR officers, leaders and program managers without one the whole
	 * province; nobody otherwise (a unit officer without a scope).
	 */
	Scope scope(Authentication authentication, LocalDate date) {
		var roles = roles(authentication);
		if (roles.contains(Role.SYSTEM_ADMINISTRATOR.authority())) {
			return Scope.PROVINCE;
		}
		boolean scoped = List.of(Role.HR_OFFICER, Role.LEADER, Role.UNIT_OFFICER).stream()
			.anyMatch(r -> roles.contains(r.authority()));
		var root = scoped ? userScopes.scopeRoot(authentication.getName()) : java.util.Optional.<java.util.UUID>empty();
		if (root.isPresent()) {
			var units = new java.util.HashSet<java.util.UUID>();
			var rootId = new vn.trithuc.orgunit.OrgUnitId(root.get());
			var roots = orgUnits.find(rootId, date).isPresent() ? Set.of(rootId) : orgUnits.successors(rootId, date);
			for (var r : roots) {
				orgUnits.subtreeAsOf(r, date).forEach(u -> units.add(u.value()));
			}
			return new Scope(units);
		}
		for (var role : List.of(Role.HR_OFFICER, Role.PROGRAM_MANAGER, Role.LEADER)) {
			if (roles.contains(role.authority())) {
				return Scope.PROVINCE;
			}
		}
		return new Scope(Set.of());
	}

	/**
	 * A unit named in a request (a drill-down's cell) must lie within the caller's scope: one outside it (or unknown)
	 * is answered 404, with no hint that it exists, not even its name.
	 */
	static void requireWithin(Scope scope, String unit) {
		if (scope.whole()) {
			return;
		}
		java.util.UUID id;
		try {
			id = java.util.UUID.fromString(unit);
		}
		catch (IllegalArgumentException e) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		if (!scope.orgUnits().contains(id)) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
	}

}
