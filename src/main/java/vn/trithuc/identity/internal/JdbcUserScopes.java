package vn.trithuc.identity.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.SecurityAudit;
import vn.trithuc.identity.UserScopes;

@Component
@Transactional
class JdbcUserScopes implements UserScopes {

	private final JdbcClient jdbc;
	private final SecurityAudit audit;

	JdbcUserScopes(JdbcClient jdbc, SecurityAudit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** One read on every scoped request: in the caller's transaction if any, else without one (no commit round trip). */
	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Optional<UUID> scopeRoot(String username) {
		return jdbc.sql("select scope_org_unit from identity.user_account where username = :u and scope_org_unit is not null")
			.param("u", UserAccount.normaliseUsername(username)).query(UUID.class).optional();
	}

	@Override
	public void assign(UUID userId, @Nullable UUID orgUnitId, String description) {
		var username = jdbc.sql("update identity.user_account set scope_org_unit = :scope, version = version + 1"
				+ " where id = :id returning username")
			.param("scope", orgUnitId).param("id", userId).query(String.class).optional()
			.orElseThrow(() -> new UserAdministration.UnknownUserException(userId));
		audit.recordScopeChange(username, description);
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
