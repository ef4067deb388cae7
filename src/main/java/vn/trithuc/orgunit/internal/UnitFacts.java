package vn.trithuc.orgunit.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.shared.Formats;

/**
 * What the rules need to know about a unit: its lifetime and the first day of its latest version.
 *
 * @param lastChange first day of the unit's latest attribute version
 */
record UnitFacts(OrgUnitId id, String code, String name, LocalDate validFrom, @Nullable LocalDate validTo,
		LocalDate lastChange) {

	static String day(@Nullable LocalDate date) {
		return date == null ? "" : Formats.DATE.format(date);
	}
}
