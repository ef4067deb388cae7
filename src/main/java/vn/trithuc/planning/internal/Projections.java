package vn.trithuc.planning.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;


/**
 * The workforce projected five years ahead: each year starts with the previous year's end, loses the people who
 * retire that year (the forecast, overrides included) and a share leaving for other reasons, and gains planned
 * recruitment, expected returns from sponsored study and a share of other new intellectuals. The shares default to
 * the rates of the last five years, computed from the registry's effective-dated data: entering or leaving the
 * scope's workforce between two 1 January dates, leaving at or after the retirement date counted as retirement.
 */
@Component
public class Projections {

	public static final int YEARS = 5;
	public static final int HISTORY_YEARS = 5;

	private final RetirementForecast forecast;
	private final JdbcClient jdbc;
	private final Clock clock;

	Projections(RetirementForecast forecast, JdbcClient jdbc, Clock clock) {
		this.forecast = forecast;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Yearly rates relative to the stock on 1 January. */
	public record Rates(double inflow, double outflow, long stockYears, long inflows, long outflows, long retirements, int fromYear,
			int toYear) {
	}

	public record Parameters(int recruitmentPerYear, int returnsPerYear, double inflowRate, double outflowRate) {

		public Parameters {
			if (recruitmentPerYear < 0 || returnsPerYear < 0 || inflowRate < 0 || inflowRate > 1 || outflowRate < 0 || outflowRate > 1) {
				throw new IllegalArgumentException("parameters out of range");
			}
		}
	}

	public record Year(int year, double start, long retirements, double outflow, double inflow, int recruitment, int returns,
			double end) {

		public long startPeople() {
			return Math.round(start);
		}

		public long outflowPeople() {
			return Math.round(outflow);
		}

		public long inflowPeople() {
			return Math.round(inflow);
		}

		public long endPeople() {
			return Math.round(end);
		}
	}

	public record Scenario(UUID id, String name, int recruitmentPerYear, int returnsPerYear, @Nullable BigDecimal inflowRate,
			@Nullable BigDecimal outflowRate, String recordedBy, OffsetDateTime recordedAt, int version) {
	}

	/** Rates of the last {@link #HISTORY_YEARS} full years before {@code today}'s year. */
	public Rates historicalRates(LocalDate today, Scope scope) {
		int last = today.getYear() - 1;
		int first = last - HISTORY_YEARS + 1;
		var dates = new ArrayList<LocalDate>();
		for (int y = first; y <= last + 1; y++) {
			dates.add(LocalDate.of(y, 1, 1));
		}
		long[] stock = new long[1];
		long[] in = new long[1];
		long[] out = new long[1];
		long[] retired = new long[1];
		// per person (in SQL): on which of the dates they were in the scope's workforce (a bit each) and their roadmap
		// date; Java then walks the few distinct (dates, roadmap date) groups
		var params = new java.util.HashMap<String, Object>();
		params.put("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new));
		var scopeCondition = Workforce.inScope(scope, params);
		jdbc.sql("select mask, roadmap, count(*) from (select w.person_id, bit_or(1 << cast(d.i - 1 as int)) as mask,"
				+ " min(w.roadmap_date) as roadmap from planning.workforce_period w"
				+ " join unnest(cast(:dates as date[])) with ordinality as d(day, i) on " + Workforce.validOn("d.day")
				+ " where " + scopeCondition + " group by w.person_id) p group by mask, roadmap")
			.params(params).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				int mask = rs.getInt(1);
				var roadmap = rs.getObject(2, LocalDate.class);
				long n = rs.getLong(3);
				for (int i = 0; i + 1 < dates.size(); i++) {
					boolean here = (mask & 1 << i) != 0;
					boolean next = (mask & 1 << (i + 1)) != 0;
					if (here) {
						stock[0] += n;
					}
					if (!here && next) {
						in[0] += n;
					}
					if (here && !next) {
						if (roadmap != null && !roadmap.isAfter(dates.get(i + 1))) {
							retired[0] += n;
						}
						else {
							out[0] += n;
						}
					}
				}
			});
		double inflow = stock[0] == 0 ? 0 : (double) in[0] / stock[0];
		double outflow = stock[0] == 0 ? 0 : (double) out[0] / stock[0];
		return new Rates(Math.min(1, inflow), Math.min(1, outflow), stock[0], in[0], out[0], retired[0], first, last);
	}

	/** Five years from this one; the first year counts only from {@code today}. */
	public List<Year> project(LocalDate today, Scope scope, Parameters p) {
		var result = forecast.forecast(today, scope, RetirementForecast.By.UNIT);
		double stock = result.staff() - result.pastAge();
		var years = new ArrayList<Year>();
		for (int i = 0; i < YEARS; i++) {
			int year = today.getYear() + i;
			double share = i == 0 ? (double) (LocalDate.of(year, 12, 31).getDayOfYear() - today.getDayOfYear() + 1)
					/ LocalDate.of(year, 12, 31).getDayOfYear() : 1.0;
			long retirements = result.totals()[i];
			double outflow = stock * p.outflowRate() * share;
			double inflow = stock * p.inflowRate() * share;
			int recruitment = (int) Math.round(p.recruitmentPerYear() * share);
			int returns = (int) Math.round(p.returnsPerYear() * share);
			double end = Math.max(0, stock - retirements - outflow + inflow + recruitment + returns);
			years.add(new Year(year, stock, retirements, outflow, inflow, recruitment, returns, end));
			stock = end;
		}
		return years;
	}

	// ---------------------------------------------------------------- saved scenarios

	public List<Scenario> scenarios() {
		return jdbc.sql("select id, name, recruitment_per_year, returns_per_year, inflow_rate, outflow_rate, recorded_by, recorded_at, version"
				+ " from planning.scenario order by lower(name)").query((rs, n) -> scenario(rs)).list();
	}

	public Optional<Scenario> scenario(UUID id) {
		return jdbc.sql("select id, name, recruitment_per_year, returns_per_year, inflow_rate, outflow_rate, recorded_by, recorded_at, version"
				+ " from planning.scenario where id = :id").param("id", id).query((rs, n) -> scenario(rs)).optional();
	}

	/** Saves a scenario under its name (replacing one of the same name). @return its id */
	@Transactional
	public UUID save(String name, int recruitmentPerYear, int returnsPerYear, @Nullable BigDecimal inflowRate,
			@Nullable BigDecimal outflowRate, String actor) {
		var text = name.strip();
		if (text.isEmpty() || text.length() > 200) {
			throw new IllegalArgumentException("name");
		}
		new Parameters(recruitmentPerYear, returnsPerYear, inflowRate == null ? 0 : inflowRate.doubleValue(),
				outflowRate == null ? 0 : outflowRate.doubleValue());
		var existing = jdbc.sql("select id from planning.scenario where lower(name) = lower(:n)").param("n", text).query(UUID.class).optional();
		var now = OffsetDateTime.now(clock);
		if (existing.isPresent()) {
			jdbc.sql("""
					update planning.scenario set name = :n, recruitment_per_year = :r, returns_per_year = :t, inflow_rate = :i,
					  outflow_rate = :o, recorded_by = :a, recorded_at = :at, version = version + 1 where id = :id""")
				.param("n", text).param("r", recruitmentPerYear).param("t", returnsPerYear).param("i", inflowRate).param("o", outflowRate)
				.param("a", actor).param("at", now).param("id", existing.get()).update();
			return existing.get();
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into planning.scenario (id, name, recruitment_per_year, returns_per_year, inflow_rate, outflow_rate, recorded_by, recorded_at)
				values (:id, :n, :r, :t, :i, :o, :a, :at)""")
			.param("id", id).param("n", text).param("r", recruitmentPerYear).param("t", returnsPerYear).param("i", inflowRate)
			.param("o", outflowRate).param("a", actor).param("at", now).update();
		return id;
	}

	/**
	 * Deletes a scenario: its author may, and province-wide planners ({@code anyAuthor}) may delete anyone's.
	 * @return false when there is no such scenario or the actor may not delete it
	 */
	@Transactional
	public boolean delete(UUID id, String actor, boolean anyAuthor) {
		return jdbc.sql("delete from planning.scenario where id = :id and (:any or recorded_by = :actor)").param("id", id)
			.param("any", anyAuthor).param("actor", actor).update() == 1;
	}

	private static Scenario scenario(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Scenario(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5),
				rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getInt(9));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}
}
