package vn.trithuc.orgunit.internal;

import java.time.LocalDate;

import vn.trithuc.orgunit.OrgUnitRuleViolation;

/**
 * An operation touches a unit only while it exists: not before its first day, not after its last, and not
 * before its latest recorded change (history is written in date order). Ending a unit on its first day
 * would leave it without a single day of existence.
 */
final class UnitLifetimePolicy {

	private UnitLifetimePolicy() {
	}

	static void requireInForce(UnitFacts unit, LocalDate date) {
		if (date.isBefore(unit.validFrom())) {
			throw new OrgUnitRuleViolation("orgunit.rule.beforeExistence", unit.name(), UnitFacts.day(unit.validFrom()),
					UnitFacts.day(date));
		}
		if (unit.validTo() != null && date.isAfter(unit.validTo())) {
			throw new OrgUnitRuleViolation("orgunit.rule.afterEnd", unit.name(), UnitFacts.day(unit.validTo()),
					UnitFacts.day(date));
		}
	}

	/** The unit may get a new version of its attributes from {@code date}. */
	static void requireChangeable(UnitFacts unit, LocalDate date) {
		requireInForce(unit, date);
		if (date.isBefore(unit.lastChange())) {
			throw new OrgUnitRuleViolation("orgunit.rule.beforeLastChange", unit.name(), UnitFacts.day(unit.lastChange()),
					UnitFacts.day(date));
		}
	}

	/** The unit may cease to exist from {@code date} (its last day is the day before). */
	static void requireEndable(UnitFacts unit, LocalDate date) {
		requireChangeable(unit, date);
		if (!date.isAfter(unit.validFrom())) {
			throw new OrgUnitRuleViolation("orgunit.rule.endOnFirstDay", unit.name(), UnitFacts.day(unit.validFrom()));
		}
	}
}
