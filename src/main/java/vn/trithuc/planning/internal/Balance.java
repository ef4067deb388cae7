package vn.trithuc.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.CodeListKind;

/**
 * Supply versus need in a year: for each need line, the intellectuals of that field holding at least that degree,
 * today and in that year (less those who retire by its end), in the unit's subtree; the gap is supply minus need
 * (negative = shortage). Summed by field and degree over the scope, and by unit (locality).
 */
@Component
public class Balance {

	private final Needs needs;
	private final JdbcClient jdbc;
	private final Levels levels;

	Balance(Needs needs, JdbcClient jdbc, Levels levels) {
		this.needs = needs;
		this.jdbc = jdbc;
		this.levels = levels;
	}

	/**
	 * @param supplyNow matching intellectuals today
	 * @param retiring of those, how many retire before the end of the year
	 * @param supply what is left in the year
	 */
	public record Line(String key, long need, long supplyNow, long retiring, long supply) {

		public long gap() {
			return supply - need;
		}

		public String status() {
			return gap() < 0 ? "SHORTAGE" : gap() > 0 ? "SURPLUS" : "BALANCED";
		}
	}

	/**
	 * @param byField key "field|degree"
	 * @param byUnit key = unit id; need, supply and gap are sums over the unit's lines (shortage and surplus apart)
	 */
	public record Result(int year, List<Line> byField, List<Line> byUnit, Map<String, long[]> unitShortageSurplus) {
	}

	/** Today's supply in one unit, field and degree: people not past retirement, and those of them retiring by the year's end. */
	private record Group(@org.jspecify.annotations.Nullable UUID orgUnit, String field, @org.jspecify.annotations.Nullable String degree,
			long now, long retiring) {
	}

	/**
	 * {@code subtree} gives the units of a unit's subtree today. The staff is grouped in SQL by unit, field and degree
	 * (one scan); each need line then adds up the few groups that match it.
	 */
	public Result compute(LocalDate today, Scope scope, int year, Function<UUID, Set<UUID>> subtree) {
		var lines = needs.list(scope, year);
		var end = LocalDate.of(year, 12, 31);
		var groupsByField = new HashMap<String, List<Group>>();
		if (!lines.isEmpty()) {
			var params = new HashMap<String, Object>();
			params.put("d", today);
			params.put("end", end);
			jdbc.sql("select org_unit, field, degree, count(*), count(*) filter (where retires <= :end) from ("
					+ RetirementForecast.staffSql(scope, params) + ") s where field is not null and (retires is null or retires > :d)"
					+ " group by org_unit, field, degree")
				.params(params)
				.query((rs, n) -> new Group(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
				.list().forEach(g -> groupsByField.computeIfAbsent(g.field(), k -> new ArrayList<>()).add(g));
		}
		var ranks = new HashMap<String, java.util.Optional<Integer>>();
		Function<String, java.util.Optional<Integer>> rank = code -> ranks.computeIfAbsent(code == null ? "" : code,
				c -> levels.rank(CodeListKind.EDUCATION_LEVEL, c));
		// by field and degree over the whole scope
		var needByField = new LinkedHashMap<String, Long>();
		for (var n : lines) {
			needByField.merge(n.field() + "|" + n.degree(), (long) n.count(), Long::sum);
		}
		var byField = new ArrayList<Line>();
		needByField.forEach((key, need) -> {
			var parts = key.split("\\|", 2);
			byField.add(line(key, need, groupsByField, parts[0], parts[1], null, rank));
		});
		// by unit: each need line against the unit's subtree
		var byUnit = new LinkedHashMap<UUID, long[]>();
		var shortageSurplus = new HashMap<String, long[]>();
		var subtrees = new HashMap<UUID, Set<UUID>>();
		for (var n : lines) {
			var units = subtrees.computeIfAbsent(n.orgUnit(), subtree);
			var l = line(n.orgUnit().toString(), n.count(), groupsByField, n.field(), n.degree(), units, rank);
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
		var unitLines = new ArrayList<Line>();
		byUnit.forEach((unit, s) -> unitLines.add(new Line(unit.toString(), s[0], s[1], s[2], s[3])));
		return new Result(year, byField, unitLines, shortageSurplus);
	}

	/** The groups of {@code field} holding at least {@code degree}, within {@code units} when given. */
	private static Line line(String key, long need, Map<String, List<Group>> groupsByField, String field, String degree,
			@org.jspecify.annotations.Nullable Set<UUID> units, Function<String, java.util.Optional<Integer>> rank) {
		long now = 0;
		long retiring = 0;
		var required = rank.apply(degree);
		if (required.isPresent()) {
			for (var g : groupsByField.getOrDefault(field, List.of())) {
				var held = rank.apply(g.degree());
				if (held.isEmpty() || held.get() < required.get()) {
					continue;
				}
				if (units != null && (g.orgUnit() == null || !units.contains(g.orgUnit()))) {
					continue;
				}
				now += g.now();
				retiring += g.retiring();
			}
		}
		return new Line(key, need, now, retiring, now - retiring);
	}
}

