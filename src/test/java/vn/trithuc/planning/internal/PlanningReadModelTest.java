package vn.trithuc.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.planning.internal.RetirementForecast.By;
import vn.trithuc.registry.PersonFacts;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;

/**
 * The planning read model aggregated in SQL gives exactly what the former Java computations gave, which read every
 * person's timeline through the registry's API: those computations are kept here as the reference and run side by
 * side on generated people (with overrides), for the whole province and for a unit scope.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningReadModelTest {

	@Autowired
	RetirementForecast forecast;
	@Autowired
	RetirementOverrides overrides;
	@Autowired
	Projections projections;
	@Autowired
	Balance balance;
	@Autowired
	Needs needs;
	@Autowired
	Levels levels;
	@Autowired
	RegistryFacts registry;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;

	LocalDate today = LocalDate.now();
	Scope someUnits;

	@BeforeAll
	void people_with_overrides_and_needs() {
		var placed = new ArrayList<UUID>();
		for (int i = 0; i < 8; i++) {
			placed.add(vn.trithuc.planning.PlanningFixtures.unit(operations, "Trường Đọc Mô Hình " + (i + 1), null));
		}
		var generator = new PeopleGenerator(612, List.of(), placed, today);
		transactions.execute(s -> loader.load(generator, 600, "planning-read-model-test"));
		var units = new ArrayList<UUID>();
		var fields = new ArrayList<String>();
		int overridden = 0;
		for (var person : registry.people()) {
			var f = registry.asOf(person, today);
			if (f.isEmpty() || f.get().orgUnit() == null) {
				continue;
			}
			if (units.size() < 6 && !units.contains(f.get().orgUnit())) {
				units.add(f.get().orgUnit());
			}
			if (f.get().fieldOfStudy() != null && fields.size() < 3 && !fields.contains(f.get().fieldOfStudy())) {
				fields.add(f.get().fieldOfStudy());
			}
			var roadmap = RetirementForecast.roadmapDate(f.get());
			if (roadmap.isPresent() && overridden < 25 && overrides.find(person).isEmpty()
					&& roadmap.get().getYear() < today.getYear() + 8) {
				if (overridden % 2 == 0) {
					overrides.set(person, roadmap.get(), null, 18, "Kéo dài thời gian công tác", "test", null);
				}
				else {
					overrides.set(person, roadmap.get(), roadmap.get().minusYears(2), null, "Nghỉ hưu trước tuổi", "test", null);
				}
				overridden++;
			}
		}
		someUnits = Scope.of(Set.copyOf(units.subList(0, 3)));
		int year = today.getYear() + 2;
		for (var unit : units) {
			for (var field : fields) {
				needs.save(new Needs.Line(unit, field, "DAI_HOC", year, 3, null), Scope.PROVINCE, "test");
				needs.save(new Needs.Line(unit, field, "THAC_SI", year, 2, null), Scope.PROVINCE, "test");
			}
		}
	}

	@Test
	void the_forecast_equals_the_computation_over_every_timeline() {
		for (var scope : List.of(Scope.PROVINCE, someUnits)) {
			for (var by : By.values()) {
				var expected = referenceForecast(today, scope, by);
				var actual = forecast.forecast(today, scope, by);
				assertThat(actual.staff()).as("staff").isEqualTo(expected.staff()).isPositive();
				assertThat(actual.pastAge()).as("past age").isEqualTo(expected.pastAge());
				assertThat(actual.noBirthData()).as("no birth data").isEqualTo(expected.noBirthData());
				assertThat(actual.totals()).as("totals by %s", by).containsExactly(expected.totals());
				assertThat(actual.counts().keySet()).as("values by %s", by).isEqualTo(expected.counts().keySet());
				expected.counts().forEach((value, counts) -> assertThat(actual.counts().get(value)).as("%s = %s", by, value)
					.containsExactly(counts));
			}
		}
	}

	@Test
	void the_people_behind_a_number_come_in_pages_of_the_same_people() {
		var reference = referenceRetirees(today, Scope.PROVINCE).stream()
			.filter(r -> r.retirementDate().isAfter(today) && r.retirementDate().getYear() < today.getYear() + RetirementForecast.YEARS)
			.toList();
		var busiest = By.FIELD.value(reference.get(0).facts());
		int year = reference.get(0).retirementDate().getYear();
		var expected = reference.stream().filter(r -> By.FIELD.value(r.facts()).equals(busiest) && r.retirementDate().getYear() == year)
			.sorted(Comparator.comparing(RetirementForecast.Retiree::retirementDate)).toList();
		var pages = new ArrayList<RetirementForecast.Retiree>();
		for (int offset = 0; offset < expected.size() + 3; offset += 3) {
			var page = forecast.people(today, Scope.PROVINCE, By.FIELD, busiest, year, offset, 3);
			assertThat(page.total()).isEqualTo(expected.size());
			pages.addAll(page.people());
		}
		assertThat(pages).extracting(r -> r.facts().person()).containsExactlyInAnyOrderElementsOf(
				expected.stream().map(r -> r.facts().person()).toList());
		assertThat(pages).extracting(RetirementForecast.Retiree::retirementDate).isSorted()
			.containsExactlyElementsOf(expected.stream().map(RetirementForecast.Retiree::retirementDate).toList());
		assertThat(pages).filteredOn(RetirementForecast.Retiree::overridden).allSatisfy(r -> assertThat(overrides.find(r.facts().person())).isPresent());
		// all ten years of everybody
		assertThat(forecast.people(today, Scope.PROVINCE, By.UNIT, null, null, 0, 10).total()).isEqualTo(reference.size());
	}

	@Test
	void the_balance_equals_the_computation_over_every_timeline() {
		int year = today.getYear() + 2;
		for (var scope : List.of(Scope.PROVINCE, someUnits)) {
			var expected = referenceBalance(today, scope, year);
			var actual = balance.compute(today, scope, year, Set::of);
			assertThat(actual.byField()).isNotEmpty().isEqualTo(expected.byField());
			assertThat(actual.byUnit()).isEqualTo(expected.byUnit());
			assertThat(actual.byField()).anySatisfy(l -> assertThat(l.supplyNow()).isPositive());
			assertThat(actual.unitShortageSurplus().keySet()).isEqualTo(expected.unitShortageSurplus().keySet());
			expected.unitShortageSurplus().forEach((k, v) -> assertThat(actual.unitShortageSurplus().get(k)).containsExactly(v));
		}
	}

	@Test
	void the_historical_rates_equal_the_computation_over_every_timeline() {
		for (var scope : List.of(Scope.PROVINCE, someUnits)) {
			var expected = referenceRates(today, scope);
			assertThat(projections.historicalRates(today, scope)).isEqualTo(expected);
			assertThat(expected.stockYears()).isPositive();
		}
	}

	// ---------------------------------------------------------------- the former computations, over every timeline

	private List<PersonFacts> staff(LocalDate date, Scope scope) {
		var people = new ArrayList<PersonFacts>();
		registry.forEachTimeline(timeline -> timeline.stream().filter(f -> f.validOn(date) && scope.includes(f.orgUnit())).findFirst()
			.ifPresent(people::add));
		return people;
	}

	private List<RetirementForecast.Retiree> referenceRetirees(LocalDate date, Scope scope) {
		return retirees(staff(date, scope));
	}

	private List<RetirementForecast.Retiree> retirees(List<PersonFacts> staff) {
		var overridden = overrides.all();
		var result = new ArrayList<RetirementForecast.Retiree>();
		for (var f : staff) {
			var roadmap = RetirementForecast.roadmapDate(f);
			if (roadmap.isEmpty()) {
				continue;
			}
			var o = overridden.get(f.person());
			result.add(new RetirementForecast.Retiree(f, roadmap.get(), o == null ? roadmap.get() : o.apply(roadmap.get()), o != null,
					f.birthDate() == null));
		}
		return result;
	}

	private RetirementForecast.Forecast referenceForecast(LocalDate date, Scope scope, By by) {
		var staff = staff(date, scope);
		var retirees = retirees(staff);
		int first = date.getYear();
		var years = new ArrayList<Integer>();
		for (int y = first; y < first + RetirementForecast.YEARS; y++) {
			years.add(y);
		}
		var counts = new LinkedHashMap<String, long[]>();
		var totals = new long[RetirementForecast.YEARS];
		long pastAge = 0;
		for (var r : retirees) {
			if (!r.retirementDate().isAfter(date)) {
				pastAge++;
				continue;
			}
			int index = r.retirementDate().getYear() - first;
			if (index >= RetirementForecast.YEARS) {
				continue;
			}
			counts.computeIfAbsent(by.value(r.facts()), k -> new long[RetirementForecast.YEARS])[index]++;
			totals[index]++;
		}
		return new RetirementForecast.Forecast(date, by, years, counts, totals, staff.size(), pastAge, staff.size() - retirees.size());
	}

	private Balance.Result referenceBalance(LocalDate date, Scope scope, int year) {
		var lines = needs.list(scope, year);
		var staff = staff(date, scope);
		var dates = new HashMap<PersonId, LocalDate>();
		retirees(staff).forEach(r -> dates.put(r.facts().person(), r.retirementDate()));
		var end = LocalDate.of(year, 12, 31);
		var needByField = new LinkedHashMap<String, Long>();
		for (var n : lines) {
			needByField.merge(n.field() + "|" + n.degree(), (long) n.count(), Long::sum);
		}
		var byField = new ArrayList<Balance.Line>();
		needByField.forEach((key, need) -> {
			var parts = key.split("\\|", 2);
			byField.add(line(key, need, staff, dates, parts[0], parts[1], null, date, end));
		});
		var byUnit = new LinkedHashMap<UUID, long[]>();
		var shortageSurplus = new HashMap<String, long[]>();
		for (var n : lines) {
			var l = line(n.orgUnit().toString(), n.count(), staff, dates, n.field(), n.degree(), Set.of(n.orgUnit()), date, end);
			var sums = byUnit.computeIfAbsent(n.orgUnit(), k -> new long[4]);
			sums[0] += l.need();
			sums[1] += l.supplyNow();
			sums[2] += l.retiring();
			sums[3] += l.supply();
			var ss = shortageSurplus.computeIfAbsent(n.orgUnit().toString(), k -> new long[2]);
			if (l.gap() < 0) {
				ss[0] += -l.gap();
			}
			else {
				ss[1] += l.gap();
			}
		}
		var unitLines = new ArrayList<Balance.Line>();
		byUnit.forEach((unit, s) -> unitLines.add(new Balance.Line(unit.toString(), s[0], s[1], s[2], s[3])));
		return new Balance.Result(year, byField, unitLines, shortageSurplus);
	}

	private Balance.Line line(String key, long need, List<PersonFacts> staff, Map<PersonId, LocalDate> dates, String field,
			String degree, @Nullable Set<UUID> units, LocalDate date, LocalDate end) {
		long now = 0;
		long retiring = 0;
		for (var f : staff) {
			var retirement = dates.get(f.person());
			if (!field.equals(f.fieldOfStudy()) || !levels.atLeast(CodeListKind.EDUCATION_LEVEL, f.degree(), degree)) {
				continue;
			}
			if (units != null && (f.orgUnit() == null || !units.contains(f.orgUnit()))) {
				continue;
			}
			if (retirement != null && !retirement.isAfter(date)) {
				continue;
			}
			now++;
			if (retirement != null && !retirement.isAfter(end)) {
				retiring++;
			}
		}
		return new Balance.Line(key, need, now, retiring, now - retiring);
	}

	private Projections.Rates referenceRates(LocalDate date, Scope scope) {
		int last = date.getYear() - 1;
		int first = last - Projections.HISTORY_YEARS + 1;
		var dates = new ArrayList<LocalDate>();
		for (int y = first; y <= last + 1; y++) {
			dates.add(LocalDate.of(y, 1, 1));
		}
		long[] c = new long[4];
		registry.forEachTimeline(timeline -> {
			boolean[] present = new boolean[dates.size()];
			PersonFacts someFacts = null;
			for (int i = 0; i < dates.size(); i++) {
				for (var f : timeline) {
					if (f.validOn(dates.get(i)) && scope.includes(f.orgUnit())) {
						present[i] = true;
						someFacts = f;
						break;
					}
				}
			}
			if (someFacts == null) {
				return;
			}
			var roadmap = RetirementForecast.roadmapDate(someFacts);
			for (int i = 0; i + 1 < dates.size(); i++) {
				if (present[i]) {
					c[0]++;
				}
				if (!present[i] && present[i + 1]) {
					c[1]++;
				}
				if (present[i] && !present[i + 1]) {
					if (roadmap.isPresent() && !roadmap.get().isAfter(dates.get(i + 1))) {
						c[3]++;
					}
					else {
						c[2]++;
					}
				}
			}
		});
		double inflow = c[0] == 0 ? 0 : (double) c[1] / c[0];
		double outflow = c[0] == 0 ? 0 : (double) c[2] / c[0];
		return new Projections.Rates(Math.min(1, inflow), Math.min(1, outflow), c[0], c[1], c[2], c[3], first, last);
	}
}
