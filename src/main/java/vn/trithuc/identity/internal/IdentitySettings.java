package vn.trithuc.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedAttempts failed logins in a row that lock an account
 * @param lockoutDuration how long a lock lasts unless an administrator unlocks earlier
 * @param passwordMinLength minimum password length
 * @param initialAdminPassword the first administrator's one-time password; random when empty
 */
@ConfigurationProperties("trithuc.identity")
record IdentitySettings(int maxFailedAttempts, Duration lockoutDuration, int passwordMinLength,
		String initialAdminPassword) {

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
	}
}
