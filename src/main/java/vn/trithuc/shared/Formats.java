package vn.trithuc.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

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

	/** A share as a percentage with one decimal: 0.125 → 12,5%. */
	public String percent(double share) {
		var format = new DecimalFormat("0.0", SYMBOLS);
		return format.format(share * 100) + "%";
	}

	public static LocalDate parseDate(String text) {
		return LocalDate.parse(text.strip(), DATE);
	}
}
