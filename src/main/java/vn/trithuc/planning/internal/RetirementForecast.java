package vn.trithuc.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trithuc.planning.RetirementAgePolicy;
import vn.trithuc.registry.PersonFacts;

/**
 * Who retires in each of the next ten years: the intellectuals of a scope today, each with the first day of
 * retirement of the roadmap ({@link RetirementAgePolicy}) or of their override. A person counts in the year their
 * retirement takes effect; one whose date has already passed but who is still recorded at work is counted apart.
 * A person with only a birth year is taken as born on 1 January of it (the rule used when day and month are unknown
 * [unverified]); nobody without any birth data is forecast (counted apart).
 */
@Component
public class RetirementForecast {

	public static final int YEARS = 10;

	private final Workforce workforce;
	private final RetirementOverrides overrides;

	RetirementForecast(Workforce workforce, RetirementOverrides overrides) {
		this.workforce = workforce;
		this.overrides = overrides;
	}

	/** What a forecast is broken down by. */
	public enum By {
		UNIT, FIELD, DEGREE;

		public String value(PersonFacts f) {
			var v = switch (this) {
				case UNIT -> f.orgUnit() == null ? null : f.orgUnit().toString();
				case FIELD -> f.fieldOfStudy();
				case DEGREE -> f.degree();
			};
			return v == null ? "" : v;
		}

		public String messageKey() {
			return "planning.by." + name();
		}

		public static By parse(@Nullable String text) {
			for (var by : values()) {
				if (by.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
					return by;
				}
			}
			return UNIT;
		}
	}

	/**
	 * @param roadmapDate the first day of retirement by the roadmap
	 * @param retirementDate the one that applies (the override's when there is one)
	 * @param birthDayAssumed only the birth year is recorded
	 */
	public record Retiree(PersonFacts facts, LocalDate roadmapDate, LocalDate retirementDate, boolean overridden,
			boolean birthDayAssumed) {
	}

	/**
	 * @param counts per value of the breakdown, one count per year (first year = this year)
	 * @param pastAge still recorded at work after their retirement date
	 * @param noBirthData cannot be forecast
	 */
	public record Forecast(LocalDate today, By by, List<Integer> years, Map<String, long[]> counts, long[] totals, long staff,
			long pastAge, long noBirthData) {

		public long total() {
			long sum = 0;
			for (long n : totals) {
				sum += n;
			}
			return sum;
		}
	}

	/** The roadmap's first day of retirement, from the birth date or 1 January of the birth year. */
	public static Optional<LocalDate> roadmapDate(PersonFacts f) {
		if (f.birthDate() != null) {
			return Optional.of(RetirementAgePolicy.retirementDate(f.sex(), f.birthDate()));
		}
		if (f.birthYear() != null) {
			return Optional.of(RetirementAgePolicy.retirementDate(f.sex(), LocalDate.of(f.birthYear(), 1, 1)));
		}
		return Optional.empty();
	}

	/** Everybody in the scope today with their retirement date; second element: how many have no birth data. */
	public List<Retiree> retirees(LocalDate today, Scope scope) {
		return retirees(workforce.asOf(today, scope));
	}

	List<Retiree> retirees(List<PersonFacts> staff) {
		var overridden = overrides.all();
		var result = new ArrayList<Retiree>();
		for (var f : staff) {
			var roadmap = roadmapDate(f);
			if (roadmap.isEmpty()) {
				continue;
			}
			var o = overridden.get(f.person());
			result.add(new Retiree(f, roadmap.get(), o == null ? roadmap.get() : o.apply(roadmap.get()), o != null,
					f.birthDate() == null));
		}
		return result;
	}

	public Forecast forecast(LocalDate today, Scope scope, By by) {
		var staff = workforce.asOf(today, scope);
		var retirees = retirees(staff);
		int first = today.getYear();
		var years = new ArrayList<Integer>();
		for (int y = first; y < first + YEARS; y++) {
			years.add(y);
		}
		var counts = new LinkedHashMap<String, long[]>();
		var totals = new long[YEARS];
		long pastAge = 0;
		for (var r : retirees) {
			if (!r.retirementDate().isAfter(today)) {
				pastAge++;
				continue;
			}
			int index = r.retirementDate().getYear() - first;
			if (index >= YEARS) {
				continue;
			}
			counts.computeIfAbsent(by.value(r.facts()), k -> new long[YEARS])[index]++;
			totals[index]++;
		}
		return new Forecast(today, by, years, counts, totals, staff.size(), pastAge, staff.size() - retirees.size());
	}

	/** The people behind one number: retiring in {@code year} (all ten years when null), with the value when given. */
	public List<Retiree> people(LocalDate today, Scope scope, By by, @Nullable String value, @Nullable Integer year) {
		int first = today.getYear();
		return retirees(today, scope).stream()
			.filter(r -> r.retirementDate().isAfter(today) && r.retirementDate().getYear() < first + YEARS)
			.filter(r -> year == null || r.retirementDate().getYear() == year)
			.filter(r -> value == null || by.value(r.facts()).equals(value))
			.sorted(Comparator.comparing(Retiree::retirementDate))
			.toList();
	}
}
