package vn.trithuc.catalog.web;

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
 * Who may reach the catalog: administrators change it; HR officers and program managers look at it; every
 * logged-in user may read the API (forms of other modules fill their selects from it).
 */
@Configuration(proxyBeanMethods = false)
class CatalogWebConfiguration {

	static final Role[] VIEWERS = { Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.PROGRAM_MANAGER };

	@Bean
	@Order(20)
	AccessRules catalogAccessRules() {
		return () -> List.of(
				AccessRule.roles(HttpMethod.GET, "/api/v1/catalog/**", Role.values()),
				AccessRule.roles(HttpMethod.POST, "/catalog/**", Role.SYSTEM_ADMINISTRATOR),
				AccessRule.roles(HttpMethod.GET, "/catalog/lists/*/import", Role.SYSTEM_ADMINISTRATOR),
				AccessRule.roles(HttpMethod.GET, "/catalog/lists/*/import/**", Role.SYSTEM_ADMINISTRATOR),
				AccessRule.roles(HttpMethod.GET, "/catalog", VIEWERS),
				AccessRule.roles(HttpMethod.GET, "/catalog/**", VIEWERS));
	}

	@Bean
	NavigationItem catalogNavigation() {
		return new NavigationItem("nav.catalog", "nav.catalog.description", "/catalog", 800,
				Set.of(java.util.Arrays.stream(VIEWERS).map(Role::authority).toArray(String[]::new)));
	}
}
