package vn.trithuc.orgunit.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** dd/MM/yyyy read strictly: 31/02/2025 is refused, not quietly turned into 28/02/2025. */
public final class StrictDate {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private StrictDate() {
	}

	/** @throws java.time.format.DateTimeParseException when the text is no real date */
	public static LocalDate parse(String text) {
		return LocalDate.parse(text.strip(), FORMAT);
	}
}
