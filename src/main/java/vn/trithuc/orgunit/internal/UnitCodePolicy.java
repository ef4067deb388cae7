package vn.trithuc.orgunit.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import vn.trithuc.orgunit.OrgUnitRuleViolation;

/**
 * A unit code is 2–40 letters, digits, dots, hyphens or underscores, and names one unit forever: the code of a
 * dissolved or merged unit is never given to a new one (data recorded under it must stay unambiguous).
 */
final class UnitCodePolicy {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{2,40}");

	private UnitCodePolicy() {
	}

	static void check(String code, Optional<UnitFacts> holder) {
		if (!FORMAT.matcher(code).matches()) {
			throw new OrgUnitRuleViolation("orgunit.rule.codeFormat", code);
		}
		holder.ifPresent(unit -> {
			if (unit.validTo() != null) {
				throw new OrgUnitRuleViolation("orgunit.rule.codeRetired", code, unit.name(), UnitFacts.day(unit.validTo()));
			}
			throw new OrgUnitRuleViolation("orgunit.rule.codeTaken", code, unit.name());
		});
	}
}
