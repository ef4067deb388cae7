package vn.trithuc.orgunit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import vn.trithuc.orgunit.OrgUnitRuleViolation;

/** Dates as officers type them: dd/MM/yyyy. */
final class DateInput {

	private DateInput() {
	}

	/** The date typed, or today when nothing was typed. @throws OrgUnitRuleViolation when it is no date */
	static LocalDate orToday(@Nullable String text, Clock clock) {
		return text == null || text.isBlank() ? LocalDate.now(clock) : required(text, "orgunit.form.asOf");
	}

	static LocalDate required(@Nullable String text, String fieldKey) {
		if (text == null || text.isBlank()) {
			throw new OrgUnitRuleViolation("orgunit.form.dateRequired", fieldKey);
		}
		try {
			return vn.trithuc.orgunit.internal.StrictDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw new OrgUnitRuleViolation("orgunit.form.dateInvalid", text.strip());
		}
	}

	static @Nullable LocalDate optional(@Nullable String text) {
		return text == null || text.isBlank() ? null : required(text, "");
	}
}
