package vn.trithuc.orgunit.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.orgunit.OperationKind;
import vn.trithuc.orgunit.OrgUnitEvents;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnitRuleViolation;
import vn.trithuc.orgunit.Succession.Extent;
import vn.trithuc.shared.VietnameseText;

/**
 * The operations on the organisation tree: create, rename, move, merge, split, dissolve. Each runs in one
 * transaction, checks the named policies before writing anything it could not take back, records an event
 * with its decision, leaves successor links and publishes a past-tense event. A refused operation throws
 * {@link OrgUnitRuleViolation} and leaves nothing behind.
 */
@Service
@Transactional(rollbackFor = Exception.class)
public class OrgUnitOperations {

	/** The decision behind an operation: number (e.g. «1671/NQ-UBTVQH15»), date, free note. */
	public record Decision(@Nullable String number, @Nullable LocalDate date, @Nullable String note) {

		public static final Decision NONE = new Decision(null, null, null);

		public Decision {
			number = blankToNull(number);
			note = blankToNull(note);
		}
	}

	/** A unit to create. {@code parent} null = a root of the tree. */
	public record NewUnit(String code, String name, @Nullable String shortName, OrgUnitKind kind,
			@Nullable OrgUnitId parent, @Nullable UUID adminUnitId, @Nullable String address, @Nullable String phone,
			@Nullable String email, @Nullable String headName, @Nullable String headTitle) {

		public NewUnit {
			code = Objects.requireNonNullElse(code, "").strip();
			name = Objects.requireNonNullElse(VietnameseText.nfc(name), "");
			shortName = blankToNull(VietnameseText.nfc(shortName));
			address = blankToNull(VietnameseText.nfc(address));
			phone = blankToNull(phone);
			email = blankToNull(email);
			headName = blankToNull(VietnameseText.nfc(headName));
			headTitle = blankToNull(VietnameseText.nfc(headTitle));
		}

		public static NewUnit of(String code, String name, OrgUnitKind kind, @Nullable OrgUnitId parent) {
			return new NewUnit(code, name, null, kind, parent, null, null, null, null, null, null);
		}

		public NewUnit withShortName(@Nullable String value) {
			return new NewUnit(code, name, value, kind, parent, adminUnitId, address, phone, email, headName, headTitle);
		}

		public NewUnit withAdminUnit(@Nullable UUID value) {
			return new NewUnit(code, name, shortName, kind, parent, value, address, phone, email, headName, headTitle);
		}
	}

	/** Who takes over a dissolved unit's work, and what of it. */
	public record Inheritor(OrgUnitId unit, Extent extent, boolean carriesWork, @Nullable String matter) {
	}

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OrgUnitOperations(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- create

	public OrgUnitId create(NewUnit unit, LocalDate date, Decision decision) {
		return createAll(List.of(unit), date, decision).get(0);
	}

	/**
	 * Creates units in one go (batch inserts), each with its own CREATED event; a parent may be an existing unit
	 * in force on {@code date} or one created earlier in the list.
	 */
	public List<OrgUnitId> createAll(List<NewUnit> units, LocalDate date, Decision decision) {
		var codes = new HashSet<String>();
		for (var unit : units) {
			UnitCodePolicy.check(unit.code(), Optional.empty());
			if (!codes.add(unit.code().toLowerCase(java.util.Locale.ROOT))) {
				throw new OrgUnitRuleViolation("orgunit.rule.codeTwice", unit.code());
			}
			if (unit.name().isBlank()) {
				throw new OrgUnitRuleViolation("orgunit.rule.nameRequired", unit.code());
			}
		}
		if (!codes.isEmpty()) {
			jdbc.sql("select lower(code) from orgunit.org_unit where lower(code) in (:codes)").param("codes", codes)
				.query(String.class).list().stream().findFirst()
				.ifPresent(code -> UnitCodePolicy.check(code, findByCode(code)));
		}
		var parents = units.stream().map(NewUnit::parent).filter(Objects::nonNull).map(OrgUnitId::value)
			.collect(java.util.stream.Collectors.toSet());
		var existingParents = parents.isEmpty() ? Map.<UUID, UnitFacts>of() : factsOf(parents);
		var ids = new ArrayList<OrgUnitId>();
		var created = new HashSet<UUID>();
		var unitRows = new ArrayList<MapSqlParameterSource>();
		var versionRows = new ArrayList<MapSqlParameterSource>();
		var eventRows = new ArrayList<MapSqlParameterSource>();
		var eventUnitRows = new ArrayList<MapSqlParameterSource>();
		var now = Timestamp.from(clock.instant());
		for (var unit : units) {
			if (unit.parent() != null && !created.contains(unit.parent().value())) {
				var parent = existingParents.get(unit.parent().value());
				if (parent == null) {
					throw new OrgUnitRuleViolation("orgunit.rule.unknownUnit", unit.parent().toString());
				}
				UnitLifetimePolicy.requireInForce(parent, date);
			}
			var id = OrgUnitId.random();
			var event = UUID.randomUUID();
			ids.add(id);
			created.add(id.value());
			unitRows.add(unitRow(id, unit, date, now));
			versionRows.add(versionRow(id, unit, date, event));
			eventRows.add(eventRow(event, OperationKind.CREATED, date, decision, now));
			eventUnitRows.add(new MapSqlParameterSource().addValue("event", event).addValue("unit", id.value())
				.addValue("role", "SUBJECT"));
		}
		batch.batchUpdate(INSERT_UNIT, unitRows.toArray(MapSqlParameterSource[]::new));
		batch.batchUpdate(INSERT_VERSION, versionRows.toArray(MapSqlParameterSource[]::new));
		batch.batchUpdate(INSERT_EVENT, eventRows.toArray(MapSqlParameterSource[]::new));
		batch.batchUpdate(INSERT_EVENT_UNIT, eventUnitRows.toArray(MapSqlParameterSource[]::new));
		for (int i = 0; i < ids.size(); i++) {
			events.publishEvent(new OrgUnitEvents.OrgUnitCreated((UUID) eventRows.get(i).getValue("id"), ids.get(i), date));
		}
		return ids;
	}

	// ---------------------------------------------------------------- rename, move

	public void rename(OrgUnitId id, @Nullable Integer expectedVersion, String name, @Nullable String shortName,
			LocalDate date, Decision decision) {
		var unit = lock(id, expectedVersion);
		UnitLifetimePolicy.requireChangeable(unit, date);
		var newName = Objects.requireNonNullElse(VietnameseText.nfc(name), "");
		if (newName.isBlank()) {
			throw new OrgUnitRuleViolation("orgunit.rule.nameRequired", unit.code());
		}
		if (newName.equals(unit.name())) {
			throw new OrgUnitRuleViolation("orgunit.rule.sameName", unit.name());
		}
		var event = recordEvent(OperationKind.RENAMED, date, decision);
		eventUnit(event, id, "SUBJECT");
		newVersion(id, date, event, v -> {
			v.name = newName;
			v.shortName = blankToNull(VietnameseText.nfc(shortName));
		});
		events.publishEvent(new OrgUnitEvents.OrgUnitRenamed(event, id, unit.name(), newName, date));
	}

	public void move(OrgUnitId id, @Nullable Integer expectedVersion, @Nullable OrgUnitId newParent, LocalDate date,
			Decision decision) {
		var unit = lock(id, expectedVersion);
		UnitLifetimePolicy.requireChangeable(unit, date);
		var current = parentOn(id, date);
		if (Objects.equals(current.orElse(null), newParent)) {
			throw new OrgUnitRuleViolation("orgunit.rule.sameParent", unit.name());
		}
		var event = recordEvent(OperationKind.MOVED, date, decision);
		eventUnit(event, id, "SUBJECT");
		reparent(unit, newParent, date, event);
		if (newParent != null) {
			events.publishEvent(new OrgUnitEvents.OrgUnitMoved(event, id, newParent, date));
		}
	}

	// ---------------------------------------------------------------- merge, split, dissolve

	/**
	 * Merges {@code sources} into an existing unit ({@code existingResult}) or a new one ({@code newResult}); the
	 * sources end the day before {@code date}, their children come under the result, each leaves a whole
	 * successor link to the result, which carries the work.
	 */
	public OrgUnitId merge(List<OrgUnitId> sources, @Nullable OrgUnitId existingResult, @Nullable NewUnit newResult,
			LocalDate date, Decision decision) {
		if ((existingResult == null) == (newResult == null)) {
			throw new OrgUnitRuleViolation("orgunit.rule.mergeResult");
		}
		var sourceFacts = sources.stream().map(this::require).toList();
		var target = existingResult == null ? null : require(existingResult);
		MergeSplitPolicy.checkMerge(sourceFacts, target);
		sourceFacts.forEach(source -> UnitLifetimePolicy.requireEndable(source, date));
		if (target != null) {
			UnitLifetimePolicy.requireInForce(target, date);
		}
		sources.forEach(source -> lock(source, null));
		var event = recordEvent(OperationKind.MERGED, date, decision);
		var result = existingResult != null ? existingResult : insertWithin(newResult, date, event);
		var resultFacts = require(result);
		sources.forEach(source -> eventUnit(event, source, "SOURCE"));
		eventUnit(event, result, "RESULT");
		var ending = new HashSet<>(sources);
		// the result cannot stay below a unit that ends: it takes that unit's place
		var resultParent = parentOn(result, date);
		while (resultParent.isPresent() && ending.contains(resultParent.get())) {
			resultParent = parentOn(resultParent.get(), date);
		}
		if (!Objects.equals(resultParent, parentOn(result, date))) {
			reparent(resultFacts, resultParent.orElse(null), date, event);
		}
		for (var source : sources) {
			for (var child : childrenOn(source, date)) {
				if (!ending.contains(child) && !child.equals(result)) {
					reparent(require(child), result, date, event);
				}
			}
		}
		for (var source : sources) {
			end(source, date, event);
			link(event, source, result, date, Extent.WHOLE, true, null);
		}
		events.publishEvent(new OrgUnitEvents.OrgUnitsMerged(event, List.copyOf(sources), result, date));
		return result;
	}

	/**
	 * Splits {@code source} into existing and/or new units: the source ends the day before {@code date}, each result
	 * gets a partial successor link; the one at {@code carrierIndex} (existing results first, then new ones)
	 * carries the work and receives the source's children. A new result without a parent comes under the
	 * source's parent.
	 */
	public List<OrgUnitId> split(OrgUnitId source, @Nullable Integer expectedVersion, List<OrgUnitId> existingResults,
			List<NewUnit> newResults, int carrierIndex, LocalDate date, Decision decision) {
		var unit = lock(source, expectedVersion);
		var existing = existingResults.stream().map(this::require).toList();
		MergeSplitPolicy.checkSplit(unit, existing, existingResults.size() + newResults.size());
		UnitLifetimePolicy.requireEndable(unit, date);
		existing.forEach(result -> UnitLifetimePolicy.requireInForce(result, date));
		if (carrierIndex < 0 || carrierIndex >= existingResults.size() + newResults.size()) {
			throw new OrgUnitRuleViolation("orgunit.rule.carrierRequired");
		}
		var event = recordEvent(OperationKind.SPLIT, date, decision);
		eventUnit(event, source, "SOURCE");
		var sourceParent = parentOn(source, date).orElse(null);
		var results = new ArrayList<>(existingResults);
		for (var fresh : newResults) {
			var placed = fresh.parent() == null ? new NewUnit(fresh.code(), fresh.name(), fresh.shortName(), fresh.kind(),
					sourceParent, fresh.adminUnitId(), fresh.address(), fresh.phone(), fresh.email(), fresh.headName(),
					fresh.headTitle()) : fresh;
			results.add(insertWithin(placed, date, event));
		}
		var carrier = results.get(carrierIndex);
		for (var child : childrenOn(source, date)) {
			if (!results.contains(child)) {
				reparent(require(child), carrier, date, event);
			}
		}
		for (var result : results) {
			if (parentOn(result, date).filter(source::equals).isPresent()) {
				reparent(require(result), sourceParent, date, event);
			}
			eventUnit(event, result, "RESULT");
			link(event, source, result, date, Extent.PARTIAL, result.equals(carrier), null);
		}
		end(source, date, event);
		events.publishEvent(new OrgUnitEvents.OrgUnitSplit(event, source, List.copyOf(results), date));
		return results;
	}

	/**
	 * Dissolves a unit from {@code date}: it ends the day before; {@code inheritors} take over (at least one);
	 * its remaining children come under {@code childrenMoveTo}, which is required when it has any.
	 */
	public void dissolve(OrgUnitId id, @Nullable Integer expectedVersion, List<Inheritor> inheritors,
			@Nullable OrgUnitId childrenMoveTo, LocalDate date, Decision decision) {
		var unit = lock(id, expectedVersion);
		UnitLifetimePolicy.requireEndable(unit, date);
		if (inheritors.isEmpty()) {
			throw new OrgUnitRuleViolation("orgunit.rule.noInheritor", unit.name());
		}
		var seen = new HashSet<OrgUnitId>();
		for (var inheritor : inheritors) {
			var facts = require(inheritor.unit());
			if (inheritor.unit().equals(id)) {
				throw new OrgUnitRuleViolation("orgunit.rule.inheritItself", unit.name());
			}
			if (!seen.add(inheritor.unit())) {
				throw new OrgUnitRuleViolation("orgunit.rule.duplicateUnit", facts.name());
			}
			UnitLifetimePolicy.requireInForce(facts, date);
		}
		var children = childrenOn(id, date);
		if (!children.isEmpty() && childrenMoveTo == null) {
			throw new OrgUnitRuleViolation("orgunit.rule.childrenRemain", unit.name(), children.size(), UnitFacts.day(date));
		}
		if (id.equals(childrenMoveTo)) {
			throw new OrgUnitRuleViolation("orgunit.rule.inheritItself", unit.name());
		}
		var event = recordEvent(OperationKind.DISSOLVED, date, decision);
		eventUnit(event, id, "SUBJECT");
		for (var child : children) {
			reparent(require(child), childrenMoveTo, date, event);
		}
		end(id, date, event);
		for (var inheritor : inheritors) {
			link(event, id, inheritor.unit(), date, inheritor.extent(), inheritor.carriesWork(),
					blankToNull(VietnameseText.nfc(inheritor.matter())));
		}
		events.publishEvent(new OrgUnitEvents.OrgUnitDissolved(event, id,
				inheritors.stream().map(Inheritor::unit).toList(), date));
	}

	// ---------------------------------------------------------------- lookups the forms need

	/** The unit with this code, or a refusal naming the unknown code. */
	public OrgUnitId requireCode(String code) {
		return findByCode(code.strip()).map(UnitFacts::id)
			.orElseThrow(() -> new OrgUnitRuleViolation("orgunit.rule.unknownCode", code.strip()));
	}

	// ---------------------------------------------------------------- internals

	private void reparent(UnitFacts unit, @Nullable OrgUnitId newParent, LocalDate date, UUID event) {
		if (newParent != null) {
			var parent = require(newParent);
			UnitLifetimePolicy.requireInForce(parent, date);
			TreeWithoutCyclesPolicy.check(unit, parent, id -> parentOn(id, date));
		}
		UnitLifetimePolicy.requireChangeable(unit, date);
		newVersion(unit.id(), date, event, v -> v.parent = newParent == null ? null : newParent.value());
	}

	private OrgUnitId insertWithin(NewUnit unit, LocalDate date, UUID event) {
		UnitCodePolicy.check(unit.code(), findByCode(unit.code()));
		if (unit.name().isBlank()) {
			throw new OrgUnitRuleViolation("orgunit.rule.nameRequired", unit.code());
		}
		if (unit.parent() != null) {
			UnitLifetimePolicy.requireInForce(require(unit.parent()), date);
		}
		var id = OrgUnitId.random();
		batch.update(INSERT_UNIT, unitRow(id, unit, date, Timestamp.from(clock.instant())));
		batch.update(INSERT_VERSION, versionRow(id, unit, date, event));
		return id;
	}

	/** Loads a unit's facts, locking its row; checks the version the caller saw, when given. */
	private UnitFacts lock(OrgUnitId id, @Nullable Integer expectedVersion) {
		var version = jdbc.sql("select version from orgunit.org_unit where id = :id for update").param("id", id.value())
			.query(Integer.class).optional()
			.orElseThrow(() -> new OrgUnitRuleViolation("orgunit.rule.unknownUnit", id.toString()));
		if (expectedVersion != null && expectedVersion != version) {
			throw new OptimisticLockingFailureException("org unit " + id + " changed: " + version + " ≠ " + expectedVersion);
		}
		return require(id);
	}

	UnitFacts require(OrgUnitId id) {
		return Optional.ofNullable(factsOf(List.of(id.value())).get(id.value()))
			.orElseThrow(() -> new OrgUnitRuleViolation("orgunit.rule.unknownUnit", id.toString()));
	}

	Optional<UnitFacts> findFactsByCode(String code) {
		return findByCode(code);
	}

	private Optional<UnitFacts> findByCode(String code) {
		return jdbc.sql("select id from orgunit.org_unit where lower(code) = lower(:code)").param("code", code)
			.query(UUID.class).optional().map(id -> require(new OrgUnitId(id)));
	}

	private Map<UUID, UnitFacts> factsOf(java.util.Collection<UUID> ids) {
		var facts = new HashMap<UUID, UnitFacts>();
		jdbc.sql("""
				select u.id, u.code, v.name, u.valid_from, u.valid_to, v.valid_from as last_change
				from orgunit.org_unit u join orgunit.org_unit_version v on v.org_unit = u.id
				where u.id in (:ids) and v.valid_from = (select max(l.valid_from) from orgunit.org_unit_version l where l.org_unit = u.id)""")
			.param("ids", ids)
			.query((rs, n) -> new UnitFacts(new OrgUnitId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list().forEach(f -> facts.put(f.id().value(), f));
		return facts;
	}

	private Optional<OrgUnitId> parentOn(OrgUnitId id, LocalDate date) {
		return jdbc.sql("select v.parent from orgunit.org_unit_version v where v.org_unit = :id and "
				+ OrgUnitDirectory.IN_FORCE).param("id", id.value()).param("d", date)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)).map(OrgUnitId::new)).optional()
			.flatMap(p -> p);
	}

	private List<OrgUnitId> childrenOn(OrgUnitId id, LocalDate date) {
		return jdbc.sql("select v.org_unit from orgunit.org_unit_version v where v.parent = :id and " + OrgUnitDirectory.IN_FORCE)
			.param("id", id.value()).param("d", date).query((rs, n) -> new OrgUnitId(rs.getObject(1, UUID.class))).list();
	}

	/** A new version of the unit's attributes from {@code date} (the same-day version is corrected in place). */
	private void newVersion(OrgUnitId id, LocalDate date, UUID event, Consumer<VersionRow> change) {
		var latest = jdbc.sql("""
				select id, valid_from, valid_to, name, short_name, parent, address, phone, email, head_name, head_title
				from orgunit.org_unit_version where org_unit = :id order by valid_from desc limit 1""").param("id", id.value())
			.query((rs, n) -> new VersionRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
					rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
			.single();
		change.accept(latest);
		var params = new MapSqlParameterSource().addValue("unit", id.value()).addValue("name", latest.name)
			.addValue("folded", VietnameseText.fold(latest.name)).addValue("shortName", latest.shortName)
			.addValue("parent", latest.parent).addValue("address", latest.address).addValue("phone", latest.phone)
			.addValue("email", latest.email).addValue("headName", latest.headName).addValue("headTitle", latest.headTitle)
			.addValue("event", event).addValue("to", latest.validTo == null ? null : Date.valueOf(latest.validTo));
		if (latest.validFrom.equals(date)) {
			batch.update("""
					update orgunit.org_unit_version set name = :name, name_folded = :folded, short_name = :shortName,
					  parent = :parent, address = :address, phone = :phone, email = :email, head_name = :headName,
					  head_title = :headTitle, event = :event where id = :id""", params.addValue("id", latest.id));
		}
		else {
			jdbc.sql("update orgunit.org_unit_version set valid_to = :to where id = :id").param("id", latest.id)
				.param("to", date.minusDays(1)).update();
			batch.update(INSERT_VERSION, params.addValue("id", UUID.randomUUID()).addValue("from", Date.valueOf(date)));
		}
		bump(id);
	}

	private void end(OrgUnitId id, LocalDate date, UUID event) {
		jdbc.sql("""
				update orgunit.org_unit_version set valid_to = :to
				where org_unit = :id and valid_from = (select max(valid_from) from orgunit.org_unit_version where org_unit = :id)""")
			.param("id", id.value()).param("to", date.minusDays(1)).update();
		jdbc.sql("update orgunit.org_unit set valid_to = :to where id = :id").param("id", id.value())
			.param("to", date.minusDays(1)).update();
		bump(id);
	}

	private void bump(OrgUnitId id) {
		jdbc.sql("update orgunit.org_unit set version = version + 1 where id = :id").param("id", id.value()).update();
	}

	private UUID recordEvent(OperationKind kind, LocalDate date, Decision decision) {
		var id = UUID.randomUUID();
		batch.update(INSERT_EVENT, eventRow(id, kind, date, decision, Timestamp.from(clock.instant())));
		return id;
	}

	private void eventUnit(UUID event, OrgUnitId unit, String role) {
		jdbc.sql("insert into orgunit.org_unit_event_unit (event, org_unit, role) values (:event, :unit, :role) on conflict do nothing")
			.param("event", event).param("unit", unit.value()).param("role", role).update();
	}

	private void link(UUID event, OrgUnitId predecessor, OrgUnitId successor, LocalDate date, Extent extent,
			boolean carriesWork, @Nullable String matter) {
		jdbc.sql("""
				insert into orgunit.succession (id, event, predecessor, successor, effective_on, extent, carries_work, matter)
				values (:id, :event, :p, :s, :d, :extent, :carries, :matter)""").param("id", UUID.randomUUID())
			.param("event", event).param("p", predecessor.value()).param("s", successor.value()).param("d", date)
			.param("extent", extent.name()).param("carries", carriesWork).param("matter", matter).update();
	}

	private static final String INSERT_UNIT = """
			insert into orgunit.org_unit (id, version, code, kind, admin_unit_id, valid_from, valid_to, created_at)
			values (:id, 0, :code, :kind, :adminUnit, :from, null, :now)""";
	private static final String INSERT_VERSION = """
			insert into orgunit.org_unit_version (id, org_unit, valid_from, valid_to, name, name_folded, short_name, parent,
			  address, phone, email, head_name, head_title, event)
			values (:id, :unit, :from, :to, :name, :folded, :shortName, :parent, :address, :phone, :email, :headName,
			  :headTitle, :event)""";
	private static final String INSERT_EVENT = """
			insert into orgunit.org_unit_event (id, kind, effective_on, decision_number, decision_date, note, recorded_at, recorded_by)
			values (:id, :kind, :date, :number, :decisionDate, :note, :now, :by)""";
	private static final String INSERT_EVENT_UNIT = """
			insert into orgunit.org_unit_event_unit (event, org_unit, role) values (:event, :unit, :role)""";

	private static MapSqlParameterSource unitRow(OrgUnitId id, NewUnit unit, LocalDate date, Timestamp now) {
		return new MapSqlParameterSource().addValue("id", id.value()).addValue("code", unit.code())
			.addValue("kind", unit.kind().name()).addValue("adminUnit", unit.adminUnitId())
			.addValue("from", Date.valueOf(date)).addValue("now", now);
	}

	private static MapSqlParameterSource versionRow(OrgUnitId id, NewUnit unit, LocalDate date, UUID event) {
		return new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("unit", id.value())
			.addValue("from", Date.valueOf(date)).addValue("to", null, java.sql.Types.DATE).addValue("name", unit.name())
			.addValue("folded", VietnameseText.fold(unit.name())).addValue("shortName", unit.shortName())
			.addValue("parent", unit.parent() == null ? null : unit.parent().value(), java.sql.Types.OTHER)
			.addValue("address", unit.address()).addValue("phone", unit.phone()).addValue("email", unit.email())
			.addValue("headName", unit.headName()).addValue("headTitle", unit.headTitle()).addValue("event", event);
	}

	private MapSqlParameterSource eventRow(UUID id, OperationKind kind, LocalDate date, Decision decision, Timestamp now) {
		return new MapSqlParameterSource().addValue("id", id).addValue("kind", kind.name())
			.addValue("date", Date.valueOf(date)).addValue("number", decision.number())
			.addValue("decisionDate", decision.date() == null ? null : Date.valueOf(decision.date()), java.sql.Types.DATE)
			.addValue("note", decision.note()).addValue("now", now).addValue("by", currentUser());
	}

	private static @Nullable String currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? null : authentication.getName();
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The attributes of a version, changed by an operation. */
	private static final class VersionRow {
		final UUID id;
		final LocalDate validFrom;
		final @Nullable LocalDate validTo;
		String name;
		@Nullable String shortName;
		@Nullable UUID parent;
		@Nullable String address;
		@Nullable String phone;
		@Nullable String email;
		@Nullable String headName;
		@Nullable String headTitle;

		VersionRow(UUID id, LocalDate validFrom, @Nullable LocalDate validTo, String name, @Nullable String shortName,
				@Nullable UUID parent, @Nullable String address, @Nullable String phone, @Nullable String email,
				@Nullable String headName, @Nullable String headTitle) {
			this.id = id;
			this.validFrom = validFrom;
			this.validTo = validTo;
			this.name = name;
			this.shortName = shortName;
			this.parent = parent;
			this.address = address;
			this.phone = phone;
			this.email = email;
			this.headName = headName;
			this.headTitle = headTitle;
		}
	}
}
