package vn.trithuc.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which part of the organisation tree a user works in. Identity only stores the root (an org unit id);
 * the orgunit module expands it to a subtree as of a date and follows successor links when units change.
 */
public interface UserScopes {

	/** The scope root of {@code username}; empty = the whole tree, or no scope yet for a unit officer. */
	Optional<UUID> scopeRoot(String username);

	/**
	 * Sets (or clears, with null) the scope of a user; recorded in the security audit log. The user's sessions end:
	 * they log in again, with the new scope.
	 */
	void assign(UUID userId, @Nullable UUID orgUnitId, String description);

	/**
	 * The enabled users holding {@code role} who have a scope (a unit's officers and leaders), for notices that
	 * go to the people of one unit; users without a scope (the whole tree) are not listed.
	 */
	java.util.List<ScopedUser> scopedUsersWithRole(Role role);

	/** A user as scope pages show it; empty for an unknown id. */
	Optional<ScopedUser> user(UUID userId);

	/** {@link #user(UUID)} by user name. */
	Optional<ScopedUser> userNamed(String username);

	record ScopedUser(UUID id, String username, String displayName, Set<Role> roles, @Nullable UUID scopeRoot) {
	}
}
