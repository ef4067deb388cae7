package vn.trithuc.analytics.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.trithuc.registry.PersonFacts;

/** A person's (or a group's) facts as stored, with the age on the date asked ({@code asOf}); null where not known or not grouped. */
record Raw(@Nullable String sex, @Nullable Integer age, @Nullable String ethnicGroup, @Nullable String degree,
		@Nullable String field, @Nullable String academicTitle, @Nullable String category, @Nullable UUID orgUnit,
		@Nullable UUID residence, @Nullable Boolean party, LocalDate asOf) {

	static Raw of(PersonFacts f, LocalDate date) {
		return new Raw(f.sex().name(), f.ageOn(date), f.ethnicGroup(), f.degree(), f.fieldOfStudy(), f.academicTitle(),
				f.personnelCategory(), f.orgUnit(), f.residence(), f.partyMember(), date);
	}
}
