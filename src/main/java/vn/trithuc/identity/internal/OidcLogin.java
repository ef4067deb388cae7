package vn.trithuc.identity.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.identity.SecurityEventType;

/**
 * Maps a single sign-on login to a TriThức account: the configured claim names the account by user name or
 * e-mail address. The account's own roles apply, never the provider's. Unknown users are refused unless
 * auto-provisioning is on; disabled or locked accounts are refused.
 */
class OidcLogin implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String UNKNOWN_USER = "trithuc_unknown_user";
	static final String ACCOUNT_UNAVAILABLE = "trithuc_account_unavailable";

	private final OidcSettings settings;
	private final UserAccounts accounts;
	private final UserAdministration administration;
	private final SecurityEvents audit;
	private final TransactionTemplate transactions;
	private final java.time.Clock clock;
	private final OidcUserService provider = new OidcUserService();

	OidcLogin(OidcSettings settings, UserAccounts accounts, UserAdministration administration, SecurityEvents audit,
			TransactionTemplate transactions, java.time.Clock clock) {
		this.settings = settings;
		this.accounts = accounts;
		this.administration = administration;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		var oidcUser = provider.loadUser(request);
		Object claim = oidcUser.getClaims().get(settings.usernameClaim());
		var key = claim == null ? "" : claim.toString().strip().toLowerCase(Locale.ROOT);
		var account = transactions.execute(status -> find(key).or(() -> provision(key, oidcUser)));
		if (account == null || account.isEmpty()) {
			transactions.executeWithoutResult(s -> audit.record(SecurityEventType.LOGIN_FAILED,
					key.isEmpty() ? "-" : key, null, "single sign-on: no account for " + settings.usernameClaim()));
			throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_USER));
		}
		var found = account.get();
		if (!found.enabled() || found.isLockedAt(clock.instant())) {
			transactions.executeWithoutResult(s -> audit.record(SecurityEventType.LOGIN_FAILED, found.username(),
					found.username(), "single sign-on: account disabled or locked"));
			throw new OAuth2AuthenticationException(new OAuth2Error(ACCOUNT_UNAVAILABLE));
		}
		var authorities = new HashSet<org.springframework.security.core.GrantedAuthority>();
		found.roleSet().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return new AccountOidcUser(authorities, oidcUser, found.username());
	}

	private Optional<UserAccount> find(String key) {
		if (key.isEmpty()) {
			return Optional.empty();
		}
		return accounts.findByUsername(key).or(() -> accounts.findIdByEmailIgnoreCase(key).flatMap(accounts::findById));
	}

	private Optional<UserAccount> provision(String key, OidcUser oidcUser) {
		if (!settings.autoProvisioning() || key.isEmpty()) {
			return Optional.empty();
		}
		var username = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
		username = username.replaceAll("[^a-z0-9._-]", ".");
		if (username.length() < 3 || accounts.findByUsername(username).isPresent()) {
			return Optional.empty();
		}
		var name = oidcUser.getFullName() != null ? oidcUser.getFullName() : username;
		var email = oidcUser.getEmail() != null ? oidcUser.getEmail() : key.contains("@") ? key : null;
		return Optional.of(administration.provision(username, name, email));
	}

	/** The provider's user, named by the TriThức user name and holding the account's roles. */
	static final class AccountOidcUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;
		private final String username;

		AccountOidcUser(java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities,
				OidcUser user, String username) {
			super(authorities, user.getIdToken(), user.getUserInfo());
			this.username = username;
		}

		@Override
		public String getName() {
			return username;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof AccountOidcUser o && o.username.equals(username) && super.equals(other);
		}

		@Override
		public int hashCode() {
			return username.hashCode();
		}
	}

	/** Reads the provider's discovery document on first use, so that a provider that is down never stops the start. */
	static final class LazyRegistrations implements ClientRegistrationRepository {

		private final OidcSettings settings;
		private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

		LazyRegistrations(OidcSettings settings) {
			this.settings = settings;
		}

		@Override
		public ClientRegistration findByRegistrationId(String registrationId) {
			if (!OidcSettings.REGISTRATION_ID.equals(registrationId)) {
				return null;
			}
			var known = registration.get();
			if (known == null) {
				known = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
					.registrationId(OidcSettings.REGISTRATION_ID)
					.clientId(settings.clientId())
					.clientSecret(settings.clientSecret())
					.scope("openid", "profile", "email")
					.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
					.build();
				registration.compareAndSet(null, known);
			}
			return known;
		}
	}
}
