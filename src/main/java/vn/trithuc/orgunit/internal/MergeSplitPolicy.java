package vn.trithuc.orgunit.internal;

import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trithuc.orgunit.OrgUnitRuleViolation;

/**
 * A merge joins at least two different units (one source or more, and the result) (a unit cannot merge with itself); a split gives at least two
 * different units, none of them the unit split.
 */
final class MergeSplitPolicy {

	private MergeSplitPolicy() {
	}

	/** @param existingResult the existing unit the sources merge into; null when the result is new */
	static void checkMerge(List<UnitFacts> sources, @Nullable UnitFacts existingResult) {
		var seen = new HashSet<>();
		for (var source : sources) {
			if (!seen.add(source.id()) || (existingResult != null && existingResult.id().equals(source.id()))) {
				throw new OrgUnitRuleViolation("orgunit.rule.mergeWithItself", source.name());
			}
		}
		// with a new result, one source is enough (it becomes the new unit); with an existing one, too
		if (sources.isEmpty()) {
			throw new OrgUnitRuleViolation("orgunit.rule.mergeTooFew");
		}
	}

	/** @param existingResults the existing units among the results */
	static void checkSplit(UnitFacts source, List<UnitFacts> existingResults, int resultCount) {
		var seen = new HashSet<>();
		for (var result : existingResults) {
			if (result.id().equals(source.id())) {
				throw new OrgUnitRuleViolation("orgunit.rule.splitIntoItself", source.name());
			}
			if (!seen.add(result.id())) {
				throw new OrgUnitRuleViolation("orgunit.rule.duplicateUnit", result.name());
			}
		}
		if (resultCount < 2) {
			throw new OrgUnitRuleViolation("orgunit.rule.splitTooFew", source.name());
		}
	}
}
