package vn.trithuc.orgunit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A successor link: from {@code effectiveOn}, {@code successor} took over the whole or a part of
 * {@code predecessor}'s work; {@code carriesWork} marks the unit that carries on its programs and reports.
 *
 * @param matter what passed, in the decision's words (e.g. «các chương trình hành động»); may be null
 */
public record Succession(OrgUnitId predecessor, String predecessorName, OrgUnitId successor, String successorName,
		LocalDate effectiveOn, Extent extent, boolean carriesWork, @Nullable String matter) {

	public enum Extent {
		WHOLE, PARTIAL;

		public String messageKey() {
			return "orgunit.extent." + name();
		}
	}
}
