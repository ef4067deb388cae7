package vn.trithuc.identity;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * Who may reach the URLs matching {@code pattern} (a Spring path pattern such as {@code /admin/**}). Every
 * endpoint must be covered by a rule: anything else is denied, and the route-list access test fails.
 *
 * @param method null for every method
 * @param access who
 * @param roles the roles allowed when {@code access} is {@link Access#ROLES}
 */
public record AccessRule(String pattern, HttpMethod method, Access access, Set<Role> roles) {

	public enum Access {
		/** anyone, logged in or not */
		PUBLIC,
		/** any logged-in user */
		AUTHENTICATED,
		/** logged-in users holding one of the roles */
		ROLES
	}

	public AccessRule {
		if (!pattern.startsWith("/")) {
			throw new IllegalArgumentException("pattern must start with /: " + pattern);
		}
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		if ((access == Access.ROLES) == roles.isEmpty()) {
			throw new IllegalArgumentException("roles are given exactly when access is ROLES: " + pattern);
		}
	}

	public static AccessRule publicAccess(String pattern) {
		return new AccessRule(pattern, null, Access.PUBLIC, Set.of());
	}

	public static AccessRule authenticated(String pattern) {
		return new AccessRule(pattern, null, Access.AUTHENTICATED, Set.of());
	}

	public static AccessRule roles(String pattern, Role... roles) {
		return new AccessRule(pattern, null, Access.ROLES, Set.of(roles));
	}

	public static AccessRule roles(HttpMethod method, String pattern, Role... roles) {
		return new AccessRule(pattern, method, Access.ROLES, Set.of(roles));
	}

	/** Whether a caller holding {@code role} passes this rule ({@code null} = anonymous). */
	public boolean allows(Role role) {
		return switch (access) {
			case PUBLIC -> true;
			case AUTHENTICATED -> role != null;
			case ROLES -> role != null && roles.contains(role);
		};
	}
}
