package vn.trithuc.planning.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeLists;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.planning.internal.RetirementForecast.By;

/** Names shown for units, fields and degrees, in the user's language. */
@Component
class PlanningLabels {

	private final MessageSource messages;
	private final CodeLists codeLists;
	private final OrgUnits orgUnits;

	PlanningLabels(MessageSource messages, CodeLists codeLists, OrgUnits orgUnits) {
		this.messages = messages;
		this.codeLists = codeLists;
		this.orgUnits = orgUnits;
	}

	String label(By by, String value, LocalDate date, Locale locale) {
		if (value.isEmpty()) {
			return message("planning.value.unknown", locale);
		}
		return switch (by) {
			case UNIT -> unit(value, date, locale);
			case FIELD -> code(CodeListKind.FIELD_OF_STUDY, value);
			case DEGREE -> messages.getMessage("registry.degree." + value, null, value, locale);
		};
	}

	String unit(String value, LocalDate date, Locale locale) {
		try {
			var id = new OrgUnitId(UUID.fromString(value));
			return orgUnits.find(id, date).or(() -> orgUnits.find(id)).map(OrgUnit::name)
				.orElseGet(() -> messages.getMessage("planning.unit.unlisted", new Object[] { value.substring(0, 8) }, locale));
		}
		catch (IllegalArgumentException e) {
			return value;
		}
	}

	String code(CodeListKind kind, String code) {
		return codeLists.find(kind, code).map(CodeListEntry::name).orElse(code);
	}

	String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
