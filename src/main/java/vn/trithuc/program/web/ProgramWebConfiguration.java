package vn.trithuc.program.web;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

import vn.trithuc.identity.AccessRule;
import vn.trithuc.identity.AccessRules;
import vn.trithuc.identity.Role;
import vn.trithuc.shared.NavigationItem;

/**
 * Who may reach the program pages: the program manager and the administrator write; leaders, HR and unit
 * officers read; intellectuals do not see the program monitoring. Unit officers also fill and submit their
 * unit's reports; returning and accepting them is the program manager's.
 */
@Configuration(proxyBeanMethods = false)
class ProgramWebConfiguration {

	static final Role[] WRITERS = { Role.PROGRAM_MANAGER, Role.SYSTEM_ADMINISTRATOR };
	static final Role[] READERS = { Role.PROGRAM_MANAGER, Role.SYSTEM_ADMINISTRATOR, Role.LEADER, Role.HR_OFFICER,
			Role.UNIT_OFFICER };
	static final Role[] REVIEW_READERS = { Role.PROGRAM_MANAGER, Role.SYSTEM_ADMINISTRATOR, Role.LEADER };
	static final Role[] REPORTERS = { Role.PROGRAM_MANAGER, Role.SYSTEM_ADMINISTRATOR, Role.UNIT_OFFICER };

	@Bean
	@Order(30)
	AccessRules programAccessRules() {
		return () -> List.of(
				// notices: every signed-in user reads and marks only their own (the controller asks by user name)
				AccessRule.authenticated("/notices"), AccessRule.authenticated("/notices/**"),
				// unit reports: unit officers fill and submit; the commission returns, accepts, reopens
				AccessRule.roles(HttpMethod.POST, "/program/reports/*/return", WRITERS),
				AccessRule.roles(HttpMethod.POST, "/program/reports/*/accept", WRITERS),
				AccessRule.roles(HttpMethod.POST, "/program/reports/*/reopen", WRITERS),
				AccessRule.roles(HttpMethod.POST, "/program/reports/**", REPORTERS),
				// units answer recommendations and record their dissemination sessions
				AccessRule.roles(HttpMethod.POST, "/program/recommendations/*/respond", REPORTERS),
				AccessRule.roles(HttpMethod.POST, "/program/programs/*/dissemination", REPORTERS),
				// grassroots organisations make their own plans under the program
				AccessRule.roles(HttpMethod.POST, "/program/programs/*/plans", REPORTERS),
				AccessRule.roles(HttpMethod.POST, "/program/plans/*/tasks", REPORTERS),
				// consolidated review reports span every unit: the commission and leaders read them
				AccessRule.roles(HttpMethod.GET, "/program/reviews/**", REVIEW_READERS),
				AccessRule.roles(HttpMethod.GET, "/program/**", READERS),
				AccessRule.roles(HttpMethod.POST, "/program/**", WRITERS),
				AccessRule.roles(HttpMethod.GET, "/api/v1/program/**", READERS));
	}

	@Bean
	NavigationItem programNavigation() {
		return new NavigationItem("nav.program", "nav.program.description", "/program/programs", 300,
				Set.of(java.util.Arrays.stream(READERS).map(Role::authority).toArray(String[]::new)));
	}
}
