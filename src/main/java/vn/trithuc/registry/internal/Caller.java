package vn.trithuc.registry.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import vn.trithuc.identity.Role;

/** Who is asking: the user name and roles of the logged-in user. */
public record Caller(String username, Set<Role> roles) {

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public static Caller of(String username, Collection<String> authorities) {
		var roles = EnumSet.noneOf(Role.class);
		for (var role : Role.values()) {
			if (authorities.contains(role.authority())) {
				roles.add(role);
			}
		}
		return new Caller(username, roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... any) {
		for (var role : any) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}
}
