package vn.trithuc.analytics.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.trithuc.analytics.internal.Statistics;
import vn.trithuc.analytics.internal.Statistics.Question;
import vn.trithuc.analytics.internal.Statistics.Scope;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/** The question every statistics page asks: as of which date, within which boundaries, for whom (the caller's scope). */
@Component
class Questions {

	private final Statistics statistics;
	private final vn.trithuc.orgunit.CallerScopes callerScopes;
	private final vn.trithuc.analytics.internal.AnalyticsSettings settings;
	private final TypedDates dates;

	Questions(Statistics statistics, vn.trithuc.orgunit.CallerScopes callerScopes,
			vn.trithuc.analytics.internal.AnalyticsSettings settings, TypedDates dates) {
		this.dates = dates;
		this.settings = settings;
		this.statistics = statistics;
		this.callerScopes = callerScopes;
	}

	/**
	 * The question asked; a date that cannot be read is told beside the field (kept as typed) and today's figures are
	 * shown.
	 */
	Question question(String asOf, String boundaries, Authentication authentication, Model model) {
		var dateErrors = new HashMap<String, String>();
		var typed = dates.read(asOf, "asOf", dateErrors);
		var date = typed == null ? statistics.today() : typed;
		model.addAttribute("dateErrors", dateErrors);
		model.addAttribute("asOfTyped", dateErrors.isEmpty() ? Formats.DATE.format(date) : asOf);
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

	/** The caller's scope: {@link vn.trithuc.orgunit.CallerScopes}' rule. */
	Scope scope(Authentication authentication, LocalDate date) {
		return callerScopes.unitsOf(authentication, date).map(Scope::new).orElse(Scope.PROVINCE);
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
