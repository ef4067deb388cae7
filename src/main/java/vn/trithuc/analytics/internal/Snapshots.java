package vn.trithuc.analytics.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import vn.trithuc.registry.PersonFacts;

/**
 * Pre-aggregated counts for every pair of dimensions on a few dates (today and the last year-ends), within the
 * boundaries of that date: built from analytics.fact_period, then kept current by {@link #apply} on every change
 * of a person (the old facts' counts out, the new ones' in). Joins the caller's transaction.
 */
@Component
class Snapshots {

	record Cell(Dimension a, String va, Dimension b, String vb) {
	}

	private static final List<Dimension[]> PAIRS = Dimension.pairs();

	private final JdbcClient jdbc;
	private final JdbcTemplate streaming;
	private final DataSource dataSource;
	private final Classifier classifier;
	private final AnalyticsSettings settings;
	private final Clock clock;

	Snapshots(JdbcClient jdbc, DataSource dataSource, Classifier classifier, AnalyticsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(10_000);
		this.classifier = classifier;
		this.settings = settings;
		this.clock = clock;
	}

	/** Today and 31/12 of the last {@code yearEndSnapshots} years. */
	List<LocalDate> wanted() {
		var today = LocalDate.now(clock);
		var dates = new TreeSet<LocalDate>();
		dates.add(today);
		for (int i = 1; i <= settings.yearEndSnapshots(); i++) {
			dates.add(LocalDate.of(today.getYear() - i, 12, 31));
		}
		return List.copyOf(dates);
	}

	List<LocalDate> present() {
		return jdbc.sql("select as_of from analytics.snapshot order by as_of").query(LocalDate.class).list();
	}

	boolean has(LocalDate date) {
		return jdbc.sql("select exists (select 1 from analytics.snapshot where as_of = :d)").param("d", date)
			.query(Boolean.class).single();
	}

	/** Builds the missing wanted snapshots and drops the others. */
	void ensure() {
		var wanted = wanted();
		for (var date : present()) {
			if (!wanted.contains(date)) {
				jdbc.sql("delete from analytics.snapshot where as_of = :d").param("d", date).update();
			}
		}
		for (var date : wanted) {
			if (!has(date)) {
				rebuild(date);
			}
		}
	}

	void rebuildAll() {
		jdbc.sql("delete from analytics.snapshot").update();
		ensure();
	}

	/** Counts every pair of dimensions over the facts valid on {@code date}. */
	void rebuild(LocalDate date) {
		jdbc.sql("delete from analytics.snapshot where as_of = :d").param("d", date).update();
		jdbc.sql("insert into analytics.snapshot (as_of, built_at) values (:d, :now)").param("d", date)
			.param("now", Timestamp.from(clock.instant())).update();
		var counts = new HashMap<Cell, long[]>();
		streaming.query("select " + FactStore.COLUMNS
				+ " from analytics.fact_period where (valid_from is null or valid_from <= ?) and (valid_to is null or valid_to >= ?)",
				(RowCallbackHandler) rs -> add(counts, classifier.values(Raw.of(FactStore.facts(rs), date), date), 1),
				date, date);
		var text = new StringBuilder();
		counts.forEach((cell, n) -> text.append(date).append('\t').append(cell.a()).append('\t').append(escape(cell.va()))
			.append('\t').append(cell.b()).append('\t').append(escape(cell.vb())).append('\t').append(n[0]).append('\n'));
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"copy analytics.tally (as_of, dim_a, value_a, dim_b, value_b, n) from stdin", new StringReader(text.toString()));
		}
		catch (java.sql.SQLException | IOException e) {
			throw new IllegalStateException("copy into analytics.tally failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Moves the counts of every snapshot from the old facts to the new ones, for one person or many at once in one
	 * statement: {@code before} and {@code after} hold every period of those people (old and new), each person having
	 * at most one period valid on a date, so that the counts of the periods valid on a snapshot date are simply taken
	 * out and added.
	 */
	void apply(List<PersonFacts> before, List<PersonFacts> after) {
		var dates = present();
		if (dates.isEmpty()) {
			return;
		}
		var asOf = new ArrayList<LocalDate>();
		var cells = new ArrayList<Cell>();
		var deltas = new ArrayList<Long>();
		for (var date : dates) {
			var delta = new LinkedHashMap<Cell, long[]>();
			before.stream().filter(f -> f.validOn(date)).forEach(f -> add(delta, classifier.values(Raw.of(f, date), date), -1));
			after.stream().filter(f -> f.validOn(date)).forEach(f -> add(delta, classifier.values(Raw.of(f, date), date), 1));
			delta.forEach((cell, n) -> {
				if (n[0] != 0) {
					asOf.add(date);
					cells.add(cell);
					deltas.add(n[0]);
				}
			});
		}
		upsert(asOf, cells, deltas);
	}

	private void upsert(List<LocalDate> asOf, List<Cell> cells, List<Long> deltas) {
		if (cells.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into analytics.tally (as_of, dim_a, value_a, dim_b, value_b, n)
				select * from unnest(cast(:asOf as date[]), cast(:a as varchar[]), cast(:va as varchar[]), cast(:b as varchar[]),
				  cast(:vb as varchar[]), cast(:n as bigint[]))
				on conflict (as_of, dim_a, dim_b, value_a, value_b) do update set n = analytics.tally.n + excluded.n""")
			.param("asOf", asOf.stream().map(LocalDate::toString).toArray(String[]::new))
			.param("a", cells.stream().map(c -> c.a().name()).toArray(String[]::new))
			.param("va", cells.stream().map(Cell::va).toArray(String[]::new))
			.param("b", cells.stream().map(c -> c.b().name()).toArray(String[]::new))
			.param("vb", cells.stream().map(Cell::vb).toArray(String[]::new))
			.param("n", deltas.toArray(Long[]::new)).update();
	}

	/** Counts of {@code a} × {@code b} (a before b) on a snapshot date: value of a → value of b → n. */
	Map<String, Map<String, Long>> read(LocalDate date, Dimension a, Dimension b) {
		var result = new LinkedHashMap<String, Map<String, Long>>();
		jdbc.sql("""
				select value_a, value_b, n from analytics.tally where as_of = :d and dim_a = :a and dim_b = :b and n <> 0""")
			.param("d", date).param("a", a.name()).param("b", b.name())
			.query((RowCallbackHandler) rs -> result.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
				.put(rs.getString(2), rs.getLong(3)));
		return result;
	}

	/** Every single breakdown of a snapshot date: dimension → value → n. */
	Map<Dimension, Map<String, Long>> readSingles(LocalDate date) {
		var result = new LinkedHashMap<Dimension, Map<String, Long>>();
		jdbc.sql("select dim_b, value_b, n from analytics.tally where as_of = :d and dim_a = 'ALL' and n <> 0")
			.param("d", date)
			.query((RowCallbackHandler) rs -> result.computeIfAbsent(Dimension.valueOf(rs.getString(1)), k -> new HashMap<>())
				.put(rs.getString(2), rs.getLong(3)));
		return result;
	}

	/**
	 * Every single breakdown of a snapshot date within a set of units, from the pairs with {@link Dimension#UNIT}:
	 * dimension → value → n.
	 */
	Map<Dimension, Map<String, Long>> readSinglesWithin(LocalDate date, java.util.Collection<java.util.UUID> units) {
		var result = new LinkedHashMap<Dimension, Map<String, Long>>();
		jdbc.sql("""
				select dim_a, value_a, sum(n) from analytics.tally
				 where as_of = :d and dim_b = 'UNIT' and dim_a <> 'ALL' and value_b = any(:units) group by dim_a, value_a
				union all
				select dim_b, value_b, sum(n) from analytics.tally
				 where as_of = :d and dim_a = 'UNIT' and value_a = any(:units) group by dim_b, value_b
				union all
				select 'UNIT', value_b, sum(n) from analytics.tally
				 where as_of = :d and dim_a = 'ALL' and dim_b = 'UNIT' and value_b = any(:units) group by value_b""")
			.param("d", date).param("units", units.stream().map(java.util.UUID::toString).toArray(String[]::new))
			.query((RowCallbackHandler) rs -> {
				if (rs.getLong(3) != 0) {
					result.computeIfAbsent(Dimension.valueOf(rs.getString(1)), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
				}
			});
		return result;
	}

	private static void add(Map<Cell, long[]> counts, String[] values, int sign) {
		for (var pair : PAIRS) {
			var cell = new Cell(pair[0], values[pair[0].ordinal()], pair[1], values[pair[1].ordinal()]);
			counts.computeIfAbsent(cell, k -> new long[1])[0] += sign;
		}
	}

	private static String escape(String s) {
		return Objects.requireNonNull(s).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
	}
}
