package vn.trithuc.analytics.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trithuc.analytics.internal.Dimension;
import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeLists;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;

/** The name shown for a value of a dimension, in the user's language. */
@Component
class Labels {

	private final MessageSource messages;
	private final CodeLists codeLists;
	private final AdminUnits adminUnits;
	private final OrgUnits orgUnits;

	Labels(MessageSource messages, CodeLists codeLists, AdminUnits adminUnits, OrgUnits orgUnits) {
		this.messages = messages;
		this.codeLists = codeLists;
		this.adminUnits = adminUnits;
		this.orgUnits = orgUnits;
	}

	String label(Dimension d, String value, LocalDate asOf, Locale locale) {
		if (value.isEmpty()) {
			return message(d == Dimension.ACADEMIC_TITLE ? "analytics.value.none" : "analytics.value.unknown", locale);
		}
		return switch (d) {
			case ALL -> message("analytics.total", locale);
			case SEX -> message("registry.sex." + value, locale);
			case AGE_BAND -> message("analytics.ageBand." + value, locale);
			case YOUNG, MINORITY, PARTY, AREA_ASSUMED, REMOTE -> message("analytics.value." + value, locale);
			case SECTOR -> messageOr("analytics.sector." + value, value, locale);
			case DEGREE -> messageOr("registry.degree." + value, value, locale);
			case CATEGORY -> messageOr("registry.category." + value, value, locale);
			case ETHNIC_GROUP -> code(CodeListKind.ETHNIC_GROUP, value);
			case ACADEMIC_TITLE -> code(CodeListKind.ACADEMIC_TITLE, value);
			case FIELD -> code(CodeListKind.FIELD_OF_STUDY, value);
			case AREA -> uuid(value).flatMap(id -> adminUnits.find(new AdminUnitId(id))).map(AdminUnit::name).orElse(value);
			case UNIT -> uuid(value).flatMap(id -> orgUnits.find(new OrgUnitId(id), asOf).or(() -> orgUnits.find(new OrgUnitId(id))))
				.map(OrgUnit::name)
				.orElseGet(() -> messages.getMessage("analytics.unit.unlisted", new Object[] { value.substring(0, 8) }, locale));
		};
	}

	String format(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}

	String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private String messageOr(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}

	private String code(CodeListKind kind, String code) {
		return codeLists.find(kind, code).map(CodeListEntry::name).orElse(code);
	}

	private static java.util.Optional<UUID> uuid(String value) {
		try {
			return java.util.Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}
}
