package vn.trithuc.analytics.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import vn.trithuc.identity.AccessRule;
import vn.trithuc.identity.AccessRules;
import vn.trithuc.identity.Role;
import vn.trithuc.shared.NavigationItem;

/**
 * Who may read statistics: administrators, HR officers, program managers, leaders and unit officers; whose figures
 * each reads is the caller's scope ({@code Questions.scope}: the registry's rule). The people behind a number only for those who may read lists of people in the registry
 * (not program managers, not intellectuals).
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsWebConfiguration {

	static final Role[] READERS = { Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.PROGRAM_MANAGER, Role.LEADER,
			Role.UNIT_OFFICER };
	static final Role[] PEOPLE_READERS = { Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.LEADER, Role.UNIT_OFFICER };

	@Bean
	@Order(30)
	AccessRules analyticsAccessRules() {
		return () -> List.of(AccessRule.roles("/analytics/people", PEOPLE_READERS),
				AccessRule.roles("/analytics/remote-areas/**", Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER),
				AccessRule.roles("/analytics/**", READERS));
	}

	@Bean
	NavigationItem analyticsNavigation() {
		return new NavigationItem("nav.analytics", "nav.analytics.description", "/analytics/dashboard", 200,
				Set.of(Arrays.stream(READERS).map(Role::authority).toArray(String[]::new)));
	}
}
