package vn.trithuc.orgunit.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.function.Function;

import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitRuleViolation;

/** A unit cannot come under itself or under one of its own descendants: the tree stays a tree. */
final class TreeWithoutCyclesPolicy {

	private TreeWithoutCyclesPolicy() {
	}

	/**
	 * @param parentOf the parent of a unit on the operation's date
	 */
	static void check(UnitFacts unit, UnitFacts newParent, Function<OrgUnitId, Optional<OrgUnitId>> parentOf) {
		if (unit.id().equals(newParent.id())) {
			throw new OrgUnitRuleViolation("orgunit.rule.ownParent", unit.name());
		}
		var seen = new HashSet<OrgUnitId>();
		var current = Optional.of(newParent.id());
		while (current.isPresent() && seen.add(current.get())) {
			if (current.get().equals(unit.id())) {
				throw new OrgUnitRuleViolation("orgunit.rule.cycle", unit.name(), newParent.name());
			}
			current = parentOf.apply(current.get());
		}
	}
}
