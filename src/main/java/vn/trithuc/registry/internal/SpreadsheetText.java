package vn.trithuc.registry.internal;

/**
 * Values written to spreadsheets: a value starting with =, +, - or @ (also after leading spaces, or a tab or
 * carriage return) could be run as a formula by Excel; it is prefixed with an apostrophe so that it stays text.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value == null ? "" : value;
		}
		var trimmed = value.stripLeading();
		char first = trimmed.isEmpty() ? value.charAt(0) : trimmed.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || value.charAt(0) == '\t' || value.charAt(0) == '\r') {
			return "'" + value;
		}
		return value;
	}
}
