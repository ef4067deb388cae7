package vn.trithuc.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.SecurityEventType;
import vn.trithuc.shared.VietnameseText;

/** What administrators and users do with accounts: create, edit, unlock, reset, change own password. */
@Service
@Transactional
public class UserAdministration implements vn.trithuc.identity.IntellectualAccounts {

	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final JdbcClient jdbc;
	private final SecurityEvents audit;
	private final boolean settingsRequireSecondFactor;
	private final Clock clock;
	private final AccountSessions sessions;

	UserAdministration(UserAccounts accounts, PasswordEncoder encoder, IdentitySettings settings, JdbcClient jdbc,
			SecurityEvents audit, Clock clock, AccountSessions sessions) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = new PasswordPolicy(settings.passwordMinLength());
		this.settingsRequireSecondFactor = settings.secondFactorRequiredForAdministrators();
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** Creates an account with a one-time password; returns that password, to be handed over once. */
	public Created create(String username, String displayName, String email, Set<Role> roles) {
		var normalised = UserAccount.normaliseUsername(username);
		if (accounts.findByUsername(normalised).isPresent()) {
			throw new UsernameTakenException(normalised);
		}
		var password = OneTimePasswords.generate();
		var account = UserAccount.create(normalised, VietnameseText.nfc(displayName), blankToNull(email), roles,
				encoder.encode(password), clock.instant());
		accounts.save(account);
		audit.record(SecurityEventType.USER_CREATED, account.username(), roleNames(roles));
		return new Created(account.id(), password);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return accounts.findByUsername(UserAccount.normaliseUsername(username)).isPresent();
	}

	@Override
	public boolean isIntellectualOnly(String username) {
		return accounts.findByUsername(UserAccount.normaliseUsername(username))
			.filter(account -> account.roleSet().equals(java.util.Set.of(Role.INTELLECTUAL))).isPresent();
	}

	@Override
	public List<BrokenRule> open(String username, String displayName, String email, String password, String invitedBy) {
		var normalised = UserAccount.normaliseUsername(username);
		if (accounts.findByUsername(normalised).isPresent()) {
			throw new IllegalStateException("user name taken: " + normalised);
		}
		var broken = policy.check(password, normalised).stream()
			.map(v -> new BrokenRule(v.messageKey(), v.argument())).toList();
		if (!broken.isEmpty()) {
			return broken;
		}
		var account = UserAccount.create(normalised, VietnameseText.nfc(displayName), blankToNull(email),
				Set.of(Role.INTELLECTUAL), encoder.encode(password), clock.instant());
		account.changePassword(account.passwordHash(), clock.instant());
		accounts.save(account);
		audit.record(SecurityEventType.USER_CREATED, invitedBy, account.username(),
				"invitation; " + Role.INTELLECTUAL.name());
		return List.of();
	}

	/** Creates an account whose password is already chosen (first administrator, demo users). */
	Created createWithPassword(String username, String displayName, Set<Role> roles, String password,
			boolean mustChange) {
		var account = UserAccount.create(username, displayName, null, roles, encoder.encode(password),
				clock.instant());
		if (!mustChange) {
			account.changePassword(account.passwordHash(), clock.instant());
		}
		accounts.save(account);
		audit.record(SecurityEventType.USER_CREATED, SecurityEvents.SYSTEM, account.username(), roleNames(roles));
		return new Created(account.id(), password);
	}

	/**
	 * Edits an account; other roles or a disabled account end the user's sessions (they log in again, with the new
	 * roles). @return whether the user's sessions end
	 */
	public boolean update(UUID id, int expectedVersion, String displayName, String email, Set<Role> roles,
			boolean enabled) {
		var account = load(id, expectedVersion);
		var rolesBefore = account.roleSet();
		boolean enabledBefore = account.enabled();
		account.update(VietnameseText.nfc(displayName), blankToNull(email), roles, enabled);
		accounts.save(account);
		if (!rolesBefore.equals(account.roleSet())) {
			audit.record(SecurityEventType.ROLES_CHANGED, account.username(),
					roleNames(rolesBefore) + " -> " + roleNames(account.roleSet()));
		}
		if (enabledBefore != enabled) {
			audit.record(enabled ? SecurityEventType.USER_ENABLED : SecurityEventType.USER_DISABLED, account.username(),
					null);
		}
		if (!enabled || !rolesBefore.equals(account.roleSet())) {
			// logged out everywhere: a disabled user at once, a user with other roles to log in with them
			sessions.endAllAfterChange(account.username());
			return true;
		}
		return false;
	}

	/** Creates an account on its first single sign-on (auto-provisioning): intellectual only, no usable password. */
	UserAccount provision(String username, String displayName, String email) {
		var account = UserAccount.create(username, VietnameseText.nfc(displayName), blankToNull(email),
				Set.of(Role.INTELLECTUAL), encoder.encode(OneTimePasswords.generate() + OneTimePasswords.generate()),
				clock.instant());
		account.changePassword(account.passwordHash(), clock.instant());
		accounts.save(account);
		audit.record(SecurityEventType.USER_CREATED, SecurityEvents.SYSTEM, account.username(),
				"single sign-on; " + Role.INTELLECTUAL.name());
		return account;
	}

	public void unlock(UUID id) {
		var account = accounts.findById(id).orElseThrow(() -> new UnknownUserException(id));
		account.unlock();
		accounts.save(account);
		audit.record(SecurityEventType.USER_UNLOCKED, account.username(), null);
	}

	/** @return the new one-time password */
	public String resetPassword(UUID id) {
		var account = accounts.findById(id).orElseThrow(() -> new UnknownUserException(id));
		var password = OneTimePasswords.generate();
		account.resetPassword(encoder.encode(password), clock.instant());
		accounts.save(account);
		audit.record(SecurityEventType.PASSWORD_RESET, account.username(), null);
		return password;
	}

	/** A user changes their own password. @return the broken rules; empty when changed */
	public List<PasswordPolicy.Violation> changeOwnPassword(String username, String current, String proposed) {
		var account = accounts.findByUsername(username).orElseThrow();
		if (!encoder.matches(current, account.passwordHash())) {
			return List.of(new PasswordPolicy.Violation("password.current.wrong", 0));
		}
		var violations = new java.util.ArrayList<>(policy.check(proposed, username));
		if (encoder.matches(proposed, account.passwordHash())) {
			violations.add(new PasswordPolicy.Violation("password.policy.same", 0));
		}
		if (violations.isEmpty()) {
			account.changePassword(encoder.encode(proposed), clock.instant());
			accounts.save(account);
			audit.record(SecurityEventType.PASSWORD_CHANGED, account.username(), account.username(), null);
		}
		return violations;
	}

	@Transactional(readOnly = true)
	public Optional<UserView> find(UUID id) {
		return accounts.findById(id).map(this::view);
	}

	@Transactional(readOnly = true)
	public Optional<UserView> findByUsername(String username) {
		return accounts.findByUsername(UserAccount.normaliseUsername(username)).map(this::view);
	}

	/** One page of accounts whose user name or display name matches {@code query} (diacritics ignored). */
	@Transactional(readOnly = true)
	public UserPage search(String query, int page, int size) {
		var pattern = "%" + VietnameseText.fold(query) + "%";
		long total = jdbc.sql("""
				select count(*) from identity.user_account
				where username like :p or shared.fold(display_name) like :p""")
			.param("p", pattern).query(Long.class).single();
		var ids = jdbc.sql("""
				select id from identity.user_account
				where username like :p or shared.fold(display_name) like :p
				order by display_name collate "vi-x-icu", username
				limit :size offset :offset""")
			.param("p", pattern).param("size", size).param("offset", (long) page * size)
			.query(UUID.class).list();
		var byId = new java.util.HashMap<UUID, UserAccount>();
		accounts.findAllById(ids).forEach(a -> byId.put(a.id(), a));
		var views = ids.stream().map(byId::get).map(this::view).toList();
		return new UserPage(views, page, size, total);
	}

	private UserAccount load(UUID id, int expectedVersion) {
		var account = accounts.findById(id).orElseThrow(() -> new UnknownUserException(id));
		if (account.version() != expectedVersion) {
			throw new OptimisticLockingFailureException("user account " + id + " changed since version "
					+ expectedVersion);
		}
		return account;
	}

	private UserView view(UserAccount a) {
		return new UserView(a.id(), a.version(), a.username(), a.displayName(), a.email(), a.roleSet(), a.enabled(),
				a.isLockedAt(clock.instant()), a.mustChangePassword(), a.createdAt(), a.secondFactorEnabled());
	}

	private static String roleNames(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(", "));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public int passwordMinLength() {
		return policy.minLength();
	}

	/** Whether the session's user still logs in with a one-time password and must change it. */
	public static boolean passwordChangeRequired(jakarta.servlet.http.HttpSession session) {
		return session.getAttribute(LoginSteps.PASSWORD_CHANGE_REQUIRED) != null;
	}

	public static void passwordChanged(jakarta.servlet.http.HttpSession session) {
		session.removeAttribute(LoginSteps.PASSWORD_CHANGE_REQUIRED);
	}

	/** Whether the session's user is an administrator who must set up a second factor before anything else. */
	public static boolean secondFactorSetupRequired(jakarta.servlet.http.HttpSession session) {
		return session.getAttribute(LoginSteps.SECOND_FACTOR_SETUP_REQUIRED) != null;
	}

	public static void secondFactorSetUp(jakarta.servlet.http.HttpSession session) {
		session.removeAttribute(LoginSteps.SECOND_FACTOR_SETUP_REQUIRED);
	}

	/** After the user turned the second factor off: an administrator who needs one must set up a new one now. */
	public void secondFactorRemoved(String username, jakarta.servlet.http.HttpSession session) {
		accounts.findByUsername(username).filter(UserAccount::isAdministrator)
			.filter(a -> settingsRequireSecondFactor)
			.ifPresent(a -> session.setAttribute(LoginSteps.SECOND_FACTOR_SETUP_REQUIRED, Boolean.TRUE));
	}

	public record Created(UUID id, String oneTimePassword) {
	}

	public record UserView(UUID id, int version, String username, String displayName, String email, Set<Role> roles,
			boolean enabled, boolean locked, boolean mustChangePassword, java.time.Instant createdAt,
			boolean secondFactorEnabled) {
	}

	public record UserPage(List<UserView> users, int page, int size, long total) {
		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	public static class UsernameTakenException extends RuntimeException {
		UsernameTakenException(String username) {
			super("username taken: " + username);
		}
	}

	public static class UnknownUserException extends RuntimeException {
		UnknownUserException(UUID id) {
			super("no user " + id);
		}
	}
}
