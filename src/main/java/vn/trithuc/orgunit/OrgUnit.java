package vn.trithuc.orgunit;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A unit as it was on one date: its identity and lifetime, and the version of its attributes in force then.
 *
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists; null while it does
 * @param versionFrom first day of the attribute version shown
 * @param versionTo last day of that version; null while it is current
 * @param lockVersion optimistic-lock version of the unit, for forms
 */
public record OrgUnit(OrgUnitId id, String code, OrgUnitKind kind, String name, @Nullable String shortName,
		@Nullable OrgUnitId parentId, @Nullable UUID adminUnitId, @Nullable String address, @Nullable String phone,
		@Nullable String email, @Nullable String headName, @Nullable String headTitle, LocalDate validFrom,
		@Nullable LocalDate validTo, LocalDate versionFrom, @Nullable LocalDate versionTo, int lockVersion) {

	/** Whether the unit exists on {@code date}. */
	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
	}
}
