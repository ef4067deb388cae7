package vn.trithuc.orgunit.web;

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
 * Who may reach the organisation tree: administrators and HR officers change it; program managers, leaders and
 * unit officers read it; intellectuals do not see it.
 */
@Configuration(proxyBeanMethods = false)
class OrgUnitWebConfiguration {

	static final Role[] WRITERS = { Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER };
	static final Role[] READERS = { Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.PROGRAM_MANAGER, Role.LEADER,
			Role.UNIT_OFFICER };

	@Bean
	@Order(20)
	AccessRules orgUnitAccessRules() {
		return () -> List.of(
				AccessRule.roles("/orgunit/scopes/**", Role.SYSTEM_ADMINISTRATOR),
				AccessRule.roles("/orgunit/operations/**", WRITERS),
				AccessRule.roles(HttpMethod.GET, "/orgunit/**", READERS),
				AccessRule.roles(HttpMethod.GET, "/api/v1/orgunit/**", READERS));
	}

	@Bean
	NavigationItem orgUnitNavigation() {
		return new NavigationItem("nav.orgunit", "nav.orgunit.description", "/orgunit/units", 200,
				Set.of(java.util.Arrays.stream(READERS).map(Role::authority).toArray(String[]::new)));
	}
}
