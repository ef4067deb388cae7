package vn.trithuc.program.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.program.Indicators;
import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ReviewReports.IndicatorLine;
import vn.trithuc.program.UnitReports;

/**
 * Indicator values of a period per unit — typed ones from the accepted unit reports, computed ones from the
 * registry as of the cut-off end — and their totals against the targets (the program's target, else the sum of
 * the units' own targets for indicators that add up). Counts add up over units; shares and ratios are averaged.
 */
@Component
class ReviewIndicators {

	private final JdbcClient jdbc;
	private final Indicators indicators;

	ReviewIndicators(JdbcClient jdbc, Indicators indicators) {
		this.jdbc = jdbc;
		this.indicators = indicators;
	}

	/** Unit → indicator code → value for the period (units in the order given). */
	Map<UUID, Map<String, BigDecimal>> values(UnitReports.Period period, List<UnitReports.ReportingUnit> units) {
		var result = new LinkedHashMap<UUID, Map<String, BigDecimal>>();
		units.forEach(u -> result.put(u.id(), new LinkedHashMap<>()));
		indicators.computed(units, period.dates().cutoffTo()).forEach((unit, values) -> result.get(unit).putAll(values));
		jdbc.sql("""
				select r.unit_id, v.indicator_code, v.value from program.report_indicator_value v
				join program.unit_report r on r.id = v.report_id
				where r.period_id = :p and r.status = 'ACCEPTED' and v.value is not null
				order by v.indicator_code""")
			.param("p", period.id())
			.query((rs, n) -> {
				var row = result.get(rs.getObject(1, UUID.class));
				if (row != null) {
					row.putIfAbsent(rs.getString(2), rs.getBigDecimal(3));
				}
				return 1;
			})
			.list();
		return result;
	}

	List<IndicatorLine> lines(ProgramDocument program, Map<UUID, Map<String, BigDecimal>> current,
			Map<UUID, Map<String, BigDecimal>> previous) {
		var definitions = new LinkedHashMap<String, Indicators.Indicator>();
		indicators.indicators().forEach(i -> definitions.put(i.code(), i));
		var codes = new LinkedHashSet<String>(definitions.keySet());
		program.targets().forEach(t -> codes.add(t.indicatorCode()));
		current.values().forEach(v -> codes.addAll(v.keySet()));
		var unitTargets = indicators.unitTargets(program.id());
		var lines = new ArrayList<IndicatorLine>();
		for (var code : codes) {
			var definition = definitions.get(code);
			var target = program.targets().stream().filter(t -> t.indicatorCode().equals(code)).findFirst();
			boolean mean = definition != null ? definition.aggregation() == Indicators.Aggregation.MEAN
					: target.map(t -> t.unit().contains("%") || t.unit().contains("/")).orElse(false);
			var now = total(current, code, mean);
			var before = total(previous, code, mean);
			var name = definition != null ? definition.name() : target.map(ProgramDocument.Target::description).orElse(code);
			var unit = definition != null ? definition.unit() : target.map(ProgramDocument.Target::unit).orElse("");
			if (target.isPresent()) {
				var t = target.get();
				lines.add(new IndicatorLine(code, name, unit, before, now, t.value(), t.comparator(), t.year(), t.sourceDocument()));
				continue;
			}
			// no program-wide target: the units' own targets add up (for counts), each from its source documents
			var own = unitTargets.stream().filter(t -> t.indicatorCode().equals(code) && current.containsKey(t.unitId()))
				.toList();
			if (!mean && !own.isEmpty()) {
				var latest = new LinkedHashMap<UUID, Indicators.UnitTarget>();
				own.forEach(t -> latest.put(t.unitId(), t));
				var sum = latest.values().stream().map(Indicators.UnitTarget::value).reduce(BigDecimal.ZERO, BigDecimal::add);
				var sources = String.join("; ", latest.values().stream().map(Indicators.UnitTarget::sourceDocument).distinct().toList());
				var year = latest.values().stream().mapToInt(Indicators.UnitTarget::year).max().orElse(0);
				lines.add(new IndicatorLine(code, name, unit, before, now, sum, ">=", year,
						"tổng chỉ tiêu của " + latest.size() + " đơn vị (" + sources + ")"));
			}
			else {
				lines.add(new IndicatorLine(code, name, unit, before, now, null, null, null, null));
			}
		}
		return lines;
	}

	static @Nullable BigDecimal total(Map<UUID, Map<String, BigDecimal>> values, String code, boolean mean) {
		BigDecimal sum = null;
		int n = 0;
		for (var row : values.values()) {
			var value = row.get(code);
			if (value != null) {
				sum = sum == null ? value : sum.add(value);
				n++;
			}
		}
		if (sum == null) {
			return null;
		}
		return mean ? sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64) : sum;
	}
}
