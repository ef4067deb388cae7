package vn.trithuc.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.planning.RetirementAgePolicy;
import vn.trithuc.planning.internal.RetirementForecast.By;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;
import vn.trithuc.registry.internal.Profiles;

/**
 * The forecast's counts equal a direct count made through the registry's API person by person, on generated data;
 * an override moves one person from one year to another and is logged.
 */
@IntegrationTest
class RetirementForecastTest {

	@Autowired
	RetirementForecast forecast;
	@Autowired
	RetirementOverrides overrides;
	@Autowired
	RegistryFacts registry;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	Profiles profiles;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;

	@Test
	void forecast_counts_equal_direct_counts_on_generated_people() {
		var today = LocalDate.now();
		transactions.execute(s -> loader.load(new PeopleGenerator(45, List.of(), today), 400, "planning-test"));
		var overridden = overrides.all();
		for (var by : By.values()) {
			var expected = new HashMap<String, long[]>();
			long staff = 0;
			for (PersonId person : registry.people()) {
				var facts = registry.asOf(person, today);
				if (facts.isEmpty()) {
					continue;
				}
				staff++;
				var f = facts.get();
				LocalDate birth = f.birthDate() != null ? f.birthDate() : f.birthYear() != null ? LocalDate.of(f.birthYear(), 1, 1) : null;
				if (birth == null) {
					continue;
				}
				var date = RetirementAgePolicy.retirementDate(f.sex(), birth);
				if (overridden.containsKey(person)) {
					date = overridden.get(person).apply(date);
				}
				if (date.isAfter(today) && date.getYear() < today.getYear() + 10) {
					expected.computeIfAbsent(by.value(f), k -> new long[10])[date.getYear() - today.getYear()]++;
				}
			}
			var result = forecast.forecast(today, Scope.PROVINCE, by);
			assertThat(result.staff()).isEqualTo(staff);
			assertThat(result.counts().keySet()).as("values by %s", by).isEqualTo(expected.keySet());
			expected.forEach((value, counts) -> assertThat(result.counts().get(value)).as("%s = %s", by, value).containsExactly(counts));
			assertThat(result.total()).isPositive();
			// the people behind a number are exactly that many
			var busiest = expected.entrySet().iterator().next();
			for (int i = 0; i < 10; i++) {
				var page = forecast.people(today, Scope.PROVINCE, by, busiest.getKey(), today.getYear() + i, 0, 1_000_000);
				assertThat(page.people()).hasSize((int) busiest.getValue()[i]);
				assertThat(page.total()).isEqualTo(busiest.getValue()[i]);
			}
		}
	}

	@Test
	void an_override_moves_the_person_and_is_logged() {
		var today = LocalDate.now();
		var unit = vn.trithuc.planning.PlanningFixtures.unit(operations, "Trường Kiểm Thử Hưu Trí", null);
		// a woman born on 10/03/1970: 2027's age 57y4m is reached on 10/07/2027, so she retires on 1/8/2027
		var birth = LocalDate.of(1970, 3, 10);
		var id = vn.trithuc.planning.PlanningFixtures.person(profiles, "Hưu Trí", Sex.FEMALE, birth, "TIEN_SI", "14", unit, Map.of());
		var person = new PersonId(id);
		var roadmap = RetirementAgePolicy.retirementDate(Sex.FEMALE, birth);
		assertThat(roadmap).isEqualTo(LocalDate.of(2027, 8, 1));
		var scope = Scope.of(java.util.Set.of(unit));
		assertThat(forecast.forecast(today, scope, By.DEGREE).counts().get("TIEN_SI")[2027 - today.getYear()]).isEqualTo(1);

		assertThatThrownBy(() -> overrides.set(person, roadmap, null, 24, " ", "hr", null))
			.hasMessage("planning.override.reasonRequired");
		assertThatThrownBy(() -> overrides.set(person, roadmap, LocalDate.of(2033, 1, 1), null, "x", "hr", null))
			.hasMessage("planning.override.dateRange");
		assertThatThrownBy(() -> overrides.set(person, roadmap, LocalDate.of(2030, 1, 1), 3, "x", "hr", null))
			.hasMessage("planning.override.oneOfTwo");
		assertThat(overrides.find(person)).isEmpty();

		overrides.set(person, roadmap, null, 24, "Tiến sĩ, kéo dài thời gian công tác", "hr.officer", null);
		var moved = forecast.forecast(today, scope, By.DEGREE).counts().get("TIEN_SI");
		assertThat(moved[2027 - today.getYear()]).isZero();
		assertThat(moved[2029 - today.getYear()]).isEqualTo(1);
		assertThat(forecast.people(today, scope, By.DEGREE, "TIEN_SI", 2029, 0, 50).people()).singleElement()
			.satisfies(r -> assertThat(r.retirementDate()).isEqualTo(LocalDate.of(2029, 8, 1)))
			.satisfies(r -> assertThat(r.overridden()).isTrue());
		// a stale form is refused
		assertThatThrownBy(() -> overrides.set(person, roadmap, LocalDate.of(2030, 6, 1), null, "x", "hr", 7))
			.hasMessage("planning.override.conflict");
		overrides.set(person, roadmap, LocalDate.of(2030, 6, 1), null, "Theo nguyện vọng", "hr.officer", 0);
		assertThat(forecast.forecast(today, scope, By.DEGREE).counts().get("TIEN_SI")[2030 - today.getYear()]).isEqualTo(1);
		assertThat(overrides.remove(person, "hr.officer")).isTrue();
		assertThat(forecast.forecast(today, scope, By.DEGREE).counts().get("TIEN_SI")[2027 - today.getYear()]).isEqualTo(1);
		assertThat(overrides.changes(person)).extracting(RetirementOverrides.Change::action).containsExactly("REMOVED", "SET", "SET");
		assertThat(overrides.changes(person).get(2).extensionMonths()).isEqualTo(24);
		assertThat(overrides.changes(person).get(0).changedBy()).isEqualTo("hr.officer");
	}
}
