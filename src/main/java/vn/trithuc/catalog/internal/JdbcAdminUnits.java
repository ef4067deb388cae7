package vn.trithuc.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.catalog.LinkedUnit;
import vn.trithuc.catalog.SuccessionExtent;
import vn.trithuc.shared.VietnameseText;

/** Administrative units from {@code catalog.admin_unit} and {@code catalog.admin_unit_succession}. */
@Service
@Transactional(readOnly = true)
class JdbcAdminUnits implements AdminUnits {

	static final String CACHE = "catalog.admin-unit";
	static final String IN_FORCE_CACHE = "catalog.admin-units-in-force";
	private static final String COLUMNS = "u.id, u.code, u.name, u.level, u.type, u.parent_id, u.valid_from, u.valid_to";
	private static final String IN_FORCE = "(u.valid_from is null or u.valid_from <= :date) and (u.valid_to is null or u.valid_to >= :date)";
	private static final String ORDER = " order by u.name collate \"vi-x-icu\", u.code";

	private final JdbcClient jdbc;

	JdbcAdminUnits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Cached as {@link #find} is (administrative units are reference data, loaded by migrations, never changed by the
	 * running application): search facets name communes and provinces on every search.
	 */
	@Override
	@Cacheable(IN_FORCE_CACHE)
	public List<AdminUnit> inForce(LocalDate date, AdminUnitLevel level, @Nullable AdminUnitId parent) {
		var sql = "select " + COLUMNS + " from catalog.admin_unit u where u.level = :level and " + IN_FORCE
				+ (parent == null ? "" : " and u.parent_id = :parent") + ORDER;
		var statement = jdbc.sql(sql).param("level", level.name()).param("date", date);
		if (parent != null) {
			statement = statement.param("parent", parent.value());
		}
		return List.copyOf(statement.query(JdbcAdminUnits::unit).list());
	}

	@Override
	@Cacheable(CACHE)
	public Optional<AdminUnit> find(AdminUnitId id) {
		return jdbc.sql("select " + COLUMNS + " from catalog.admin_unit u where u.id = :id").param("id", id.value())
			.query(JdbcAdminUnits::unit).optional();
	}

	@Override
	public Optional<AdminUnit> findByCode(String code, AdminUnitLevel level, LocalDate date) {
		return jdbc.sql("select " + COLUMNS + " from catalog.admin_unit u where u.code = :code and u.level = :level and "
				+ IN_FORCE).param("code", code.strip()).param("level", level.name()).param("date", date)
			.query(JdbcAdminUnits::unit).optional();
	}

	@Override
	public List<LinkedUnit> successors(AdminUnitId id) {
		return links("s.predecessor_id", "s.successor_id", id);
	}

	@Override
	public List<LinkedUnit> predecessors(AdminUnitId id) {
		return links("s.successor_id", "s.predecessor_id", id);
	}

	private List<LinkedUnit> links(String from, String to, AdminUnitId id) {
		return jdbc.sql("select " + COLUMNS + ", s.extent, s.effective_date, s.is_primary"
				+ " from catalog.admin_unit_succession s join catalog.admin_unit u on u.id = " + to + " where " + from
				+ " = :id" + ORDER)
			.param("id", id.value())
			.query((rs, n) -> new LinkedUnit(unit(rs, n), SuccessionExtent.valueOf(rs.getString("extent")),
					rs.getObject("effective_date", LocalDate.class), rs.getBoolean("is_primary")))
			.list();
	}

	@Override
	public List<LinkedUnit> mapToDate(AdminUnitId id, LocalDate date) {
		var start = find(id);
		if (start.isEmpty()) {
			return List.of();
		}
		var reached = new LinkedHashMap<AdminUnitId, LinkedUnit>();
		var frontier = new ArrayDeque<LinkedUnit>();
		frontier.add(new LinkedUnit(start.get(), SuccessionExtent.WHOLE, null, true));
		var seen = new java.util.HashSet<AdminUnitId>();
		while (!frontier.isEmpty()) {
			var current = frontier.poll();
			var unit = current.unit();
			if (unit.inForceOn(date)) {
				reached.merge(unit.id(), current, JdbcAdminUnits::either);
			}
			else if (unit.validTo() != null && unit.validTo().isBefore(date) && seen.add(unit.id())) {
				for (var next : successors(unit.id())) {
					var partial = current.extent() == SuccessionExtent.PARTIAL || next.extent() == SuccessionExtent.PARTIAL;
					frontier.add(new LinkedUnit(next.unit(), partial ? SuccessionExtent.PARTIAL : SuccessionExtent.WHOLE,
							next.effectiveDate(), current.primary() && next.primary()));
				}
			}
		}
		var result = new ArrayList<>(reached.values());
		result.sort(java.util.Comparator.comparing((LinkedUnit l) -> !l.primary()));
		return List.copyOf(result);
	}

	/** The same unit reached along two paths: whole if either path was whole, primary if either was. */
	private static LinkedUnit either(LinkedUnit a, LinkedUnit b) {
		var extent = a.extent() == SuccessionExtent.WHOLE || b.extent() == SuccessionExtent.WHOLE ? SuccessionExtent.WHOLE
				: SuccessionExtent.PARTIAL;
		return new LinkedUnit(a.unit(), extent, a.effectiveDate(), a.primary() || b.primary());
	}

	@Override
	public AdminUnitPage search(AdminUnitQuery query) {
		var where = new StringBuilder(" from catalog.admin_unit u where " + IN_FORCE);
		if (query.level() != null) {
			where.append(" and u.level = :level");
		}
		if (query.parent() != null) {
			// directly under it, or under one of its (legacy) districts
			where.append(" and (u.parent_id = :parent or u.parent_id in (select d.id from catalog.admin_unit d where d.parent_id = :parent))");
		}
		var folded = VietnameseText.fold(query.q());
		if (!folded.isEmpty()) {
			where.append(" and (u.name_folded like :q or u.code = :code)");
		}
		var params = new java.util.HashMap<String, Object>();
		params.put("date", query.date());
		if (query.level() != null) {
			params.put("level", query.level().name());
		}
		if (query.parent() != null) {
			params.put("parent", query.parent().value());
		}
		if (!folded.isEmpty()) {
			params.put("q", "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.put("code", query.q().strip());
		}
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		var units = jdbc.sql("select " + COLUMNS + where + " order by u.level, u.name collate \"vi-x-icu\", u.code"
				+ " limit :limit offset :offset").params(params).query(JdbcAdminUnits::unit).list();
		return new AdminUnitPage(units, query.page(), query.size(), total);
	}

	/** How many units of a level were in force on a date (for tests and the catalog index). */
	long count(AdminUnitLevel level, LocalDate date) {
		return jdbc.sql("select count(*) from catalog.admin_unit u where u.level = :level and " + IN_FORCE)
			.param("level", level.name()).param("date", date).query(Long.class).single();
	}

	static AdminUnit unit(ResultSet rs, int row) throws SQLException {
		var parent = rs.getObject("parent_id", UUID.class);
		return new AdminUnit(new AdminUnitId(rs.getObject("id", UUID.class)), rs.getString("code"), rs.getString("name"),
				AdminUnitLevel.valueOf(rs.getString("level")), rs.getString("type"),
				parent == null ? null : new AdminUnitId(parent), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class));
	}
}
