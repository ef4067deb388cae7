package vn.trithuc.identity.internal;

import java.time.Clock;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;
	private final Clock clock;

	AccountUserDetailsService(UserAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var account = accounts.findByUsername(UserAccount.normaliseUsername(username))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.disabled(!account.enabled())
			.accountLocked(account.isLockedAt(clock.instant()))
			.authorities(account.roleSet().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
			.build();
	}
}
