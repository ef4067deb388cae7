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

	private final JdbcClient jdbc;
	private final Snapshots snapshots;
	private final Classifier classifier;
	private final Clock clock;
	private final FactStore facts;
	private final AreaResolver areas;

	Statistics(JdbcClient jdbc, Snapshots snapshots, Classifier classifier, Clock clock, FactStore facts, AreaResolver areas) {
		this.jdbc = jdbc;
		this.facts = facts;
		this.areas = areas;
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

	/** Whether a snapshot holds the date's figures (within the boundaries of that date). */
	private boolean snapshot(Question q) {
		return q.asOf().equals(q.boundaries()) && snapshots.has(q.asOf());
	}

	public Breakdowns dashboard(Question q) {
		Map<Dimension, Map<String, Long>> counts;
		boolean fast = snapshot(q);
		if (fast) {
			// a scope: the pairs of every dimension with the unit, summed over the scope's units
			counts = q.scope().whole() ? snapshots.readSingles(q.asOf()) : snapshots.readSinglesWithin(q.asOf(), q.scope().orgUnits());
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
		boolean fast = snapshot(q) && (q.scope().whole() || a == Dimension.UNIT || b == Dimension.UNIT);
		if (fast) {
			ab = snapshots.read(q.asOf(), a, b);
			if (!q.scope().whole()) {
				var units = q.scope().orgUnits().stream().map(UUID::toString).collect(java.util.stream.Collectors.toSet());
				if (a == Dimension.UNIT) {
					ab.keySet().retainAll(units);
				}
				else {
					ab.values().forEach(byB -> byB.keySet().retainAll(units));
				}
			}
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

	/**
	 * One breakdown through time: for each date (e.g. the year-ends), value → count, within the boundaries of each
	 * date or of {@code boundaries} when given. Snapshot dates read pre-aggregated rows, the others one grouping each.
	 */
	public Map<LocalDate, Map<String, Long>> trend(Dimension d, List<LocalDate> dates, @Nullable LocalDate boundaries,
			Scope scope) {
		var result = new LinkedHashMap<LocalDate, Map<String, Long>>();
		for (var date : dates) {
			var q = new Question(date, boundaries == null ? date : boundaries, scope);
			if (snapshot(q)) {
				result.put(date, dashboard(q).of(d));
			}
			else {
				var byValue = new HashMap<String, Long>();
				aggregate(q, List.of(List.of(d))).get(List.of(d)).forEach((values, n) -> byValue.merge(values.get(0), n, Long::sum));
				result.put(date, byValue);
			}
		}
		return result;
	}

	/** The people counted in a cell (dimension → value), ordered by id. */
	public List<PersonId> people(Question q, Map<Dimension, String> cell) {
		return people(q, cell, 0, Integer.MAX_VALUE).people();
	}

	/** A page of the people behind a cell, and how many there are in all. */
	public record PeoplePage(List<PersonId> people, long total) {
	}

	private static final UUID NONE = new UUID(0, 0);

	/**
	 * The people counted in a cell, {@code limit} from {@code offset} in the order of their ids, selected in SQL: the
	 * dimensions that are plain columns or ages as conditions on analytics.fact_period; sector and area (decided in Java
	 * by {@link Classifier}) by classifying the few distinct units or (residence, unit of split residence) keys of the
	 * rows first, then selecting the rows whose key was accepted. The same people as classifying every row.
	 */
	public PeoplePage people(Question q, Map<Dimension, String> cell, int offset, int limit) {
		var where = new StringBuilder(validOn());
		var params = new HashMap<String, Object>();
		var d = q.asOf();
		params.put("d", d);
		scope(q, where, params);
		var javaDimensions = new ArrayList<Dimension>();
		int n = 0;
		for (var e : cell.entrySet()) {
			var v = e.getValue();
			var p = "v" + n++;
			switch (e.getKey()) {
				case ALL -> {
				}
				case SEX -> equal(where, params, "sex", p, v);
				case ETHNIC_GROUP -> equal(where, params, "ethnic_group", p, v);
				case DEGREE -> equal(where, params, "degree", p, v);
				case FIELD -> equal(where, params, "field", p, v);
				case ACADEMIC_TITLE -> equal(where, params, "academic_title", p, v);
				case CATEGORY -> equal(where, params, "category", p, v);
				case UNIT -> equal(where, params, "cast(org_unit as text)", p, v);
				case PARTY -> where.append(v.isEmpty() ? " and false" : " and party = " + Boolean.parseBoolean(v));
				case MINORITY -> where.append(v.isEmpty() ? " and ethnic_group is null"
						: "true".equals(v) ? " and ethnic_group <> '" + Classifier.KINH + "'"
								: "false".equals(v) ? " and ethnic_group = '" + Classifier.KINH + "'" : " and false");
				case AGE_BAND -> {
					int band = Classifier.AGE_BANDS.indexOf(v);
					var born = BORN;
					if (v.isEmpty()) {
						where.append(" and ").append(born).append(" is null");
					}
					else if (band < 0) {
						where.append(" and false");
					}
					else {
						// band i: born after the (i)th threshold and on or before the one before it (thresholds 30, 41, 51, 61 years)
						int[] years = { 30, 41, 51, 61 };
						if (band < years.length) {
							where.append(" and ").append(born).append(" > cast(:").append(p).append("a as date)");
							params.put(p + "a", d.minusYears(years[band]));
						}
						if (band > 0) {
							where.append(" and ").append(born).append(" <= cast(:").append(p).append("b as date)");
							params.put(p + "b", d.minusYears(years[band - 1]));
						}
					}
				}
				case YOUNG -> {
					if (v.isEmpty()) {
						where.append(" and ").append(BORN).append(" is null");
					}
					else if ("true".equals(v) || "false".equals(v)) {
						where.append(" and ").append(BORN).append("true".equals(v) ? " > " : " <= ").append("cast(:").append(p).append(" as date)");
						params.put(p, d.minusYears(classifier.youngAge() + 1L));
					}
					else {
						where.append(" and false");
					}
				}
				case SECTOR, AREA, AREA_ASSUMED, REMOTE -> javaDimensions.add(e.getKey());
			}
		}
		for (var dimension : javaDimensions) {
			var value = cell.get(dimension);
			if (dimension == Dimension.SECTOR) {
				var units = jdbc.sql("select distinct org_unit from analytics.fact_period where " + where).params(params)
					.query((rs, i) -> rs.getObject(1, UUID.class)).list();
				var accepted = new ArrayList<String>();
				for (var unit : units) {
					var raw = new Raw(null, null, null, null, null, null, null, unit, null, null, d);
					if (classifier.value(dimension, raw, q.boundaries()).equals(value)) {
						accepted.add((unit == null ? NONE : unit).toString());
					}
				}
				var p = "sector" + n++;
				where.append(" and coalesce(org_unit, cast('").append(NONE).append("' as uuid)) = any(cast(:").append(p).append(" as uuid[]))");
				params.put(p, accepted.toArray(String[]::new));
			}
			else {
				var split = "split" + n++;
				params.put(split, facts.residences().stream().filter(r -> areas.dependsOnUnit(r, q.boundaries())).map(UUID::toString)
					.toArray(String[]::new));
				var areaUnit = "case when residence = any(cast(:" + split + " as uuid[])) then org_unit end";
				var keys = jdbc.sql("select distinct residence, " + areaUnit + " from analytics.fact_period where " + where).params(params)
					.query((rs, i) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).list();
				var residences = new ArrayList<String>();
				var units = new ArrayList<String>();
				for (var key : keys) {
					var raw = new Raw(null, null, null, null, null, null, null, key[1], key[0], null, d);
					if (classifier.value(dimension, raw, q.boundaries()).equals(value)) {
						residences.add((key[0] == null ? NONE : key[0]).toString());
						units.add((key[1] == null ? NONE : key[1]).toString());
					}
				}
				var r = "areaResidences" + n;
				var u = "areaUnits" + n++;
				where.append(" and (coalesce(residence, cast('").append(NONE).append("' as uuid)), coalesce(").append(areaUnit)
					.append(", cast('").append(NONE).append("' as uuid))) in (select * from unnest(cast(:").append(r)
					.append(" as uuid[]), cast(:").append(u).append(" as uuid[])))");
				params.put(r, residences.toArray(String[]::new));
				params.put(u, units.toArray(String[]::new));
			}
		}
		params.put("offset", Math.max(0, offset));
		params.put("limit", Math.max(0, limit));
		long[] total = { -1 };
		var people = jdbc.sql("select person_id, count(*) over () from analytics.fact_period where " + where
				+ " order by person_id offset :offset limit :limit").params(params)
			.query((rs, i) -> {
				total[0] = rs.getLong(2);
				return new PersonId(rs.getObject(1, UUID.class));
			}).list();
		if (total[0] < 0) {
			total[0] = jdbc.sql("select count(*) from analytics.fact_period where " + where).params(params).query(Long.class).single();
		}
		return new PeoplePage(people, total[0]);
	}

	/** The birth date, or 1 January of the birth year (as the computed path and {@link vn.trithuc.registry.PersonFacts#ageOn} take it). */
	private static final String BORN = "coalesce(birth_date, make_date(birth_year, 1, 1))";

	private static void equal(StringBuilder where, Map<String, Object> params, String column, String param, String value) {
		if (value.isEmpty()) {
			where.append(" and ").append(column).append(" is null");
		}
		else {
			where.append(" and ").append(column).append(" = :").append(param);
			params.put(param, value);
		}
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

	/**
	 * The grouping keys of the computed path, as SQL over analytics.fact_period: ages are compared with threshold
	 * dates (no per-row age arithmetic), the unit goes with the residence only for residences split among several
	 * successors (AREA_UNIT), so that a scan returns a few thousand groups, classified afterwards.
	 */
	private enum Key {
		SEX("sex"), AGE_BAND("""
			case when born is null then null when born > cast(:t30 as date) then 0 when born > cast(:t41 as date) then 1
			when born > cast(:t51 as date) then 2 when born > cast(:t61 as date) then 3 else 4 end"""),
		YOUNG("case when born is null then null else born > cast(:tYoung as date) end"), ETHNIC_GROUP("ethnic_group"),
		DEGREE("degree"), FIELD("field"), ACADEMIC_TITLE("academic_title"), CATEGORY("category"), ORG_UNIT("org_unit"),
		RESIDENCE("residence"),
		AREA_UNIT("case when residence = any(cast(:split as uuid[])) then org_unit end"), PARTY("party");

		final String expression;

		Key(String expression) {
			this.expression = expression;
		}

		String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private static Set<Key> keys(Dimension d) {
		return switch (d) {
			case ALL -> Set.of();
			case SEX -> Set.of(Key.SEX);
			case AGE_BAND -> Set.of(Key.AGE_BAND);
			case YOUNG -> Set.of(Key.YOUNG);
			case ETHNIC_GROUP, MINORITY -> Set.of(Key.ETHNIC_GROUP);
			case DEGREE -> Set.of(Key.DEGREE);
			case FIELD -> Set.of(Key.FIELD);
			case ACADEMIC_TITLE -> Set.of(Key.ACADEMIC_TITLE);
			case CATEGORY -> Set.of(Key.CATEGORY);
			case UNIT, SECTOR -> Set.of(Key.ORG_UNIT);
			case AREA, AREA_ASSUMED, REMOTE -> Set.of(Key.RESIDENCE, Key.AREA_UNIT);
			case PARTY -> Set.of(Key.PARTY);
		};
	}

	/** The value of a dimension for a group row (columns in {@link Key} order, null where not grouped). */
	private String value(Dimension d, java.sql.ResultSet rs, LocalDate asOf, LocalDate boundaries) throws java.sql.SQLException {
		switch (d) {
			case AGE_BAND -> {
				var band = (Integer) rs.getObject(Key.AGE_BAND.ordinal() + 1);
				return band == null ? "" : Classifier.AGE_BANDS.get(band);
			}
			case YOUNG -> {
				var young = (Boolean) rs.getObject(Key.YOUNG.ordinal() + 1);
				return young == null ? "" : young.toString();
			}
			default -> {
				var unit = rs.getObject((d == Dimension.AREA || d == Dimension.AREA_ASSUMED || d == Dimension.REMOTE ? Key.AREA_UNIT : Key.ORG_UNIT).ordinal() + 1,
						UUID.class);
				var raw = new Raw(rs.getString(Key.SEX.ordinal() + 1), null, rs.getString(Key.ETHNIC_GROUP.ordinal() + 1),
						rs.getString(Key.DEGREE.ordinal() + 1), rs.getString(Key.FIELD.ordinal() + 1),
						rs.getString(Key.ACADEMIC_TITLE.ordinal() + 1), rs.getString(Key.CATEGORY.ordinal() + 1), unit,
						rs.getObject(Key.RESIDENCE.ordinal() + 1, UUID.class), (Boolean) rs.getObject(Key.PARTY.ordinal() + 1), asOf);
				return classifier.value(d, raw, boundaries);
			}
		}
	}

	/**
	 * One scan of the facts valid on the date, grouped in SQL by the keys each group of dimensions needs (grouping
	 * sets), then classified: group → values of its dimensions → count.
	 */
	Map<List<Dimension>, Map<List<String>, Long>> aggregate(Question q, List<List<Dimension>> groups) {
		return aggregate(q, groups, null);
	}

	/** The plan of the computed path's query, executed (for benchmarks). */
	String explain(Question q, List<List<Dimension>> groups) {
		var plan = new StringBuilder();
		aggregate(q, groups, plan);
		return plan.toString();
	}

	private Map<List<Dimension>, Map<List<String>, Long>> aggregate(Question q, List<List<Dimension>> groups,
			@Nullable StringBuilder explain) {
		var sets = new LinkedHashMap<Set<Key>, List<List<Dimension>>>();
		for (var group : groups) {
			var keys = java.util.EnumSet.noneOf(Key.class);
			group.forEach(d -> keys.addAll(keys(d)));
			sets.computeIfAbsent(keys, k -> new ArrayList<>()).add(group);
		}
		var used = java.util.EnumSet.noneOf(Key.class);
		sets.keySet().forEach(used::addAll);
		var usedList = new ArrayList<>(used);
		var d = q.asOf();
		var params = new HashMap<String, Object>();
		params.put("d", d);
		var select = new StringBuilder("select ");
		for (var key : Key.values()) {
			select.append(used.contains(key) ? key.column() : "null").append(", ");
		}
		select.append("grouping(").append(String.join(", ", usedList.stream().map(Key::column).toList()))
			.append(") as g, count(*) from (select ");
		select.append(String.join(", ", usedList.stream().map(k -> k.expression + " as " + k.column()).toList()));
		select.append(" from (select *, coalesce(birth_date, make_date(birth_year, 1, 1)) as born from analytics.fact_period where ")
			.append(validOn());
		scope(q, select, params);
		select.append(") p) f group by grouping sets (");
		if (used.contains(Key.AGE_BAND)) {
			params.put("t30", d.minusYears(30));
			params.put("t41", d.minusYears(41));
			params.put("t51", d.minusYears(51));
			params.put("t61", d.minusYears(61));
		}
		if (used.contains(Key.YOUNG)) {
			params.put("tYoung", d.minusYears(classifier.youngAge() + 1L));
		}
		if (used.contains(Key.AREA_UNIT)) {
			params.put("split", facts.residences().stream().filter(r -> areas.dependsOnUnit(r, q.boundaries()))
				.map(UUID::toString).toArray(String[]::new));
		}
		var setList = new ArrayList<>(sets.keySet());
		for (int s = 0; s < setList.size(); s++) {
			select.append(s > 0 ? ", " : "").append('(')
				.append(String.join(", ", setList.get(s).stream().map(Key::column).toList())).append(')');
		}
		select.append(')');
		// grouping(): the bit of a used key is 1 when the row's set does not group by it
		var bySignature = new HashMap<Integer, Set<Key>>();
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
		int keyCount = Key.values().length;
		// the groupings are hashed in memory (a sort of text keys would spill to disk and take several times longer)
		jdbc.sql("set local work_mem = '64MB'").update();
		if (explain != null) {
			explain.append(String.join("\n", jdbc.sql("explain (analyze, buffers) " + select).params(params).query(String.class).list()));
			return result;
		}
		jdbc.sql(select.toString()).params(params).query((RowCallbackHandler) rs -> {
			var set = bySignature.get(rs.getInt(keyCount + 1));
			long n = rs.getLong(keyCount + 2);
			for (var group : sets.get(set)) {
				var values = new ArrayList<String>(group.size());
				for (var dimension : group) {
					values.add(value(dimension, rs, q.asOf(), q.boundaries()));
				}
				result.get(group).merge(values, n, Long::sum);
			}
		});
		return result;
	}
}
