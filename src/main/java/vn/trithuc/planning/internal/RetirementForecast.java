package vn.trithuc.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	RetirementForecast(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/**
	 * The scope's staff on {@code :d} with the retirement date that applies ({@code retires}: the override's, else the
	 * roadmap's) and whether it is overridden: the workforce's columns, then roadmap_date, retires, overridden.
	 */
	static String staffSql(Scope scope, Map<String, Object> params) {
		return "select " + Workforce.prefixed() + """
				, w.roadmap_date,
				  case when o.person_id is null or w.roadmap_date is null then w.roadmap_date when o.planned_date is not null then o.planned_date
				       else cast(w.roadmap_date + make_interval(months => o.extension_months) as date) end as retires,
				  o.person_id is not null and w.roadmap_date is not null as overridden
				from planning.workforce_period w left join planning.retirement_override o on o.person_id = w.person_id
				where\s""" + Workforce.validOn(":d") + " and " + Workforce.inScope(scope, params);
	}

	/** The breakdown's value as SQL over the staff rows ("" when unknown). */
	private static String valueSql(By by) {
		return switch (by) {
			case UNIT -> "coalesce(cast(org_unit as text), '')";
			case FIELD -> "coalesce(field, '')";
			case DEGREE -> "coalesce(degree, '')";
		};
	}

	/**
	 * One scan of the scope's staff, grouped in SQL: per value and year of retirement the people retiring within the ten
	 * years; over all, the staff, those past their date and those without birth data.
	 */
	public Forecast forecast(LocalDate today, Scope scope, By by) {
		int first = today.getYear();
		var years = new ArrayList<Integer>();
		for (int y = first; y < first + YEARS; y++) {
			years.add(y);
		}
		var params = new HashMap<String, Object>();
		params.put("d", today);
		params.put("limit", LocalDate.of(first + YEARS, 1, 1));
		var counts = new LinkedHashMap<String, long[]>();
		var totals = new long[YEARS];
		long[] overall = new long[3];
		jdbc.sql("select v, y, grouping(v, y), count(*), count(*) filter (where retires > :d and retires < :limit),"
				+ " count(*) filter (where retires <= :d), count(*) filter (where roadmap_date is null)"
				+ " from (select " + valueSql(by) + " as v, cast(extract(year from retires) as int) as y, retires, roadmap_date"
				+ " from (" + staffSql(scope, params) + ") s) t group by grouping sets ((v, y), ())")
			.params(params).query((RowCallbackHandler) rs -> {
				if (rs.getInt(3) != 0) {
					overall[0] = rs.getLong(4);
					overall[1] = rs.getLong(6);
					overall[2] = rs.getLong(7);
					return;
				}
				long n = rs.getLong(5);
				if (n == 0) {
					return;
				}
				int index = rs.getInt(2) - first;
				counts.computeIfAbsent(rs.getString(1), k -> new long[YEARS])[index] += n;
				totals[index] += n;
			});
		return new Forecast(today, by, years, counts, totals, overall[0], overall[1], overall[2]);
	}

	/** A page of the people behind a number, and how many there are in all. */
	public record Page(List<Retiree> people, long total) {
	}

	/**
	 * The people behind one number: retiring in {@code year} (all ten years when null), with the value when given,
	 * soonest first; {@code limit} people from {@code offset}, paged in SQL.
	 */
	public Page people(LocalDate today, Scope scope, By by, @Nullable String value, @Nullable Integer year, int offset, int limit) {
		int first = today.getYear();
		var params = new HashMap<String, Object>();
		params.put("d", today);
		params.put("limit", LocalDate.of(first + YEARS, 1, 1));
		var where = new StringBuilder(" where retires > :d and retires < :limit");
		if (year != null) {
			where.append(" and retires >= :yearStart and retires < :yearEnd");
			params.put("yearStart", LocalDate.of(year, 1, 1));
			params.put("yearEnd", LocalDate.of(year + 1, 1, 1));
		}
		if (value != null) {
			where.append(" and ").append(valueSql(by)).append(" = :value");
			params.put("value", value);
		}
		var staff = staffSql(scope, params);
		long total = jdbc.sql("select count(*) from (" + staff + ") s" + where).params(params).query(Long.class).single();
		params.put("offset", Math.max(0, offset));
		params.put("size", Math.max(0, limit));
		var people = jdbc.sql("select * from (" + staff + ") s" + where + " order by retires, person_id offset :offset limit :size")
			.params(params)
			.query((rs, n) -> {
				var f = Workforce.facts(rs, 1);
				return new Retiree(f, rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class), rs.getBoolean(17),
						f.birthDate() == null);
			})
			.list();
		return new Page(people, total);
	}
}

