package vn.trithuc.program.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.program.Indicators;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.UnitReports;
import vn.trithuc.registry.RegistryFacts;

/** Indicators in {@code program.indicator}; computed ones from {@link RegistryFacts#countsByOrgUnit}. */
@Service
@Transactional
class JdbcIndicators implements Indicators {

	private final JdbcClient jdbc;
	private final RegistryFacts registry;
	private final OrgUnits orgUnits;
	private final int youngAge;

	JdbcIndicators(JdbcClient jdbc, RegistryFacts registry, OrgUnits orgUnits,
			@Value("${trithuc.analytics.young-age:35}") int youngAge) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.orgUnits = orgUnits;
		this.youngAge = youngAge;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Indicator> indicators() {
		return jdbc.sql("select code, name, unit, source, aggregation from program.indicator order by position")
			.query((rs, n) -> indicator(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Indicator> indicator(String code) {
		return jdbc.sql("select code, name, unit, source, aggregation from program.indicator where code = :c").param("c", code)
			.query((rs, n) -> indicator(rs)).optional();
	}

	private static Indicator indicator(ResultSet rs) throws SQLException {
		return new Indicator(rs.getString(1), rs.getString(2), rs.getString(3), "COMPUTED".equals(rs.getString(4)),
				Aggregation.valueOf(rs.getString(5)));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Map<String, BigDecimal>> computed(List<UnitReports.ReportingUnit> units, LocalDate asOf) {
		var result = new LinkedHashMap<UUID, Map<String, BigDecimal>>();
		if (units.stream().noneMatch(u -> u.orgUnitId() != null)) {
			return result;
		}
		var counts = registry.countsByOrgUnit(asOf, youngAge);
		// a unit ended by a merge or split is counted through its successors, but each carrier once: not when the
		// successor is itself among the units, nor a second time for the next unit merged into it
		var own = new HashSet<OrgUnitId>();
		units.stream().filter(u -> u.orgUnitId() != null).forEach(u -> own.add(new OrgUnitId(u.orgUnitId())));
		var carried = new HashSet<OrgUnitId>();
		for (var unit : units) {
			if (unit.orgUnitId() == null) {
				continue;
			}
			var id = new OrgUnitId(unit.orgUnitId());
			var subtree = new HashSet<OrgUnitId>();
			for (var carrier : orgUnits.successors(id, asOf)) {
				boolean itself = carrier.equals(id);
				if (itself || (!own.contains(carrier) && carried.add(carrier))) {
					subtree.addAll(orgUnits.subtreeAsOf(carrier, asOf));
				}
			}
			var total = RegistryFacts.UnitCounts.NONE;
			for (var member : subtree) {
				total = total.plus(counts.getOrDefault(member.value(), RegistryFacts.UnitCounts.NONE));
			}
			var values = new LinkedHashMap<String, BigDecimal>();
			values.put("INTELLECTUALS", BigDecimal.valueOf(total.intellectuals()));
			values.put("DOCTORATES", BigDecimal.valueOf(total.doctorates()));
			values.put("YOUNG_INTELLECTUALS", BigDecimal.valueOf(total.young()));
			result.put(unit.id(), values);
		}
		return result;
	}

	@Override
	public UUID setTarget(ProgramId program, @Nullable UUID unitId, NewTarget target, String by) {
		var indicator = indicator(target.indicatorCode())
			.orElseThrow(() -> new IllegalArgumentException("no indicator " + target.indicatorCode()));
		if (unitId != null && jdbc.sql("select count(*) from program.reporting_unit where id = :u and program_id = :p")
			.param("u", unitId).param("p", program.id()).query(Integer.class).single() == 0) {
			throw new IllegalArgumentException("no reporting unit " + unitId + " in " + program);
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into program.target (id, program_id, position, indicator_code, description, target_value, unit,
				  target_year, comparator, source_document, source_date, source_status, reporting_unit_id, created_by)
				values (:id, :p, (select coalesce(max(position), 0) + 1 from program.target where program_id = :p), :code, :d,
				  :v, :u, :y, :c, :s, :sd, 'RECORDED', :unit, :by)""")
			.param("id", id).param("p", program.id()).param("code", indicator.code()).param("d", indicator.name())
			.param("v", target.value()).param("u", indicator.unit()).param("y", target.year()).param("c", target.comparator())
			.param("s", target.sourceDocument().strip())
			.param("sd", target.sourceDate() == null ? null : Date.valueOf(target.sourceDate()), Types.DATE)
			.param("unit", unitId, Types.OTHER).param("by", by).update();
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitTarget> unitTargets(ProgramId program) {
		return jdbc.sql("""
				select t.id, t.reporting_unit_id, u.name, t.indicator_code, t.target_value, t.target_year, t.comparator,
				  t.source_document, t.source_date from program.target t
				join program.reporting_unit u on u.id = t.reporting_unit_id
				where t.program_id = :p order by u.position, t.indicator_code, t.position""")
			.param("p", program.id()).query((rs, n) -> target(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UnitTarget> targetFor(ProgramId program, UUID unitId, String code) {
		// the unit's own target first, then the program's; the latest recorded of each
		return jdbc.sql("""
				select t.id, t.reporting_unit_id, u.name, t.indicator_code, t.target_value, t.target_year, t.comparator,
				  t.source_document, t.source_date from program.target t
				left join program.reporting_unit u on u.id = t.reporting_unit_id
				where t.program_id = :p and t.indicator_code = :c and (t.reporting_unit_id = :u or t.reporting_unit_id is null)
				order by (t.reporting_unit_id is null), t.position desc limit 1""")
			.param("p", program.id()).param("c", code).param("u", unitId).query((rs, n) -> target(rs)).optional();
	}

	private static UnitTarget target(ResultSet rs) throws SQLException {
		var sourceDate = rs.getDate(9);
		return new UnitTarget(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getBigDecimal(5), rs.getInt(6), rs.getString(7), rs.getString(8),
				sourceDate == null ? null : sourceDate.toLocalDate());
	}
}
