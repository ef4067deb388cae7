package vn.trithuc.orgunit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.orgunit.OperationKind;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitHistory;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.Succession;
import vn.trithuc.shared.VietnameseText;

/** The read side of the organisation tree: SQL over the unit versions, as of a date. */
@Service
@Transactional(readOnly = true)
class OrgUnitDirectory implements OrgUnits {

	static final String SELECT = """
			select u.id, u.code, u.kind, u.admin_unit_id, u.valid_from as u_from, u.valid_to as u_to, u.version as lock_version,
			       v.name, v.short_name, v.parent, v.address, v.phone, v.email, v.head_name, v.head_title,
			       v.valid_from as v_from, v.valid_to as v_to
			from orgunit.org_unit u join orgunit.org_unit_version v on v.org_unit = u.id
			""";
	static final String IN_FORCE = " v.valid_from <= :d and (v.valid_to is null or v.valid_to >= :d) ";
	static final String LATEST = " v.valid_from = (select max(l.valid_from) from orgunit.org_unit_version l where l.org_unit = u.id) ";

	private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
	/** Tree order: by kind (party first, as officers list them), then by name in Vietnamese order. */
	static final Comparator<OrgUnit> TREE_ORDER = Comparator.comparing(OrgUnit::kind)
		.thenComparing(OrgUnit::name, VIETNAMESE::compare);

	private final JdbcClient jdbc;
	private final Clock clock;

	OrgUnitDirectory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Optional<OrgUnit> find(OrgUnitId id, LocalDate date) {
		return jdbc.sql(SELECT + " where u.id = :id and " + IN_FORCE).param("id", id.value()).param("d", date)
			.query(OrgUnitDirectory::unit).optional();
	}

	@Override
	public Optional<OrgUnit> find(OrgUnitId id) {
		return jdbc.sql(SELECT + " where u.id = :id and " + LATEST).param("id", id.value())
			.query(OrgUnitDirectory::unit).optional();
	}

	@Override
	public List<OrgUnit> find(Collection<OrgUnitId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where u.id = any(:ids) and " + LATEST)
			.param("ids", ids.stream().map(OrgUnitId::value).toArray(UUID[]::new)).query(OrgUnitDirectory::unit).list();
	}

	@Override
	public Optional<OrgUnit> findByCode(String code) {
		return jdbc.sql(SELECT + " where lower(u.code) = lower(:code) and " + LATEST).param("code", code.strip())
			.query(OrgUnitDirectory::unit).optional();
	}

	@Override
	public List<OrgUnit> roots(LocalDate date) {
		return sorted(jdbc.sql(SELECT + " where v.parent is null and " + IN_FORCE).param("d", date)
			.query(OrgUnitDirectory::unit).list());
	}

	@Override
	public List<OrgUnit> children(OrgUnitId parent, LocalDate date) {
		return sorted(jdbc.sql(SELECT + " where v.parent = :p and " + IN_FORCE).param("p", parent.value())
			.param("d", date).query(OrgUnitDirectory::unit).list());
	}

	@Override
	public List<OrgUnit> inForce(LocalDate date, @Nullable Collection<OrgUnitId> among) {
		if (among != null && among.isEmpty()) {
			return List.of();
		}
		var units = among == null ? allInForce(date)
				: jdbc.sql(SELECT + " where u.id = any(:ids) and " + IN_FORCE)
					.param("ids", among.stream().map(OrgUnitId::value).toArray(UUID[]::new)).param("d", date)
					.query(OrgUnitDirectory::unit).list();
		return units.stream().sorted(Comparator.comparing(OrgUnit::name, VIETNAMESE::compare)).toList();
	}

	/** Every unit in force on {@code date} (for the export), parents before children. */
	List<OrgUnit> allInForce(LocalDate date) {
		return jdbc.sql(SELECT + " where " + IN_FORCE).param("d", date).query(OrgUnitDirectory::unit).list();
	}

	@Override
	public Set<OrgUnitId> withChildren(Collection<OrgUnitId> ids, LocalDate date) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select distinct v.parent from orgunit.org_unit_version v where v.parent in (:ids) and "
				+ IN_FORCE).param("ids", ids.stream().map(OrgUnitId::value).toList()).param("d", date)
			.query((rs, n) -> new OrgUnitId(rs.getObject(1, UUID.class))).list());
	}

	@Override
	public List<OrgUnit> ancestors(OrgUnitId id, LocalDate date) {
		var chain = new ArrayList<OrgUnit>();
		var seen = new HashSet<OrgUnitId>();
		var current = find(id, date).map(OrgUnit::parentId).orElse(null);
		while (current != null && seen.add(current)) {
			var parent = find(current, date);
			if (parent.isEmpty()) {
				break;
			}
			chain.add(0, parent.get());
			current = parent.get().parentId();
		}
		return chain;
	}

	@Override
	public Set<OrgUnitId> subtreeAsOf(OrgUnitId root, LocalDate date) {
		return new LinkedHashSet<>(jdbc.sql("""
				with recursive t(id) as (
				  select v.org_unit from orgunit.org_unit_version v where v.org_unit = :root and %1$s
				  union
				  select v.org_unit from orgunit.org_unit_version v join t on v.parent = t.id where %1$s
				) select id from t""".formatted(IN_FORCE)).param("root", root.value()).param("d", date)
			.query((rs, n) -> new OrgUnitId(rs.getObject(1, UUID.class))).list());
	}

	@Override
	public Set<OrgUnitId> successors(OrgUnitId id, LocalDate date) {
		var result = new LinkedHashSet<OrgUnitId>();
		var seen = new HashSet<OrgUnitId>();
		var queue = new ArrayDeque<OrgUnitId>();
		queue.add(id);
		while (!queue.isEmpty()) {
			var unit = queue.poll();
			if (!seen.add(unit)) {
				continue;
			}
			if (inForce(unit, date)) {
				result.add(unit);
				continue;
			}
			jdbc.sql("select successor from orgunit.succession where predecessor = :p and effective_on <= :d order by effective_on")
				.param("p", unit.value()).param("d", date)
				.query((rs, n) -> new OrgUnitId(rs.getObject(1, UUID.class))).list().forEach(queue::add);
		}
		return result;
	}

	@Override
	public Set<OrgUnitId> currentSuccessors(OrgUnitId id) {
		return successors(id, LocalDate.now(clock));
	}

	boolean inForce(OrgUnitId id, LocalDate date) {
		return jdbc.sql("select count(*) from orgunit.org_unit u where u.id = :id and u.valid_from <= :d "
				+ "and (u.valid_to is null or u.valid_to >= :d)").param("id", id.value()).param("d", date)
			.query(Integer.class).single() > 0;
	}

	@Override
	public List<OrgUnit> search(String text, LocalDate date, int limit) {
		var folded = VietnameseText.fold(text);
		if (folded.isEmpty()) {
			return List.of();
		}
		var like = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		var ids = jdbc.sql("""
				select u.id from orgunit.org_unit u
				where lower(u.code) = :code
				   or exists (select 1 from orgunit.org_unit_version v where v.org_unit = u.id and v.name_folded like :like)
				order by (u.valid_from <= :d and (u.valid_to is null or u.valid_to >= :d)) desc, u.valid_to desc nulls first
				limit :limit""").param("code", folded).param("like", like).param("d", date).param("limit", limit)
			.query((rs, n) -> new OrgUnitId(rs.getObject(1, UUID.class))).list();
		var found = new ArrayList<OrgUnit>();
		for (var id : ids) {
			find(id, date).or(() -> find(id)).ifPresent(found::add);
		}
		var current = found.stream().filter(u -> u.inForceOn(date)).sorted(TREE_ORDER).toList();
		var former = found.stream().filter(u -> !u.inForceOn(date)).sorted(TREE_ORDER).toList();
		var all = new ArrayList<>(current);
		all.addAll(former);
		return all;
	}

	@Override
	public Optional<OrgUnitHistory> history(OrgUnitId id) {
		return find(id).map(current -> {
			var versions = jdbc.sql("""
					select v.valid_from, v.valid_to, v.name, v.short_name, v.parent,
					       (select pv.name from orgunit.org_unit_version pv where pv.org_unit = v.parent
					         and pv.valid_from <= v.valid_from and (pv.valid_to is null or pv.valid_to >= v.valid_from)) as parent_name
					from orgunit.org_unit_version v where v.org_unit = :id order by v.valid_from""")
				.param("id", id.value())
				.query((rs, n) -> new OrgUnitHistory.Version(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
						rs.getString(3), rs.getString(4), optionalId(rs, 5), rs.getString(6)))
				.list();
			var events = jdbc.sql("""
					select e.id, e.kind, e.effective_on, e.decision_number, e.decision_date, e.note, eu.role
					from orgunit.org_unit_event e join orgunit.org_unit_event_unit eu on eu.event = e.id
					where eu.org_unit = :id order by e.effective_on, e.recorded_at""").param("id", id.value())
				.query((rs, n) -> new OrgUnitHistory.Event(rs.getObject(1, UUID.class), OperationKind.valueOf(rs.getString(2)),
						rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
						rs.getString(7)))
				.list();
			return new OrgUnitHistory(current, versions, events, successions("successor", id), successions("predecessor", id));
		});
	}

	/** Links where the unit is on the {@code side} given (successor side = its predecessors). */
	private List<Succession> successions(String side, OrgUnitId id) {
		return jdbc.sql("""
				select s.predecessor, %1$s as predecessor_name, s.successor, %2$s as successor_name,
				       s.effective_on, s.extent, s.carries_work, s.matter
				from orgunit.succession s where s.%3$s = :id order by s.effective_on, s.carries_work desc"""
			.formatted(nameBefore("s.predecessor"), nameOn("s.successor"), side))
			.param("id", id.value())
			.query((rs, n) -> new Succession(new OrgUnitId(rs.getObject(1, UUID.class)), rs.getString(2),
					new OrgUnitId(rs.getObject(3, UUID.class)), rs.getString(4), rs.getObject(5, LocalDate.class),
					Succession.Extent.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getString(8)))
			.list();
	}

	/** The unit's name on the day before the link (a predecessor is named as it was when it ended). */
	private static String nameBefore(String column) {
		return "coalesce((select v.name from orgunit.org_unit_version v where v.org_unit = " + column
				+ " and v.valid_from < s.effective_on order by v.valid_from desc limit 1), "
				+ "(select v.name from orgunit.org_unit_version v where v.org_unit = " + column
				+ " order by v.valid_from limit 1))";
	}

	private static String nameOn(String column) {
		return "coalesce((select v.name from orgunit.org_unit_version v where v.org_unit = " + column
				+ " and v.valid_from <= s.effective_on order by v.valid_from desc limit 1), "
				+ "(select v.name from orgunit.org_unit_version v where v.org_unit = " + column
				+ " order by v.valid_from limit 1))";
	}

	private static List<OrgUnit> sorted(List<OrgUnit> units) {
		return units.stream().sorted(TREE_ORDER).toList();
	}

	static OrgUnit unit(ResultSet rs, int row) throws SQLException {
		return new OrgUnit(new OrgUnitId(rs.getObject("id", UUID.class)), rs.getString("code"),
				OrgUnitKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("short_name"),
				optionalId(rs, rs.findColumn("parent")), rs.getObject("admin_unit_id", UUID.class), rs.getString("address"),
				rs.getString("phone"), rs.getString("email"), rs.getString("head_name"), rs.getString("head_title"),
				rs.getObject("u_from", LocalDate.class), rs.getObject("u_to", LocalDate.class),
				rs.getObject("v_from", LocalDate.class), rs.getObject("v_to", LocalDate.class), rs.getInt("lock_version"));
	}

	private static @Nullable OrgUnitId optionalId(ResultSet rs, int column) throws SQLException {
		var value = rs.getObject(column, UUID.class);
		return value == null ? null : new OrgUnitId(value);
	}
}
