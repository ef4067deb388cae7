package vn.trithuc.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import vn.trithuc.identity.SecurityEventType;

/**
 * The TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock drift either way; a code is
 * never accepted twice) and its ten one-time recovery codes, stored as SHA-256 hashes.
 */
@Service
@Transactional
public class SecondFactors {

	static final int PERIOD_SECONDS = 30;
	static final int RECOVERY_CODE_COUNT = 10;
	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccounts accounts;
	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final SecurityEvents audit;
	private final IdentitySettings settings;
	private final Passkeys passkeys;
	private final Clock clock;
	private final SecretBox box;
	private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	SecondFactors(UserAccounts accounts, JdbcClient jdbc, PasswordEncoder encoder, SecurityEvents audit,
			IdentitySettings settings, Passkeys passkeys, Clock clock, SecretBox box) {
		this.accounts = accounts;
		this.box = box;
		this.passkeys = passkeys;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** A fresh shared secret (160 bits, base32) for the set-up page. */
	public String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	/** The QR code an authenticator app scans, as a data: URI (the CSP allows data: images). */
	public String qrCodeDataUri(String username, String secret) {
		var data = new QrData.Builder().label(username).secret(secret).issuer("TriThức")
			.algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
		try {
			var generator = new ZxingPngQrGenerator();
			return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
		}
		catch (QrGenerationException e) {
			throw new IllegalStateException("QR code generation failed", e);
		}
	}

	/**
	 * Turns the second factor on when {@code code} proves the app holds {@code secret}.
	 *
	 * @return the recovery codes to show once; empty when the code is wrong
	 */
	public Optional<List<String>> enable(String username, String secret, String code) {
		var account = account(username);
		var step = matchingStep(secret, null, code);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		account.enableSecondFactor(box.seal(secret), step.getAsLong(), clock.instant());
		accounts.save(account);
		audit.record(SecurityEventType.SECOND_FACTOR_ENABLED, username, null);
		return Optional.of(newRecoveryCodes(account.id()));
	}

	/** The user turns the second factor off, proving it with the password. @return false when the password is wrong */
	public boolean disableWithPassword(String username, String password) {
		var account = account(username);
		if (!encoder.matches(password, account.passwordHash())) {
			return false;
		}
		disable(account);
		audit.record(SecurityEventType.SECOND_FACTOR_DISABLED, username, null);
		return true;
	}

	/** An administrator removes a user's second factor (lost phone); the user sets up a new one. */
	public void resetByAdministrator(UUID id) {
		var account = accounts.findById(id).orElseThrow(() -> new UserAdministration.UnknownUserException(id));
		disable(account);
		passkeys.removeAll(account.username());
		audit.record(SecurityEventType.SECOND_FACTOR_RESET, account.username(), null);
	}

	private void disable(UserAccount account) {
		account.disableSecondFactor();
		accounts.save(account);
		jdbc.sql("delete from identity.recovery_code where user_account = :id").param("id", account.id()).update();
	}

	@Transactional(readOnly = true)
	public Status status(String username) {
		var account = account(username);
		long remaining = jdbc.sql("select count(*) from identity.recovery_code where user_account = :id and used_at is null")
			.param("id", account.id()).query(Long.class).single();
		return new Status(account.secondFactorEnabled(), account.totpEnabledAt(), remaining,
				account.isAdministrator() && settings.secondFactorRequiredForAdministrators());
	}

	/** Whether a login of this user needs a second factor: TOTP or a passkey. */
	@Transactional(readOnly = true)
	public boolean enabled(String username) {
		return accounts.findByUsername(username).map(a -> a.secondFactorEnabled() || passkeys.any(a.username()))
			.orElse(false);
	}

	/** Whether this user has the TOTP second factor (the code page then asks for a code). */
	@Transactional(readOnly = true)
	public boolean totpEnabled(String username) {
		return accounts.findByUsername(UserAccount.normaliseUsername(username)).map(UserAccount::secondFactorEnabled)
			.orElse(false);
	}

	/** Whether this user must set up a second factor (TOTP or a passkey) before doing anything else. */
	@Transactional(readOnly = true)
	boolean setupRequired(UserAccount account) {
		return settings.secondFactorRequiredForAdministrators() && account.isAdministrator()
				&& !account.secondFactorEnabled() && !passkeys.any(account.username());
	}

	/**
	 * A passkey answered at the login's second step: accepted unless the account is disabled or locked meanwhile.
	 */
	public Check verifyPasskeyLogin(String username) {
		var account = account(username);
		if (!account.enabled()) {
			return Check.DISABLED;
		}
		if (account.isLockedAt(clock.instant())) {
			return Check.LOCKED;
		}
		return Check.ACCEPTED;
	}

	/** A passkey at the login's second step failed (wrong passkey, another account's): counts towards the lockout. */
	public Check passkeyFailed(String username, String why) {
		var account = account(username);
		var now = clock.instant();
		boolean locked = account.recordFailedLogin(now, settings.maxFailedAttempts(), settings.lockoutDuration());
		accounts.save(account);
		audit.record(SecurityEventType.SECOND_FACTOR_FAILED, username, username, "passkey: " + why);
		if (locked) {
			audit.record(SecurityEventType.ACCOUNT_LOCKED, username, username, "second factor");
			return Check.LOCKED;
		}
		return Check.WRONG;
	}

	/**
	 * Checks the code typed at login: a current TOTP code or an unused recovery code. A wrong code counts as a
	 * failed login towards the lockout.
	 */
	public Check verifyLogin(String username, String typed) {
		var account = account(username);
		var now = clock.instant();
		if (!account.enabled()) {
			return Check.DISABLED;
		}
		if (account.isLockedAt(now)) {
			return Check.LOCKED;
		}
		var code = typed == null ? "" : typed.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
		if (account.secondFactorEnabled() && code.matches("\\d{6}")) {
			var step = matchingStep(box.open(account.totpSecret()), account.totpLastStep(), code);
			if (step.isPresent()) {
				account.secondFactorStepUsed(step.getAsLong());
				accounts.save(account);
				return Check.ACCEPTED;
			}
		}
		else if (account.secondFactorEnabled() && !code.isEmpty() && useRecoveryCode(account.id(), code, now)) {
			long left = jdbc.sql("select count(*) from identity.recovery_code where user_account = :id and used_at is null")
				.param("id", account.id()).query(Long.class).single();
			audit.record(SecurityEventType.RECOVERY_CODE_USED, username, username, "remaining " + left);
			return Check.ACCEPTED;
		}
		boolean locked = account.recordFailedLogin(now, settings.maxFailedAttempts(), settings.lockoutDuration());
		accounts.save(account);
		audit.record(SecurityEventType.SECOND_FACTOR_FAILED, username, username, null);
		if (locked) {
			audit.record(SecurityEventType.ACCOUNT_LOCKED, username, username, "second factor");
			return Check.LOCKED;
		}
		return Check.WRONG;
	}

	private boolean useRecoveryCode(UUID account, String code, Instant now) {
		var normalised = code.replace("-", "");
		if (normalised.length() != 8) {
			return false;
		}
		var hash = sha256(normalised.substring(0, 4) + "-" + normalised.substring(4));
		return jdbc.sql("""
				update identity.recovery_code set used_at = :now
				where user_account = :id and code_hash = :hash and used_at is null""")
			.param("now", java.sql.Timestamp.from(now)).param("id", account).param("hash", hash).update() == 1;
	}

	private List<String> newRecoveryCodes(UUID account) {
		jdbc.sql("delete from identity.recovery_code where user_account = :id").param("id", account).update();
		var list = new ArrayList<String>();
		while (list.size() < RECOVERY_CODE_COUNT) {
			var chars = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				if (i == 4) {
					chars.append('-');
				}
				chars.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
			}
			var code = chars.toString();
			if (!list.contains(code)) {
				list.add(code);
				jdbc.sql("insert into identity.recovery_code (user_account, code_hash) values (:id, :hash)")
					.param("id", account).param("hash", sha256(code)).update();
			}
		}
		return List.copyOf(list);
	}

	/** The time step of a code valid now (±1 step) and newer than {@code lastUsed}. */
	private OptionalLong matchingStep(String secret, Long lastUsed, String typed) {
		var code = typed == null ? "" : typed.replaceAll("\\s", "");
		if (!code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = clock.instant().getEpochSecond() / PERIOD_SECONDS;
		for (long step = current - 1; step <= current + 1; step++) {
			if (lastUsed != null && step <= lastUsed) {
				continue;
			}
			try {
				if (MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
						code.getBytes(StandardCharsets.US_ASCII))) {
					return OptionalLong.of(step);
				}
			}
			catch (CodeGenerationException e) {
				throw new IllegalStateException(e);
			}
		}
		return OptionalLong.empty();
	}

	private UserAccount account(String username) {
		return accounts.findByUsername(UserAccount.normaliseUsername(username)).orElseThrow();
	}

	static String sha256(String text) {
		return vn.trithuc.shared.Sha256.hex(text);
	}

	public enum Check {
		ACCEPTED, WRONG, LOCKED, DISABLED
	}

	/** @param required administrators may not go without one */
	public record Status(boolean enabled, Instant enabledAt, long remainingRecoveryCodes, boolean required) {
	}
}
