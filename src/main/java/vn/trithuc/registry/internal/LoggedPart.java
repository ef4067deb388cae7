package vn.trithuc.registry.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.trithuc.shared.Formats;

/**
 * A part as the change log keeps it: the text {@link #text()} writes ("02/03/2015 – ; orgUnit: 1f…; jobTitle: Cán bộ
 * địa chính") is the audit record and stays as written; {@link #parse(PartKind, String)} reads it back for display.
 */
public record LoggedPart(@Nullable LocalDate validFrom, @Nullable LocalDate validTo, Map<String, String> attributes) {

	private static final String PERIOD_SEPARATOR = " – ";
	private static final String SEPARATOR = "; ";
	private static final String KEY_SEPARATOR = ": ";
	/** A period: each end a date dd/MM/yyyy (or ISO, to be lenient) or nothing. */
	private static final Pattern PERIOD = Pattern.compile(
			"\\s*(\\d{2}/\\d{2}/\\d{4}|\\d{4}-\\d{2}-\\d{2})?\\s*–\\s*(\\d{2}/\\d{2}/\\d{4}|\\d{4}-\\d{2}-\\d{2})?\\s*");

	public LoggedPart {
		attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

	/** The change-log text: "from – to; key: value; …", dates dd/MM/yyyy, an open end left empty. */
	public String text() {
		var text = new StringBuilder();
		text.append(validFrom == null ? "" : Formats.DATE.format(validFrom)).append(PERIOD_SEPARATOR)
			.append(validTo == null ? "" : Formats.DATE.format(validTo));
		attributes.forEach((k, v) -> text.append(SEPARATOR).append(k).append(KEY_SEPARATOR).append(v));
		return text.toString();
	}

	/**
	 * Reads a text {@link #text()} wrote for a part of {@code kind}. A value holding "; " (free text) stays whole: a
	 * piece that does not start with a field of the kind belongs to the value before it.
	 *
	 * @return empty when the text is not of that form (masked, erased, or written otherwise)
	 */
	public static Optional<LoggedPart> parse(PartKind kind, @Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		var pieces = text.split(SEPARATOR, -1);
		var period = PERIOD.matcher(pieces[0]);
		if (!period.matches()) {
			return Optional.empty();
		}
		LocalDate from;
		LocalDate to;
		try {
			from = date(period.group(1));
			to = date(period.group(2));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
		var names = kind.fields().stream().map(PartKind.Field::name).toList();
		var attributes = new LinkedHashMap<String, String>();
		String last = null;
		for (int i = 1; i < pieces.length; i++) {
			var piece = pieces[i];
			int colon = piece.indexOf(KEY_SEPARATOR);
			var key = colon < 0 ? null : piece.substring(0, colon);
			if (key != null && names.contains(key) && !attributes.containsKey(key)) {
				attributes.put(key, piece.substring(colon + KEY_SEPARATOR.length()));
				last = key;
			}
			else if (last != null) {
				attributes.merge(last, SEPARATOR + piece, String::concat);
			}
			else {
				return Optional.empty();
			}
		}
		return Optional.of(new LoggedPart(from, to, attributes));
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null) {
			return null;
		}
		return text.contains("/") ? Formats.parseDate(text) : LocalDate.parse(text);
	}
}
