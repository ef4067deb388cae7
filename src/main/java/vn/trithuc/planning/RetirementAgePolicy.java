package vn.trithuc.planning;

import java.time.LocalDate;
import java.time.Period;

import vn.trithuc.registry.Sex;

/**
 * The retirement-age roadmap (Labour Code 2019 art. 169, Decree 135/2020; DOMAIN.md): men 60 years 3 months in 2021,
 * 3 months more each year, 62 from 2028; women 55 years 4 months in 2021, 4 months more each year, 60 from 2035.
 * The age that applies is that of the year in which the person reaches it; retirement takes effect on the first
 * day of the month after the month they reach it. Before 2021: 60 and 55.
 */
public final class RetirementAgePolicy {

	private RetirementAgePolicy() {
	}

	/** The normal retirement age of a year, in months. */
	public static int ageInMonths(Sex sex, int year) {
		if (sex == Sex.MALE) {
			return year < 2021 ? 60 * 12 : Math.min(62 * 12, 60 * 12 + 3 + 3 * (year - 2021));
		}
		return year < 2021 ? 55 * 12 : Math.min(60 * 12, 55 * 12 + 4 + 4 * (year - 2021));
	}

	/** The day the person reaches the retirement age that applies to them. */
	public static LocalDate reachesAge(Sex sex, LocalDate birth) {
		for (int year = birth.getYear() + 50; year < birth.getYear() + 70; year++) {
			var reach = birth.plusMonths(ageInMonths(sex, year));
			if (reach.getYear() <= year) {
				return reach;
			}
		}
		throw new IllegalStateException("no retirement year found for " + birth);
	}

	/** The first day in retirement: the first day of the month after the month the age is reached. */
	public static LocalDate retirementDate(Sex sex, LocalDate birth) {
		return reachesAge(sex, birth).withDayOfMonth(1).plusMonths(1);
	}

	/** The age that applies, as years and months. */
	public static Period retirementAge(Sex sex, LocalDate birth) {
		return Period.between(birth, reachesAge(sex, birth)).normalized();
	}
}
