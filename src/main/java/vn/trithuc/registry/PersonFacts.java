package vn.trithuc.registry;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What statistics need to know about a person during one period in which none of it changed: identity facts and
 * the effective-dated ones (highest degree held and its field, academic title, current position's unit and
 * personnel category, party membership). A person is an intellectual during the period: they hold a degree then,
 * or have no degree recorded at all (counted with the degree unknown).
 *
 * @param validFrom first day, null = since ever
 * @param validTo last day (inclusive), null = still
 * @param degree code of the highest education level held (education-levels), null when unknown
 * @param fieldOfStudy field of that degree (fields-of-study), null when unknown
 * @param academicTitle academic-titles code (PGS, GS), null when none
 * @param personnelCategory of the current position, null when no position
 * @param orgUnit the unit of the current position, null when none
 * @param residence the administrative unit of residence as recorded (possibly a pre-2025 commune)
 */
public record PersonFacts(PersonId person, @Nullable LocalDate validFrom, @Nullable LocalDate validTo, Sex sex,
		@Nullable LocalDate birthDate, @Nullable Integer birthYear, @Nullable String ethnicGroup, @Nullable String degree,
		@Nullable String fieldOfStudy, @Nullable String academicTitle, @Nullable String personnelCategory,
		@Nullable UUID orgUnit, @Nullable UUID residence, boolean partyMember) {

	public boolean validOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
	}

	/** Completed years of age on {@code date}; from the birth year alone when no birth date is recorded. */
	public @Nullable Integer ageOn(LocalDate date) {
		if (birthDate != null) {
			return Period.between(birthDate, date).getYears();
		}
		return birthYear == null ? null : date.getYear() - birthYear;
	}

	/** The same facts over another period. */
	public PersonFacts during(@Nullable LocalDate from, @Nullable LocalDate to) {
		return new PersonFacts(person, from, to, sex, birthDate, birthYear, ethnicGroup, degree, fieldOfStudy, academicTitle,
				personnelCategory, orgUnit, residence, partyMember);
	}

	/** Whether everything but the period is equal. */
	public boolean sameFacts(PersonFacts other) {
		return during(null, null).equals(other.during(null, null));
	}
}
