package vn.trithuc.identity.internal;

import java.security.SecureRandom;

/**
 * One-time passwords handed out by an administrator (or printed at first start): 14 characters without
 * look-alikes (0/O, 1/l/I), always with lower, upper, digit and a symbol so that they pass the policy.
 */
final class OneTimePasswords {

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
	private static final String DIGITS = "23456789";
	private static final String SYMBOLS = "@#%+=?";
	private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;
	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimePasswords() {
	}

	static String generate() {
		var chars = new char[14];
		chars[0] = pick(UPPER);
		chars[1] = pick(LOWER);
		chars[2] = pick(DIGITS);
		chars[3] = pick(SYMBOLS);
		for (int i = 4; i < chars.length; i++) {
			chars[i] = pick(ALL);
		}
		for (int i = chars.length - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char t = chars[i];
			chars[i] = chars[j];
			chars[j] = t;
		}
		return new String(chars);
	}

	private static char pick(String from) {
		return from.charAt(RANDOM.nextInt(from.length()));
	}
}
