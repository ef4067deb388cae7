package vn.trithuc.program.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ReviewReports.IndicatorLine;
import vn.trithuc.program.UnitReports;

/**
 * Indicator values of the accepted unit reports of a period, per unit, and their totals against the program's
 * targets. Counts add up over units; shares and ratios (a unit of "%" or "…/…") are averaged.
 */
@Component
class ReviewIndicators {

	private final JdbcClient jdbc;

	ReviewIndicators(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Unit → indicator code → value, from the accepted reports of the period (units in the order given). */
	Map<UUID, Map<String, BigDecimal>> acceptedValues(UnitReports.Period period, List<UnitReports.ReportingUnit> units) {
		var result = new LinkedHashMap<UUID, Map<String, BigDecimal>>();
		units.forEach(u -> result.put(u.id(), new LinkedHashMap<>()));
		jdbc.sql("""
				select r.unit_id, v.indicator_code, v.value from program.report_indicator_value v
				join program.unit_report r on r.id = v.report_id
				where r.period_id = :p and r.status = 'ACCEPTED' and v.value is not null
				order by v.indicator_code""")
			.param("p", period.id())
			.query((rs, n) -> {
				var row = result.get(rs.getObject(1, UUID.class));
				if (row != null) {
					row.put(rs.getString(2), rs.getBigDecimal(3));
				}
				return 1;
			})
			.list();
		return result;
	}

	List<IndicatorLine> lines(ProgramDocument program, UnitReports.Period period,
			Map<UUID, Map<String, BigDecimal>> current, Map<UUID, Map<String, BigDecimal>> previous) {
		var codes = new LinkedHashSet<String>();
		program.targets().forEach(t -> codes.add(t.indicatorCode()));
		current.values().forEach(v -> codes.addAll(v.keySet()));
		var lines = new ArrayList<IndicatorLine>();
		for (var code : codes) {
			var target = program.targets().stream().filter(t -> t.indicatorCode().equals(code)).findFirst();
			var unit = target.map(ProgramDocument.Target::unit).orElse("");
			lines.add(new IndicatorLine(code, target.map(ProgramDocument.Target::description).orElse(code), unit,
					total(previous, code, unit), total(current, code, unit), target.map(ProgramDocument.Target::value).orElse(null),
					target.map(ProgramDocument.Target::comparator).orElse(null), target.map(ProgramDocument.Target::year).orElse(null),
					target.map(ProgramDocument.Target::sourceDocument).orElse(null)));
		}
		return lines;
	}

	static boolean averaged(String unit) {
		return unit.contains("%") || unit.contains("/");
	}

	static BigDecimal total(Map<UUID, Map<String, BigDecimal>> values, String code, String unit) {
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
		return averaged(unit) ? sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64) : sum;
	}
}
