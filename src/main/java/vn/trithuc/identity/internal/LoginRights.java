package vn.trithuc.identity.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;

/**
 * Whether a login still holds: its account exists and is enabled, and every role the login carries is still the
 * account's. Asked once a new login's session is stored ({@link LastAccessThrottle}): a login that read the roles just
 * before an administrator's change committed, and stored its session just after the change ended the user's sessions,
 * would otherwise keep the old roles until it ends.
 */
@Component
class LoginRights {

	private final UserAccounts accounts;

	LoginRights(UserAccounts accounts) {
		this.accounts = accounts;
	}

	boolean hold(Authentication login) {
		var account = accounts.findByUsername(login.getName());
		if (account.isEmpty() || !account.get().enabled()) {
			return false;
		}
		Set<String> granted = account.get().roleSet().stream().map(Role::authority).collect(Collectors.toSet());
		return login.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_")).allMatch(granted::contains);
	}
}
