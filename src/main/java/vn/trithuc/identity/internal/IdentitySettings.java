package vn.trithuc.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedAttempts failed logins in a row that lock an account (wrong second-factor codes count too)
 * @param lockoutDuration how long a lock lasts unless an administrator unlocks earlier
 * @param passwordMinLength minimum password length
 * @param initialAdminPassword the first administrator's one-time password; random when empty
 * @param secondFactorRequiredForAdministrators administrators without a second factor must set one up right
 *        after logging in
 * @param auditRetention how long security audit entries are kept; at least 180 days
 */
@ConfigurationProperties("trithuc.identity")
record IdentitySettings(int maxFailedAttempts, Duration lockoutDuration, int passwordMinLength,
		String initialAdminPassword, @DefaultValue("true") boolean secondFactorRequiredForAdministrators,
		Duration auditRetention) {

	static final Duration MINIMUM_AUDIT_RETENTION = Duration.ofDays(180);

	IdentitySettings {
		if (maxFailedAttempts < 1) {
			maxFailedAttempts = 5;
		}
		if (lockoutDuration == null) {
			lockoutDuration = Duration.ofMinutes(15);
		}
		if (passwordMinLength < 8) {
			passwordMinLength = 10;
		}
		if (auditRetention == null) {
			auditRetention = MINIMUM_AUDIT_RETENTION;
		}
		if (auditRetention.compareTo(MINIMUM_AUDIT_RETENTION) < 0) {
			throw new IllegalArgumentException("trithuc.identity.audit-retention must be at least 180d (6 months), not "
					+ auditRetention.toDays() + "d");
		}
	}
}
