package vn.trithuc.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import vn.trithuc.registry.Sex;

/** Retirement dates of men and women born in several years follow the roadmap of DOMAIN.md. */
class RetirementAgePolicyTest {

	@Test
	void ages_of_the_roadmap_by_year() {
		assertThat(RetirementAgePolicy.ageInMonths(Sex.MALE, 2021)).isEqualTo(60 * 12 + 3);
		assertThat(RetirementAgePolicy.ageInMonths(Sex.MALE, 2023)).isEqualTo(60 * 12 + 9);
		assertThat(RetirementAgePolicy.ageInMonths(Sex.MALE, 2028)).isEqualTo(62 * 12);
		assertThat(RetirementAgePolicy.ageInMonths(Sex.MALE, 2040)).isEqualTo(62 * 12);
		assertThat(RetirementAgePolicy.ageInMonths(Sex.FEMALE, 2021)).isEqualTo(55 * 12 + 4);
		assertThat(RetirementAgePolicy.ageInMonths(Sex.FEMALE, 2023)).isEqualTo(56 * 12);
		assertThat(RetirementAgePolicy.ageInMonths(Sex.FEMALE, 2035)).isEqualTo(60 * 12);
		assertThat(RetirementAgePolicy.ageInMonths(Sex.FEMALE, 2050)).isEqualTo(60 * 12);
	}

	@Test
	void men_born_in_several_years() {
		// reaches 60y3m on 15/6/2021, within 2021: retires 1/7/2021
		assertThat(RetirementAgePolicy.retirementDate(Sex.MALE, LocalDate.of(1961, 3, 15))).isEqualTo(LocalDate.of(2021, 7, 1));
		// 2026's 61y6m would fall in 2027; 2027's 61y9m falls in 2027 (1/10/2027): retires 1/11/2027
		assertThat(RetirementAgePolicy.retirementDate(Sex.MALE, LocalDate.of(1966, 1, 1))).isEqualTo(LocalDate.of(2027, 11, 1));
		assertThat(RetirementAgePolicy.retirementAge(Sex.MALE, LocalDate.of(1966, 1, 1))).isEqualTo(Period.of(61, 9, 0));
		// from 2028 on: 62
		assertThat(RetirementAgePolicy.retirementDate(Sex.MALE, LocalDate.of(1970, 5, 1))).isEqualTo(LocalDate.of(2032, 6, 1));
	}

	@Test
	void women_born_in_several_years() {
		assertThat(RetirementAgePolicy.retirementDate(Sex.FEMALE, LocalDate.of(1966, 2, 10))).isEqualTo(LocalDate.of(2021, 7, 1));
		// 59y8m reached on 1/9/2034, the age of 2034: retires 1/10/2034
		assertThat(RetirementAgePolicy.retirementDate(Sex.FEMALE, LocalDate.of(1975, 1, 1))).isEqualTo(LocalDate.of(2034, 10, 1));
		assertThat(RetirementAgePolicy.retirementAge(Sex.FEMALE, LocalDate.of(1975, 1, 1))).isEqualTo(Period.of(59, 8, 0));
		// from 2035 on: 60
		assertThat(RetirementAgePolicy.retirementDate(Sex.FEMALE, LocalDate.of(1980, 6, 1))).isEqualTo(LocalDate.of(2040, 7, 1));
	}
}
