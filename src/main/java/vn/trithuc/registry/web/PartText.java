package vn.trithuc.registry.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.trithuc.registry.internal.LoggedPart;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.RegistryCodes;
import vn.trithuc.registry.internal.SpreadsheetImport;
import vn.trithuc.shared.Formats;

/**
 * Parts of a profile and change-log entries as people read them: field labels, codes and units by their names, dates
 * dd/MM/yyyy, "; " between fields and nothing trailing — "Từ 02/03/2015; Cơ quan,
 * đơn vị: Sở Nội vụ; Đối tượng: Công chức". The profile page, the change requests and the change history all write
 * parts through {@link #part}; the history reads the stored change-log text back with {@link LoggedPart} and shows a
 * text it cannot read as stored. Templates call the bean {@code partText}.
 */
@Component("partText")
public class PartText {

	private static final String SEPARATOR = "; ";

	private final MessageSource messages;
	private final RegistryCodes codes;

	PartText(MessageSource messages, RegistryCodes codes) {
		this.messages = messages;
		this.codes = codes;
	}

	/**
	 * A part: its period (if any; the timeline, which shows the dates in columns, passes none), then each filled field
	 * as "label: value" in the order of the kind's fields.
	 */
	public String part(PartKind kind, @Nullable LocalDate from, @Nullable LocalDate to, Map<String, String> attributes) {
		var pieces = new ArrayList<String>();
		var period = period(from, to);
		if (!period.isEmpty()) {
			pieces.add(period);
		}
		for (var field : kind.fields()) {
			var value = attributes.get(field.name());
			if (value != null && !value.isEmpty()) {
				pieces.add(label(field.name()) + ": " + codes.display(field, value));
			}
		}
		return String.join(SEPARATOR, pieces);
	}

	/** "02/03/2015 – 31/12/2024", "Từ 02/03/2015", "Đến 31/12/2024", or nothing when neither end is known. */
	private String period(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null && to != null) {
			return message("registry.period.between", Formats.DATE.format(from), Formats.DATE.format(to));
		}
		if (from != null) {
			return message("registry.period.since", Formats.DATE.format(from));
		}
		return to == null ? "" : message("registry.period.until", Formats.DATE.format(to));
	}

	/** The label of a profile or part field ("Cơ quan, đơn vị"). */
	private String label(String field) {
		return messages.getMessage("registry.field." + field, null, field, LocaleContextHolder.getLocale());
	}

	/** What a change-log entry is about: "Bổ sung: Quá trình công tác", "Quê quán", "Tạo hồ sơ". */
	public String subject(String action, @Nullable String field) {
		var locale = LocaleContextHolder.getLocale();
		var done = messages.getMessage("registry.action." + action, null, action, locale);
		if (field == null) {
			return done;
		}
		var kind = kind(field);
		if (kind != null) {
			var part = messages.getMessage(kind.messageKey(), null, field, locale);
			return action.startsWith("PART_") ? done + ": " + part : part;
		}
		return label(field);
	}

	/**
	 * A value of a change-log entry: a part as {@link #part} writes it, a profile field by its name or date; what
	 * cannot be read (masked "***", an older form of text) as stored.
	 *
	 * @param field the entry's field: a part kind for part entries, a profile field for field edits
	 */
	public String logged(@Nullable String field, @Nullable String stored) {
		if (stored != null && field == null) {
			// an import's entry: "Tên (import:<job>, tệp.xlsx, row 2)" — the job id is for the audit, not the reader
			return SpreadsheetImport.importedFrom(stored)
				.map(from -> messages.getMessage("registry.imported.source",
						new Object[] { from.name(), from.fileName(), String.valueOf(from.row()) }, LocaleContextHolder.getLocale()))
				.orElse(stored);
		}
		if (stored == null || stored.isEmpty() || field == null) {
			return stored == null ? "" : stored;
		}
		var kind = kind(field);
		if (kind != null) {
			return LoggedPart.parse(kind, stored).map(p -> part(kind, p.validFrom(), p.validTo(), p.attributes()))
				.orElse(stored);
		}
		return switch (field) {
			case "sex" -> messages.getMessage("registry.sex." + stored, null, stored, LocaleContextHolder.getLocale());
			case "birthDate" -> isoDate(stored);
			case "ethnicGroup" -> codes.name("ethnic-groups", stored);
			case "religion" -> codes.name("religions", stored);
			case "hometown", "residence" -> adminUnit(stored);
			// the stored photo's SHA-256: which image it was, for the audit
			case "photo" -> messages.getMessage("registry.photo.logged", new Object[] { stored.substring(0, Math.min(8, stored.length())) },
					LocaleContextHolder.getLocale());
			default -> stored;
		};
	}

	private String adminUnit(String stored) {
		try {
			return codes.adminUnitPlace(UUID.fromString(stored)).orElse(stored);
		}
		catch (IllegalArgumentException e) {
			return stored;
		}
	}

	private static String isoDate(String stored) {
		try {
			return Formats.DATE.format(LocalDate.parse(stored));
		}
		catch (DateTimeParseException e) {
			return stored;
		}
	}

	private static @Nullable PartKind kind(String field) {
		return Arrays.stream(PartKind.values()).filter(k -> k.name().equals(field)).findFirst().orElse(null);
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}
}
