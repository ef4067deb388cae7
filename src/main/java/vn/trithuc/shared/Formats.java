package vn.trithuc.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * How the UI writes dates and numbers: 26/11/2026, 26/11/2026 14:05, 1.234,5 and 12,5%. Templates use it
 * as {@code ${@fmt.date(x)}}.
 */
@Component("fmt")
public class Formats {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
	/** dd/MM/yyyy, strict: 31/02/2025 is refused, not read as 28/02/2025. */
	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);
	public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final DecimalFormatSymbols SYMBOLS = symbols();

	private static DecimalFormatSymbols symbols() {
		var symbols = new DecimalFormatSymbols();
		symbols.setDecimalSeparator(',');
		symbols.setGroupingSeparator('.');
		symbols.setMinusSign('-');
		return symbols;
	}

	public String date(TemporalAccessor date) {
		return date == null ? "" : DATE.format(date);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
	}

	/** Integers with '.' thousands, decimals with ',' and at most {@code decimals} digits. */
	public String number(Number number, int decimals) {
		if (number == null) {
			return "";
		}
		var pattern = decimals > 0 ? "#,##0." + "#".repeat(decimals) : "#,##0";
		var format = new DecimalFormat(pattern, SYMBOLS);
		return format.format(number instanceof BigDecimal ? number : number.doubleValue());
	}

	public String number(Number number) {
		return number(number, number instanceof Double || number instanceof Float || number instanceof BigDecimal ? 1 : 0);
	}

	/**
	 * A file's size as people read it: 812 byte, 1.023 byte, 1,2 KB, 3,4 MB, 1,1 GB (1 KB = 1.024 byte; one decimal with ',',
	 * none when it is 0: 5 MB). Static for Java callers, also {@code ${@fmt.fileSize(n)}} in templates.
	 */
	public static String fileSize(long bytes) {
		if (bytes < 1024) {
			return new DecimalFormat("#,##0", SYMBOLS).format(bytes) + " byte";
		}
		var format = new DecimalFormat("#,##0.#", SYMBOLS);
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		double value = bytes;
		for (var unit : FILE_SIZE_UNITS) {
			value /= 1024;
			// 1.048.575 byte reads "1 MB", not "1.024 KB"
			if (Math.round(value * 10) < 1024 * 10 || unit.equals("TB")) {
				return format.format(value) + " " + unit;
			}
		}
		throw new IllegalStateException();
	}

	private static final List<String> FILE_SIZE_UNITS = List.of("KB", "MB", "GB", "TB");

	/** A share as a percentage with one decimal: 0.125 → 12,5%. */
	public String percent(double share) {
		var format = new DecimalFormat("0.0", SYMBOLS);
		return format.format(share * 100) + "%";
	}

	private static final java.util.regex.Pattern WRITTEN_DATE = java.util.regex.Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");

	/**
	 * A date typed as dd/MM/yyyy: the one parser of every form, query string and import that reads dates as people
	 * write them.
	 *
	 * @throws InvalidDateException when the text is not written as dd/MM/yyyy, or is written so but names no day of the
	 *         calendar (31/02/1990: a {@link NoSuchDayException})
	 */
	public static LocalDate parseDate(String text) {
		var stripped = text.strip();
		var written = WRITTEN_DATE.matcher(stripped);
		if (!written.matches()) {
			throw new InvalidDateException(stripped, "date.format", stripped);
		}
		return day(stripped, Integer.parseInt(written.group(1)), Integer.parseInt(written.group(2)),
				Integer.parseInt(written.group(3)));
	}

	/**
	 * The day an Excel serial number stands for (the 1900 date system, as a date cell of a spreadsheet stores it:
	 * 45292 is 01/01/2024), or null outside 367–79.999 (01/01/1901 to 2118), where it is no plausible date.
	 */
	public static @org.jspecify.annotations.Nullable LocalDate excelSerialDay(BigDecimal number) {
		if (number.compareTo(BigDecimal.valueOf(367)) < 0 || number.compareTo(BigDecimal.valueOf(80_000)) >= 0) {
			return null;
		}
		return LocalDate.of(1899, 12, 30).plusDays(number.longValue());
	}

	/**
	 * The day of a date read in parts (the import reads d/M/yy and yyyy-MM-dd too).
	 *
	 * @param text the date as written, for the message
	 * @throws NoSuchDayException when there is no such day (month 13, 31/04, 29/02 of a common year)
	 * @throws InvalidDateException when the year is out of range
	 */
	public static LocalDate day(String text, int day, int month, int year) {
		if (year < 1 || year > 9999) {
			throw new InvalidDateException(text, "date.format", text);
		}
		if (month < 1 || month > 12) {
			throw new NoSuchDayException(text, "date.noSuchMonth", text, String.valueOf(month));
		}
		int length = java.time.YearMonth.of(year, month).lengthOfMonth();
		if (day < 1 || day > length) {
			throw new NoSuchDayException(text, "date.noSuchDay", text, String.format("%02d/%d", month, year),
					String.valueOf(length));
		}
		return LocalDate.of(year, month, day);
	}

	/**
	 * A typed date that cannot be read, with the message that says why: {@code date.format} (not written as
	 * dd/MM/yyyy) or, for a {@link NoSuchDayException}, {@code date.noSuchDay} / {@code date.noSuchMonth}. As a
	 * {@link MessageSourceResolvable} it goes straight to a {@code MessageSource} or a {@code BindingResult}.
	 */
	public static sealed class InvalidDateException extends DateTimeParseException implements MessageSourceResolvable
			permits NoSuchDayException {
		private static final long serialVersionUID = 1L;
		private final String messageKey;
		private final String[] arguments;

		InvalidDateException(String text, String messageKey, String... arguments) {
			super(messageKey, text, 0);
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

		public String messageKey() {
			return messageKey;
		}

		/** The date as written, then (no such day) the month as MM/yyyy and the days it has, or the month number. */
		public Object[] arguments() {
			return arguments.clone();
		}

		@Override
		public String[] getCodes() {
			return new String[] { messageKey };
		}

		@Override
		public Object[] getArguments() {
			return arguments();
		}
	}

	/** A date written in the right form that names no day: the message says so instead of asking for the form again. */
	public static final class NoSuchDayException extends InvalidDateException {
		private static final long serialVersionUID = 1L;

		NoSuchDayException(String text, String messageKey, String... arguments) {
			super(text, messageKey, arguments);
		}
	}
}
