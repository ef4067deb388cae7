package vn.trithuc.registry.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** What a phone number and an e-mail address may look like: one rule for the forms and the spreadsheet import. */
public final class ContactRules {

	/** Digits with the usual separators; a '+' only in front (+84 912 345 678, (024) 3825.1234, 0912-345-678). */
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()\\-]+");
	/** A plausible address: one '@', a dotted domain, no spaces (a mailbox is proven by sending to it, not here). */
	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

	static final int PHONE_MIN_DIGITS = 8;
	static final int PHONE_MAX_DIGITS = 15;

	private ContactRules() {
	}

	/** @return the message key of the broken rule, or null when {@code phone} is a phone number (or absent) */
	public static @Nullable String phoneProblem(@Nullable String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		var text = phone.strip();
		if (!PHONE.matcher(text).matches()) {
			return "registry.phone.format";
		}
		long digits = text.chars().filter(c -> c >= '0' && c <= '9').count();
		return digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS ? "registry.phone.digits" : null;
	}

	/** @return the message key of the broken rule, or null when {@code email} is a plausible address (or absent) */
	public static @Nullable String emailProblem(@Nullable String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		var text = email.strip();
		return text.length() <= 254 && !text.contains("..") && EMAIL.matcher(text).matches() ? null : "registry.email.format";
	}

	public static int digits(String phone) {
		return (int) phone.chars().filter(c -> c >= '0' && c <= '9').count();
	}
}
