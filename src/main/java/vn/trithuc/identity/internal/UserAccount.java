package vn.trithuc.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import vn.trithuc.identity.Role;

/** A login of TriThức: who, which roles, and the state of its password and lockout. */
@Table(schema = "identity", name = "user_account")
class UserAccount {

	@Id
	private UUID id;
	@Version
	private Integer version;
	private String username;
	private String displayName;
	private String email;
	private String passwordHash;
	private boolean enabled;
	private boolean mustChangePassword;
	private int failedAttempts;
	private Instant lockedUntil;
	private Instant passwordChangedAt;
	private Instant createdAt;
	private String totpSecret;
	private Instant totpEnabledAt;
	private Long totpLastStep;
	@MappedCollection(idColumn = "user_account")
	private Set<RoleGrant> roles = new HashSet<>();

	UserAccount() {
	}

	static UserAccount create(String username, String displayName, String email, Collection<Role> roles,
			String oneTimePasswordHash, Instant now) {
		var account = new UserAccount();
		account.id = UUID.randomUUID();
		account.username = normaliseUsername(username);
		account.displayName = displayName;
		account.email = email;
		account.passwordHash = oneTimePasswordHash;
		account.enabled = true;
		account.mustChangePassword = true;
		account.createdAt = now;
		account.passwordChangedAt = now;
		account.assignRoles(roles);
		return account;
	}

	static String normaliseUsername(String username) {
		return username.strip().toLowerCase(java.util.Locale.ROOT);
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a failed login; locks the account when the limit is reached. @return true when now locked */
	boolean recordFailedLogin(Instant now, int maxAttempts, Duration lockout) {
		if (lockedUntil != null && !lockedUntil.isAfter(now)) {
			lockedUntil = null;
			failedAttempts = 0;
		}
		failedAttempts++;
		if (failedAttempts >= maxAttempts) {
			lockedUntil = now.plus(lockout);
			failedAttempts = 0;
		}
		return isLockedAt(now);
	}

	void recordSuccessfulLogin() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	void unlock() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	void changePassword(String newHash, Instant now) {
		passwordHash = newHash;
		passwordChangedAt = now;
		mustChangePassword = false;
	}

	/** An administrator's reset: a one-time password the user must change at next login. */
	void resetPassword(String oneTimeHash, Instant now) {
		passwordHash = oneTimeHash;
		passwordChangedAt = now;
		mustChangePassword = true;
		unlock();
	}

	void update(String displayName, String email, Collection<Role> roles, boolean enabled) {
		this.displayName = displayName;
		this.email = email;
		this.enabled = enabled;
		assignRoles(roles);
	}

	private void assignRoles(Collection<Role> newRoles) {
		roles = newRoles.stream().map(RoleGrant::new).collect(Collectors.toCollection(HashSet::new));
	}

	boolean secondFactorEnabled() {
		return totpEnabledAt != null && totpSecret != null;
	}

	void enableSecondFactor(String secret, long usedStep, Instant now) {
		totpSecret = secret;
		totpEnabledAt = now;
		totpLastStep = usedStep;
	}

	void disableSecondFactor() {
		totpSecret = null;
		totpEnabledAt = null;
		totpLastStep = null;
	}

	/** A code of time step {@code step} was accepted: no code of this or an earlier step is accepted again. */
	void secondFactorStepUsed(long step) {
		totpLastStep = step;
	}

	String totpSecret() {
		return totpSecret;
	}

	Long totpLastStep() {
		return totpLastStep;
	}

	Instant totpEnabledAt() {
		return totpEnabledAt;
	}

	boolean isAdministrator() {
		return roleSet().contains(Role.SYSTEM_ADMINISTRATOR);
	}

	Set<Role> roleSet() {
		var set = EnumSet.noneOf(Role.class);
		roles.forEach(grant -> set.add(grant.role()));
		return set;
	}

	UUID id() {
		return id;
	}

	Integer version() {
		return version;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	String email() {
		return email;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean enabled() {
		return enabled;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	int failedAttempts() {
		return failedAttempts;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	Instant createdAt() {
		return createdAt;
	}
}
