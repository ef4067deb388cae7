package vn.trithuc.identity.web;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import vn.trithuc.identity.AccessRule;
import vn.trithuc.identity.AccessRules;
import vn.trithuc.identity.Role;
import vn.trithuc.shared.NavigationItem;

/** Who may reach the identity pages, and their place in the navigation. */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration {

	@Bean
	@Order(10)
	AccessRules identityAccessRules() {
		return () -> List.of(
				AccessRule.authenticated("/account/**"),
				AccessRule.authenticated("/api/v1/identity/me"),
				AccessRule.roles("/admin/users", Role.SYSTEM_ADMINISTRATOR),
				AccessRule.roles("/admin/security-events", Role.SYSTEM_ADMINISTRATOR),
				AccessRule.roles("/admin/security-events/**", Role.SYSTEM_ADMINISTRATOR),
				AccessRule.roles("/admin/users/**", Role.SYSTEM_ADMINISTRATOR));
	}

	@Bean
	NavigationItem userAdministrationNavigation() {
		return new NavigationItem("nav.users", "nav.users.description", "/admin/users", 900,
				Set.of(Role.SYSTEM_ADMINISTRATOR.authority()));
	}

	@Bean
	NavigationItem securityEventsNavigation() {
		return new NavigationItem("nav.securityEvents", "nav.securityEvents.description", "/admin/security-events", 910,
				Set.of(Role.SYSTEM_ADMINISTRATOR.authority()));
	}

	@Bean
	NavigationItem secondFactorNavigation() {
		return new NavigationItem("nav.account.secondFactor", "nav.account.secondFactor.description",
				"/account/second-factor", 992, allRoles());
	}

	@Bean
	NavigationItem sessionsNavigation() {
		return new NavigationItem("nav.account.sessions", "nav.account.sessions.description", "/account/sessions", 994,
				allRoles());
	}

	private static Set<String> allRoles() {
		return Set.of(java.util.Arrays.stream(Role.values()).map(Role::authority).toArray(String[]::new));
	}

	@Bean
	NavigationItem accountNavigation() {
		return new NavigationItem("nav.account.password", "nav.account.password.description", "/account/password", 990,
				Set.of(java.util.Arrays.stream(Role.values()).map(Role::authority).toArray(String[]::new)));
	}
}
