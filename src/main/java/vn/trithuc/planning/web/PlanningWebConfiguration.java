package vn.trithuc.planning.web;

import java.util.Arrays;
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
 * Who may plan: forecasts and tables for administrators, HR officers, program managers, leaders (the whole province)
 * and unit officers (their scope); the people behind a number for those who may read lists of people (not program
 * managers); changes (overrides, needs, scenarios, job positions) for administrators, HR officers and unit officers.
 */
@Configuration(proxyBeanMethods = false)
class PlanningWebConfiguration {

	static final Role[] READERS = { Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.PROGRAM_MANAGER, Role.LEADER,
			Role.UNIT_OFFICER };
	static final Role[] PEOPLE_READERS = { Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.LEADER, Role.UNIT_OFFICER };
	static final Role[] EDITORS = { Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.UNIT_OFFICER };

	@Bean
	@Order(31)
	AccessRules planningAccessRules() {
		return () -> List.of(AccessRule.roles(HttpMethod.POST, "/planning/**", EDITORS),
				AccessRule.roles("/planning/retirements/people/**", PEOPLE_READERS),
				AccessRule.roles("/planning/positions/people/**", PEOPLE_READERS),
				AccessRule.roles("/planning/positions/fostering.xlsx", PEOPLE_READERS),
				AccessRule.roles("/planning/**", READERS), AccessRule.roles("/planning", READERS));
	}

	@Bean
	NavigationItem planningNavigation() {
		return new NavigationItem("nav.planning", "nav.planning.description", "/planning", 210,
				Set.of(Arrays.stream(READERS).map(Role::authority).toArray(String[]::new)));
	}
}
