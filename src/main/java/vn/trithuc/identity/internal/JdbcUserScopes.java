package vn.trithuc.identity.internal;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpSession;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.SecurityAudit;
import vn.trithuc.identity.UserScopes;

@Component
@Transactional
class JdbcUserScopes implements UserScopes {

	private final JdbcClient jdbc;
	private final SecurityAudit audit;
	private final AccountSessions sessions;

	JdbcUserScopes(JdbcClient jdbc, SecurityAudit audit, AccountSessions sessions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.sessions = sessions;
	}

	/**
	 * The scope of the logged-in user of the current request is read once a session and kept in it (a change of scope
	 * ends the user's sessions: {@link #assign}); any other user's, or outside a request, one read. Without a
	 * transaction of its own (no commit round trip).
	 */
	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<UUID> scopeRoot(String username) {
		var session = sessionOf(username);
		if (session != null && session.getAttribute(SCOPE_ATTRIBUTE) instanceof SessionScope kept) {
			return Optional.ofNullable(kept.root());
		}
		var root = jdbc
			.sql("select scope_org_unit from identity.user_account where username = :u and scope_org_unit is not null")
			.param("u", UserAccount.normaliseUsername(username)).query(UUID.class).optional();
		if (session != null) {
			session.setAttribute(SCOPE_ATTRIBUTE, new SessionScope(root.orElse(null)));
		}
		return root;
	}

	static final String SCOPE_ATTRIBUTE = "trithuc.scopeRoot";

	/** The scope root as a session keeps it; null: the whole tree, or no scope. */
	record SessionScope(@Nullable UUID root) implements Serializable {
	}

	/** The session of the current request when {@code username} is the user logged in with it; else null. */
	private static @Nullable HttpSession sessionOf(String username) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return null;
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| !UserAccount.normaliseUsername(authentication.getName()).equals(UserAccount.normaliseUsername(username))) {
			return null;
		}
		return request.getRequest().getSession(false);
	}

	/** Sets the scope; the user's sessions end once it is committed (they log in again, with the new scope). */
	@Override
	public void assign(UUID userId, @Nullable UUID orgUnitId, String description) {
		var username = jdbc.sql("update identity.user_account set scope_org_unit = :scope, version = version + 1"
				+ " where id = :id returning username")
			.param("scope", orgUnitId).param("id", userId).query(String.class).optional()
			.orElseThrow(() -> new UserAdministration.UnknownUserException(userId));
		audit.recordScopeChange(username, description);
		sessions.endAllAfterChange(username);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ScopedUser> user(UUID userId) {
		return jdbc.sql("select id, username, display_name, scope_org_unit from identity.user_account where id = :id")
			.param("id", userId)
			.query((rs, n) -> new ScopedUser(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("display_name"), roles(userId), rs.getObject("scope_org_unit", UUID.class)))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ScopedUser> userNamed(String username) {
		return jdbc.sql("select id from identity.user_account where username = :u").param("u", username).query(UUID.class)
			.optional().flatMap(this::user);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<ScopedUser> scopedUsersWithRole(Role role) {
		return jdbc.sql("""
				select a.id, a.username, a.display_name, a.scope_org_unit,
				  (select string_agg(r2.role, ',') from identity.user_role r2 where r2.user_account = a.id) as roles
				from identity.user_account a
				join identity.user_role r on r.user_account = a.id and r.role = :role
				where a.enabled and a.scope_org_unit is not null order by a.username""")
			.param("role", role.name())
			.query((rs, n) -> {
				var roles = EnumSet.noneOf(Role.class);
				java.util.Arrays.stream(rs.getString("roles").split(",")).forEach(r -> roles.add(Role.valueOf(r)));
				return new ScopedUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
						roles, rs.getObject("scope_org_unit", UUID.class));
			}).list();
	}

	private java.util.Set<Role> roles(UUID userId) {
		var roles = EnumSet.noneOf(Role.class);
		jdbc.sql("select role from identity.user_role where user_account = :id").param("id", userId)
			.query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
		return roles;
	}
}
