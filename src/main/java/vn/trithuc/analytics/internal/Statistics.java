package vn.trithuc.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.registry.PersonId;

/**
 * The figures of the workforce as of a date, within the boundaries of a date and a scope. Today's and the
 * year-ends' figures for the whole province come from {@link Snapshots}; any other question is computed from
 * analytics.fact_period in one scan (grouping sets), then classified by the same {@link Classifier}.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

	/** Who is counted: everybody (null units), or the people whose unit on the date is one of {@code orgUnits}. */
	public record Scope(@Nullable Set<UUID> orgUnits) {
		public static final Scope PROVINCE = new Scope(null);

		public boolean whole() {
			return orgUnits == null;
		}
	}

	/** The question: as of {@code asOf}, areas within the boundaries of {@code boundaries}. */
	public record Question(LocalDate asOf, LocalDate boundaries, Scope scope) {
	}

	/** dimension → value → count, total; whether pre-aggregated rows answered it */
	public record Breakdowns(long total, Map<Dimension, Map<String, Long>> counts, boolean preAggregated) {

		public Map<String, Long> of(Dimension d) {
			return counts.getOrDefault(d, Map.of());
		}

		public long count(Dimension d, String value) {
			return of(d).getOrDefault(value, 0L);
		}
	}

	/** rows value → column value → count */
	public record Pivot(Dimension rows, Dimension columns, Map<String, Map<String, Long>> cells, long total,
			boolean preAggregated) {

		public long cell(String row, String column) {
			return cells.getOrDefault(row, Map.of()).getOrDefault(column, 0L);
		}
	}

	private static final String[] RAW = { "sex", "age", "ethnic_group", "degree", "field", "academic_title", "category",
			"org_unit", "residence", "party" };

	private final JdbcClient jdbc;
	private final Snapshots snapshots;
	private final Classifier classifier;
	private final Clock clock;

	Statistics(JdbcClient jdbc, Snapshots snapshots, Classifier classifier, Clock clock) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
		this.classifier = classifier;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public int youngAge() {
		return classifier.youngAge();
	}

	private boolean preAggregated(Question q) {
		return q.scope().whole() && q.asOf().equals(q.boundaries()) && snapshots.has(q.asOf());
	}

	public Breakdowns dashboard(Question q) {
		Map<Dimension, Map<String, Long>> counts;
		boolean fast = preAggregated(q);
		if (fast) {
			counts = snapshots.readSingles(q.asOf());
		}
		else {
			var groups = new ArrayList<List<Dimension>>();
			for (var d : Dimension.values()) {
				if (d != Dimension.ALL) {
					groups.add(List.of(d));
				}
			}
			var result = aggregate(q, groups);
			counts = new EnumMap<>(Dimension.class);
			for (var d : Dimension.values()) {
				if (d != Dimension.ALL) {
					var byValue = new HashMap<String, Long>();
					result.get(List.of(d)).forEach((values, n) -> byValue.merge(values.get(0), n, Long::sum));
					counts.put(d, byValue);
				}
			}
		}
		long total = counts.getOrDefault(Dimension.SEX, Map.of()).values().stream().mapToLong(Long::longValue).sum();
		return new Breakdowns(total, counts, fast);
	}

	public Pivot pivot(Question q, Dimension rows, Dimension columns) {
		if (rows == columns) {
			throw new IllegalArgumentException("two different dimensions");
		}
		var a = rows.ordinal() < columns.ordinal() ? rows : columns;
		var b = a == rows ? columns : rows;
		Map<String, Map<String, Long>> ab;
		boolean fast = preAggregated(q);
		if (fast) {
			ab = snapshots.read(q.asOf(), a, b);
		}
		else {
			ab = new LinkedHashMap<>();
			var result = aggregate(q, List.of(List.of(a, b))).get(List.of(a, b));
			for (var e : result.entrySet()) {
				ab.computeIfAbsent(e.getKey().get(0), k -> new LinkedHashMap<>()).merge(e.getKey().get(1), e.getValue(), Long::sum);
			}
		}
		var cells = new LinkedHashMap<String, Map<String, Long>>();
		long total = 0;
		for (var e : ab.entrySet()) {
			for (var f : e.getValue().entrySet()) {
				var row = a == rows ? e.getKey() : f.getKey();
				var col = a == rows ? f.getKey() : e.getKey();
				cells.computeIfAbsent(row, k -> new LinkedHashMap<>()).merge(col, f.getValue(), Long::sum);
				total += f.getValue();
			}
		}
		return new Pivot(rows, columns, cells, total, fast);
	}

	/** The people counted in a cell (dimension → value), in no particular order. */
	public List<PersonId> people(Question q, Map<Dimension, String> cell) {
		var sql = new StringBuilder("select " + FactStore.COLUMNS + " from analytics.fact_period where " + validOn());
		var params = new HashMap<String, Object>();
		params.put("d", q.asOf());
		scope(q, sql, params);
		var result = new ArrayList<PersonId>();
		jdbc.sql(sql.toString()).params(params).query((RowCallbackHandler) rs -> {
			var facts = FactStore.facts(rs);
			var raw = Raw.of(facts, q.asOf());
			for (var e : cell.entrySet()) {
				if (!classifier.value(e.getKey(), raw, q.boundaries()).equals(e.getValue())) {
					return;
				}
			}
			result.add(facts.person());
		});
		return result;
	}

	private static String validOn() {
		return "(valid_from is null or valid_from <= :d) and (valid_to is null or valid_to >= :d)";
	}

	private static void scope(Question q, StringBuilder sql, Map<String, Object> params) {
		if (!q.scope().whole()) {
			sql.append(" and org_unit = any(cast(:units as uuid[]))");
			params.put("units", q.scope().orgUnits().stream().map(UUID::toString).toArray(String[]::new));
		}
	}

	private static Set<Integer> rawColumns(Dimension d) {
		return switch (d) {
			case ALL -> Set.of();
			case SEX -> Set.of(0);
			case AGE_BAND, YOUNG -> Set.of(1);
			case ETHNIC_GROUP, MINORITY -> Set.of(2);
			case DEGREE -> Set.of(3);
			case FIELD -> Set.of(4);
			case ACADEMIC_TITLE -> Set.of(5);
			case CATEGORY -> Set.of(6);
			case UNIT -> Set.of(7);
			case AREA, AREA_ASSUMED -> Set.of(7, 8);
			case PARTY -> Set.of(9);
		};
	}

	/**
	 * One scan of the facts valid on the date, grouped by the stored columns each group of dimensions needs, then
	 * classified: group → values of its dimensions → count.
	 */
	Map<List<Dimension>, Map<List<String>, Long>> aggregate(Question q, List<List<Dimension>> groups) {
		var sets = new LinkedHashMap<Set<Integer>, List<List<Dimension>>>();
		for (var group : groups) {
			var columns = new java.util.TreeSet<Integer>();
			group.forEach(d -> columns.addAll(rawColumns(d)));
			sets.computeIfAbsent(columns, k -> new ArrayList<>()).add(group);
		}
		var age = "case when birth_date is not null then extract(year from age(cast(:d as date), birth_date))::int "
				+ "else :year - birth_year end";
		var used = new java.util.TreeSet<Integer>();
		sets.keySet().forEach(used::addAll);
		var select = new StringBuilder("select ");
		for (int i = 0; i < RAW.length; i++) {
			select.append(used.contains(i) ? groupingColumns()[i] : "null").append(", ");
		}
		var usedList = new ArrayList<>(used);
		select.append("grouping(").append(String.join(", ", usedList.stream().map(i -> groupingColumns()[i]).toList()))
			.append(") as g, count(*) from (select *, ")
			.append(age).append(" as age_years from analytics.fact_period where ").append(validOn());
		var params = new HashMap<String, Object>();
		params.put("d", q.asOf());
		params.put("year", q.asOf().getYear());
		scope(q, select, params);
		select.append(") f group by grouping sets (");
		var setList = new ArrayList<>(sets.keySet());
		for (int s = 0; s < setList.size(); s++) {
			if (s > 0) {
				select.append(", ");
			}
			select.append('(').append(String.join(", ", setList.get(s).stream().map(i -> groupingColumns()[i]).toList())).append(')');
		}
		select.append(')');
		// grouping(): the bit of a used column is 1 when the row's set does not group by it
		var bySignature = new HashMap<Integer, Set<Integer>>();
		for (var set : setList) {
			int g = 0;
			for (int k = 0; k < usedList.size(); k++) {
				if (!set.contains(usedList.get(k))) {
					g |= 1 << (usedList.size() - 1 - k);
				}
			}
			bySignature.put(g, set);
		}
		var result = new LinkedHashMap<List<Dimension>, Map<List<String>, Long>>();
		groups.forEach(g -> result.put(g, new HashMap<>()));
		var sql = select.toString();
		jdbc.sql(sql).params(params).query((RowCallbackHandler) rs -> {
			var set = bySignature.get(rs.getInt(RAW.length + 1));
			long n = rs.getLong(RAW.length + 2);
			var raw = new Raw(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class), rs.getObject(9, UUID.class),
					(Boolean) rs.getObject(10));
			for (var group : sets.get(set)) {
				var values = group.stream().map(d -> classifier.value(d, raw, q.boundaries())).toList();
				result.get(group).merge(values, n, Long::sum);
			}
		});
		return result;
	}

	private static String[] groupingColumns() {
		var columns = RAW.clone();
		columns[1] = "age_years";
		return columns;
	}
}
