package vn.trithuc.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: at least {@code minLength} characters, three of the four character classes
 * (lower case, upper case, digit, other), and not containing the user name. Vietnamese letters count as
 * letters. Returns the message keys of the rules broken, empty when acceptable.
 */
public record PasswordPolicy(int minLength) {

	List<Violation> check(String password, String username) {
		var violations = new ArrayList<Violation>();
		if (password == null || password.length() < minLength) {
			violations.add(new Violation("password.policy.length", minLength));
			if (password == null) {
				return violations;
			}
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			violations.add(new Violation("password.policy.classes", 3));
		}
		if (username != null && username.length() >= 3
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			violations.add(new Violation("password.policy.username", 0));
		}
		return violations;
	}

	/** A broken rule: its message key and the number the message names. */
	public record Violation(String messageKey, int argument) {
	}
}
