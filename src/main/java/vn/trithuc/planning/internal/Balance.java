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
	private final RetirementForecast forecast;
	private final Workforce workforce;
	private final Levels levels;

	Balance(Needs needs, RetirementForecast forecast, Workforce workforce, Levels levels) {
		this.needs = needs;
		this.forecast = forecast;
		this.workforce = workforce;
		this.levels = levels;
	}

	/** A person of the workforce today and the first day of their retirement (null when it cannot be known). */
	record Member(vn.trithuc.registry.PersonFacts facts, @org.jspecify.annotations.Nullable LocalDate retirementDate) {
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

	/** {@code subtree} gives the units of a unit's subtree today. */
	public Result compute(LocalDate today, Scope scope, int year, Function<UUID, Set<UUID>> subtree) {
		var lines = needs.list(scope, year);
		var staff = workforce.asOf(today, scope);
		var dates = new HashMap<vn.trithuc.registry.PersonId, LocalDate>();
		forecast.retirees(staff).forEach(r -> dates.put(r.facts().person(), r.retirementDate()));
		var retirees = staff.stream().map(f -> new Member(f, dates.get(f.person()))).toList();
		var end = LocalDate.of(year, 12, 31);
		// by field and degree over the whole scope
		var needByField = new LinkedHashMap<String, Long>();
		for (var n : lines) {
			needByField.merge(n.field() + "|" + n.degree(), (long) n.count(), Long::sum);
		}
		var byField = new ArrayList<Line>();
		needByField.forEach((key, need) -> {
			var parts = key.split("\\|", 2);
			byField.add(line(key, need, retirees, parts[0], parts[1], null, today, end));
		});
		// by unit: each need line against the unit's subtree
		var byUnit = new LinkedHashMap<UUID, long[]>();
		var shortageSurplus = new HashMap<String, long[]>();
		var subtrees = new HashMap<UUID, Set<UUID>>();
		for (var n : lines) {
			var units = subtrees.computeIfAbsent(n.orgUnit(), subtree);
			var l = line(n.orgUnit().toString(), n.count(), retirees, n.field(), n.degree(), units, today, end);
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

	private Line line(String key, long need, List<Member> retirees, String field, String degree, @org.jspecify.annotations.Nullable Set<UUID> units, LocalDate today,
			LocalDate end) {
		long now = 0;
		long retiring = 0;
		for (var r : retirees) {
			var f = r.facts();
			if (!field.equals(f.fieldOfStudy()) || !levels.atLeast(CodeListKind.EDUCATION_LEVEL, f.degree(), degree)) {
				continue;
			}
			if (units != null && (f.orgUnit() == null || !units.contains(f.orgUnit()))) {
				continue;
			}
			if (r.retirementDate() != null && !r.retirementDate().isAfter(today)) {
				continue; // already past retirement: not counted as supply
			}
			now++;
			if (r.retirementDate() != null && !r.retirementDate().isAfter(end)) {
				retiring++;
			}
		}
		return new Line(key, need, now, retiring, now - retiring);
	}
}
