package vn.trithuc.registry.web;

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
 * Who may reach the registry. HR officers and administrators read and write everything; unit officers read and
 * write within their scope ({@code RegistryScope}); leaders read (masked); an intellectual reads only their own
 * profile (other ids answer 404). Program managers get statistics later, no lists of people.
 */
@Configuration(proxyBeanMethods = false)
class RegistryWebConfiguration {

	private static final Role[] WRITERS = { Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.UNIT_OFFICER };
	private static final Role[] READERS = { Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.UNIT_OFFICER, Role.LEADER };
	private static final Role[] OFFICERS = { Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR };

	@Bean
	@Order(20)
	AccessRules registryAccessRules() {
		return () -> List.of(
				AccessRule.roles("/registry/me", Role.INTELLECTUAL),
				AccessRule.roles("/registry/me/**", Role.INTELLECTUAL),
				// evidence files: officers who reach the person (scope), and the person (own requests only)
				AccessRule.roles(HttpMethod.GET, "/registry/requests/*/files/*", Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR,
						Role.UNIT_OFFICER, Role.INTELLECTUAL),
				AccessRule.roles("/registry/erasures/**", WRITERS),
				AccessRule.roles("/registry/requests", WRITERS),
				// event invitations: the expert finder in the caller's scope; only people who consented are contacted
				AccessRule.roles("/registry/event-invitations", WRITERS),
				AccessRule.roles("/registry/requests/**", WRITERS),
				// the public expert directory: only people who consented, no identifiers
				AccessRule.publicAccess("/directory"),
				// an invitation link: the token is the secret (one-time, expiring); the page opens an intellectual account
				AccessRule.publicAccess("/invitation/*"),
				// an invitation opens the person's account, which sees the whole profile: for those who see it (ProfileVisibility)
				AccessRule.roles(HttpMethod.POST, "/registry/people/*/invite", OFFICERS),
				AccessRule.roles("/registry/duplicates", OFFICERS),
				AccessRule.roles("/registry/import", OFFICERS),
				AccessRule.roles("/registry/import/**", OFFICERS),
				AccessRule.roles("/registry/duplicates/**", OFFICERS),
				AccessRule.roles("/registry/people/export.*", READERS),
				AccessRule.roles(HttpMethod.GET, "/registry/experts", READERS),
				AccessRule.roles(HttpMethod.GET, "/api/v1/registry/experts", READERS),
				// saved searches: each user sees only their own (404 otherwise); running one applies the scope again
				AccessRule.roles("/registry/searches", READERS),
				AccessRule.roles("/registry/searches/**", READERS),
				AccessRule.roles("/registry/people/new", WRITERS),
				AccessRule.roles(HttpMethod.GET, "/registry/admin-units/communes", WRITERS),
				AccessRule.roles("/registry/people/*/edit", WRITERS),
				AccessRule.roles("/registry/people/*/parts/**", WRITERS),
				AccessRule.roles("/registry/people/*/history", OFFICERS),
				AccessRule.roles("/registry/people/*/merge", OFFICERS),
				// a photo is shown to whoever reaches the profile (the same scope check), set and removed by its editors
				AccessRule.roles(HttpMethod.GET, "/registry/people/*/photo", Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR,
						Role.UNIT_OFFICER, Role.LEADER, Role.INTELLECTUAL),
				AccessRule.roles("/registry/people/*/photo", WRITERS),
				AccessRule.roles("/registry/people/*/photo/delete", WRITERS),
				AccessRule.roles(HttpMethod.GET, "/registry/people/*", Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR,
						Role.UNIT_OFFICER, Role.LEADER, Role.INTELLECTUAL),
				AccessRule.roles(HttpMethod.GET, "/registry/people", READERS),
				AccessRule.roles(HttpMethod.GET, "/api/v1/registry/people", READERS),
				AccessRule.roles(HttpMethod.GET, "/api/v1/registry/people/*", Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR,
						Role.UNIT_OFFICER, Role.LEADER, Role.INTELLECTUAL));
	}

	@Bean
	NavigationItem peopleNavigation() {
		return new NavigationItem("nav.registry.people", "nav.registry.people.description", "/registry/people", 100,
				authorities(READERS));
	}

	@Bean
	NavigationItem expertsNavigation() {
		return new NavigationItem("nav.registry.experts", "nav.registry.experts.description", "/registry/experts", 102,
				authorities(READERS));
	}

	@Bean
	NavigationItem duplicatesNavigation() {
		return new NavigationItem("nav.registry.duplicates", "nav.registry.duplicates.description", "/registry/duplicates",
				110, authorities(OFFICERS));
	}

	@Bean
	NavigationItem importNavigation() {
		return new NavigationItem("nav.registry.import", "nav.registry.import.description", "/registry/import", 105,
				authorities(OFFICERS));
	}

	@Bean
	NavigationItem requestsNavigation() {
		return new NavigationItem("nav.registry.requests", "nav.registry.requests.description", "/registry/requests", 108,
				authorities(WRITERS));
	}

	@Bean
	NavigationItem eventInvitationsNavigation() {
		return new NavigationItem("nav.registry.eventInvitations", "nav.registry.eventInvitations.description",
				"/registry/event-invitations", 109, authorities(WRITERS));
	}

	@Bean
	NavigationItem ownProfileNavigation() {
		return new NavigationItem("nav.registry.me", "nav.registry.me.description", "/registry/me", 100,
				authorities(Role.INTELLECTUAL));
	}

	private static Set<String> authorities(Role... roles) {
		return Set.of(java.util.Arrays.stream(roles).map(Role::authority).toArray(String[]::new));
	}
}
