package vn.trithuc.program.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.program.DocumentKind;
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.PartialDate;
import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ProgramDocument.Item;
import vn.trithuc.program.ProgramDocument.Revision;
import vn.trithuc.program.ProgramDocument.Section;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.ProgramSummary;
import vn.trithuc.program.Programs;
import vn.trithuc.program.Responsibility;
import vn.trithuc.program.TaskGroup;
import vn.trithuc.shared.VietnameseText;

/** The programs in schema {@code program}, read and written with plain SQL. */
@Service
@Transactional
class JdbcPrograms implements Programs {

	private static final String SUMMARY_COLUMNS = """
			id, document_kind, reference_only, issuer_name, number, number_suffix, issued_year, issued_month,
			issued_day, title""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final OrgUnitMatcher matcher;

	JdbcPrograms(JdbcClient jdbc, Clock clock, OrgUnitMatcher matcher) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.matcher = matcher;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProgramSummary> programs() {
		return jdbc.sql("select " + SUMMARY_COLUMNS + """
				 from program.action_program
				order by reference_only desc, issued_year, coalesce(issued_month, 1), coalesce(issued_day, 1), title""")
			.query((rs, n) -> summary(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ProgramDocument> find(ProgramId id, @Nullable LocalDate asOf) {
		var header = jdbc.sql("select " + SUMMARY_COLUMNS + """
				, version, higher_issuer_heading, issuer_heading, issuer_org_unit_id, place, kind_heading, preamble,
				implements_id from program.action_program where id = :id""")
			.param("id", id.id())
			.query((rs, n) -> new Header(summary(rs), rs.getInt("version"), rs.getString("higher_issuer_heading"),
					rs.getString("issuer_heading"), rs.getObject("issuer_org_unit_id", UUID.class),
					rs.getString("place"), rs.getString("kind_heading"), rs.getString("preamble"),
					rs.getObject("implements_id", UUID.class)))
			.optional();
		return header.map(h -> document(h, asOf));
	}

	private ProgramDocument document(Header h, @Nullable LocalDate asOf) {
		var cascade = new ArrayList<ProgramSummary>();
		var next = h.implementsId();
		while (next != null && cascade.size() < 20) {
			var parent = jdbc.sql("select " + SUMMARY_COLUMNS + ", implements_id from program.action_program where id = :id")
				.param("id", next).query((rs, n) -> Map.entry(summary(rs), Optional.ofNullable(rs.getObject("implements_id", UUID.class))))
				.single();
			cascade.add(0, parent.getKey());
			next = parent.getValue().orElse(null);
		}
		var programId = h.summary().id().id();
		var legalBases = jdbc.sql("select position, referenced_id, citation from program.legal_basis where program_id = :p order by position")
			.param("p", programId)
			.query((rs, n) -> new ProgramDocument.LegalBasis(rs.getInt(1),
					Optional.ofNullable(rs.getObject(2, UUID.class)).map(ProgramId::new).orElse(null), rs.getString(3)))
			.list();
		var items = items(programId, asOf);
		var sections = jdbc.sql("""
				select id, code, parent_code, label, heading, task_group from program.section
				where program_id = :p order by position""")
			.param("p", programId)
			.query((rs, n) -> {
				var sectionId = rs.getObject("id", UUID.class);
				var group = (Integer) rs.getObject("task_group");
				var sectionItems = items.getOrDefault(sectionId, List.of());
				return new Section(sectionId, rs.getString("code"), rs.getString("parent_code"), rs.getString("label"),
						rs.getString("heading"), group == null ? null : TaskGroup.ofNumber(group),
						sectionItems.isEmpty() ? null : sectionItems.get(0).kind(), sectionItems);
			})
			.list();
		var assignments = jdbc.sql("""
				select position, unit_name, org_unit_id, responsibility, item_id from program.assignment
				where program_id = :p order by position""")
			.param("p", programId)
			.query((rs, n) -> new ProgramDocument.Assignment(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class),
					Responsibility.valueOf(rs.getString(4)), rs.getObject(5, UUID.class)))
			.list();
		var targets = jdbc.sql("""
				select indicator_code, description, target_value, unit, target_year, comparator, source_document,
				source_date, source_status from program.target where program_id = :p and reporting_unit_id is null
				order by position""")
			.param("p", programId)
			.query((rs, n) -> new ProgramDocument.Target(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
					rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), localDate(rs, 8), rs.getString(9)))
			.list();
		return new ProgramDocument(h.summary(), h.version(), h.higherIssuerHeading(), h.issuerHeading(),
				h.issuerOrgUnitId(), h.place(), h.kindHeading(), h.preamble(), List.copyOf(cascade), legalBases,
				sections, assignments, targets, asOf);
	}

	/** The items of a program by section, each with the revision in force on {@code asOf}. */
	private Map<UUID, List<Item>> items(UUID programId, @Nullable LocalDate asOf) {
		var rows = jdbc.sql("""
				select i.id, i.section_id, i.position, i.kind, i.task_group, i.version, i.added_on,
				       r.revision, r.text, r.valid_from, r.decision_number, r.reason,
				       (select count(*) from program.item_revision c where c.item_id = i.id) as revisions
				from program.item i
				join lateral (
				  select * from program.item_revision r
				  where r.item_id = i.id and (cast(:asOf as date) is null or r.valid_from is null or r.valid_from <= cast(:asOf as date))
				  order by r.revision desc limit 1) r on true
				where i.program_id = :p and (cast(:asOf as date) is null or i.added_on is null or i.added_on <= cast(:asOf as date))
				order by i.section_id, i.position""")
			.param("p", programId)
			.param("asOf", asOf == null ? null : Date.valueOf(asOf), java.sql.Types.DATE)
			.query((rs, n) -> {
				var group = (Integer) rs.getObject("task_group");
				return Map.entry(rs.getObject("section_id", UUID.class),
						new Item(rs.getObject("id", UUID.class), rs.getInt("position"), ItemKind.valueOf(rs.getString("kind")),
								group == null ? null : TaskGroup.ofNumber(group), rs.getString("text"), rs.getInt("revision"),
								rs.getInt("revisions"), localDate(rs, "valid_from"), rs.getString("decision_number"),
								rs.getString("reason"), rs.getInt("version"), localDate(rs, "added_on")));
			})
			.list();
		var bySection = new HashMap<UUID, List<Item>>();
		rows.forEach(e -> bySection.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return bySection;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ProgramId> seedProgram() {
		return jdbc.sql("select id from program.action_program where seed_key = :k").param("k", SeedProgram.SEED_KEY)
			.query(UUID.class).optional().map(ProgramId::new);
	}

	@Override
	public ProgramId importSeedProgram(String by) {
		// one import at a time: a second concurrent request waits, then finds the program
		jdbc.sql("select pg_advisory_xact_lock(hashtext('program.seed'))").query(Object.class).list();
		var existing = seedProgram();
		if (existing.isPresent()) {
			return existing.get();
		}
		var seed = SeedProgram.parsed();
		var now = Timestamp.from(clock.instant());
		UUID parent = null;
		var keys = new HashMap<String, UUID>();
		for (var reference : SeedProgram.CASCADE) {
			var id = jdbc.sql("select id from program.action_program where seed_key = :k").param("k", reference.key())
				.query(UUID.class).optional().orElse(null);
			if (id == null) {
				id = UUID.randomUUID();
				jdbc.sql("""
						insert into program.action_program (id, document_kind, reference_only, issuer_name, number,
						  number_suffix, issued_year, issued_month, issued_day, title, implements_id, seed_key, created_at)
						values (:id, :kind, true, :issuer, :number, :suffix, :y, :m, :d, :title, :parent, :key, :now)""")
					.param("id", id).param("kind", reference.kind().name()).param("issuer", reference.issuer())
					.param("number", reference.number()).param("suffix", reference.suffix())
					.param("y", reference.issued().year()).param("m", reference.issued().month())
					.param("d", reference.issued().day()).param("title", reference.title()).param("parent", parent)
					.param("key", reference.key()).param("now", now).update();
			}
			keys.put(reference.key(), id);
			parent = id;
		}
		var programId = UUID.randomUUID();
		jdbc.sql("""
				insert into program.action_program (id, document_kind, reference_only, higher_issuer_heading, issuer_heading,
				  issuer_name, number, number_suffix, issued_year, issued_month, issued_day, place, kind_heading, title,
				  preamble, implements_id, seed_key, created_at)
				values (:id, 'ACTION_PROGRAM', false, :higher, :issuerHeading, :issuer, :number, :suffix, :y, :m, :d, :place,
				  :kindHeading, :title, :preamble, :parent, :key, :now)""")
			.param("id", programId).param("higher", seed.higherIssuerHeading()).param("issuerHeading", seed.issuerHeading())
			.param("issuer", SeedProgram.ISSUER_NAME).param("number", seed.number()).param("suffix", seed.numberSuffix())
			.param("y", seed.issued().year()).param("m", seed.issued().month()).param("d", seed.issued().day())
			.param("place", seed.place()).param("kindHeading", seed.kindHeading()).param("title", seed.title())
			.param("preamble", seed.preamble()).param("parent", parent).param("key", SeedProgram.SEED_KEY)
			.param("now", now).update();
		int position = 0;
		for (var key : SeedProgram.LEGAL_BASES) {
			var reference = SeedProgram.CASCADE.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
			jdbc.sql("insert into program.legal_basis (program_id, position, referenced_id, citation) values (:p, :pos, :r, :c)")
				.param("p", programId).param("pos", ++position).param("r", keys.get(key)).param("c", reference.citation())
				.update();
		}
		int sectionPosition = 0;
		var assignmentItems = new ArrayList<UUID>();
		for (var part : seed.parts()) {
			var partSection = insertSection(programId, part.label(), null, part.label(), part.heading(), ++sectionPosition, null);
			for (var section : part.sections()) {
				var code = part.label() + "." + section.label();
				TaskGroup group = null;
				ItemKind kind;
				if ("III".equals(part.label())) {
					group = TaskGroup.ofNumber(Integer.parseInt(section.label()));
					kind = ItemKind.TASK;
				}
				else {
					kind = SeedProgram.SECTION_KINDS.get(code);
					if (kind == null) {
						throw new IllegalStateException("unexpected section in the seed: " + code);
					}
				}
				var sectionId = insertSection(programId, code, part.label(), section.label(), section.heading(),
						++sectionPosition, group);
				int itemPosition = 0;
				for (var text : section.items()) {
					insertItem(programId, sectionId, ++itemPosition, kind, group, text, now);
				}
			}
			int itemPosition = 0;
			for (var item : part.items()) {
				assignmentItems.add(insertItem(programId, partSection, ++itemPosition, ItemKind.ASSIGNMENT, null,
						item.text(), now));
			}
		}
		var recipients = insertSection(programId, "RECIPIENTS", null, "", "Nơi nhận:", ++sectionPosition, null);
		int recipientPosition = 0;
		for (var recipient : seed.recipients()) {
			insertItem(programId, recipients, ++recipientPosition, ItemKind.RECIPIENT, null, recipient, now);
		}
		var assignmentTexts = seed.part("IV").items();
		for (int i = 0; i < SeedProgram.ASSIGNMENTS.size(); i++) {
			var assignment = SeedProgram.ASSIGNMENTS.get(i);
			if (!assignmentTexts.get(i).text().startsWith(assignment.unitName())) {
				throw new IllegalStateException("section IV." + (i + 1) + " does not name " + assignment.unitName());
			}
			jdbc.sql("""
					insert into program.assignment (id, program_id, item_id, position, unit_name, responsibility)
					values (:id, :p, :item, :pos, :name, :r)""")
				.param("id", UUID.randomUUID()).param("p", programId).param("item", assignmentItems.get(i))
				.param("pos", i + 1).param("name", assignment.unitName()).param("r", assignment.responsibility().name())
				.update();
		}
		int targetPosition = 0;
		for (var target : SeedProgram.targets()) {
			jdbc.sql("""
					insert into program.target (id, program_id, position, indicator_code, description, target_value, unit,
					  target_year, comparator, source_document, source_date, source_status)
					values (:id, :p, :pos, :code, :d, :v, :u, :y, :c, :s, :sd, :st)""")
				.param("id", UUID.randomUUID()).param("p", programId).param("pos", ++targetPosition)
				.param("code", target.code()).param("d", target.description()).param("v", target.value())
				.param("u", target.unit()).param("y", target.year()).param("c", target.comparator())
				.param("s", target.source()).param("sd", target.sourceDate() == null ? null : Date.valueOf(target.sourceDate()), java.sql.Types.DATE)
				.param("st", target.status()).update();
		}
		linkOrgUnits(new ProgramId(programId));
		return new ProgramId(programId);
	}

	@Override
	public int linkOrgUnits(ProgramId program) {
		var row = jdbc.sql("""
				select place, issuer_name, issued_year, issued_month, issued_day, implements_id
				from program.action_program where id = :id""")
			.param("id", program.id())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), new PartialDate(rs.getInt(3),
					(Integer) rs.getObject(4), (Integer) rs.getObject(5)), rs.getObject(6, UUID.class) })
			.optional().orElseThrow(() -> new IllegalArgumentException("no program " + program));
		var place = row[0] == null ? "" : (String) row[0];
		var date = ((PartialDate) row[2]).earliest();
		int linked = 0;
		var issuer = matcher.find((String) row[1], place, date);
		if (issuer.isPresent()) {
			linked += jdbc.sql("update program.action_program set issuer_org_unit_id = :u where id = :id and issuer_org_unit_id is null")
				.param("u", issuer.get().value()).param("id", program.id()).update();
		}
		// the higher documents' issuers, by their names as of their own dates
		var parent = (UUID) row[3];
		while (parent != null) {
			var higher = jdbc.sql("""
					select issuer_name, issued_year, issued_month, issued_day, implements_id from program.action_program
					where id = :id and issuer_org_unit_id is null""")
				.param("id", parent)
				.query((rs, n) -> new Object[] { rs.getString(1), new PartialDate(rs.getInt(2), (Integer) rs.getObject(3),
						(Integer) rs.getObject(4)), rs.getObject(5, UUID.class) })
				.optional();
			if (higher.isEmpty()) {
				break;
			}
			var unit = matcher.find((String) higher.get()[0], "", ((PartialDate) higher.get()[1]).earliest());
			if (unit.isPresent()) {
				linked += jdbc.sql("update program.action_program set issuer_org_unit_id = :u where id = :id")
					.param("u", unit.get().value()).param("id", parent).update();
			}
			parent = (UUID) higher.get()[2];
		}
		for (var assignment : jdbc.sql("select id, unit_name, responsibility from program.assignment where program_id = :p and org_unit_id is null")
			.param("p", program.id()).query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3) })
			.list()) {
			// the grassroots organisations under the issuer are the issuer's subtree: link the issuer
			var unit = Responsibility.CARRIES_TASKS.name().equals(assignment[2]) ? issuer
					: matcher.find((String) assignment[1], place, date);
			if (unit.isPresent()) {
				linked += jdbc.sql("update program.assignment set org_unit_id = :u where id = :id")
					.param("u", unit.get().value()).param("id", assignment[0]).update();
			}
		}
		return linked;
	}

	private UUID insertSection(UUID programId, String code, @Nullable String parentCode, String label, String heading,
			int position, @Nullable TaskGroup group) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into program.section (id, program_id, code, parent_code, label, heading, position, task_group)
				values (:id, :p, :code, :parent, :label, :heading, :pos, :group)""")
			.param("id", id).param("p", programId).param("code", code).param("parent", parentCode).param("label", label)
			.param("heading", heading).param("pos", position).param("group", group == null ? null : group.number(), java.sql.Types.INTEGER)
			.update();
		return id;
	}

	private UUID insertItem(UUID programId, UUID sectionId, int position, ItemKind kind, @Nullable TaskGroup group,
			String text, Timestamp now) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into program.item (id, program_id, section_id, position, kind, task_group, created_at)
				values (:id, :p, :s, :pos, :kind, :group, :now)""")
			.param("id", id).param("p", programId).param("s", sectionId).param("pos", position).param("kind", kind.name())
			.param("group", group == null ? null : group.number(), java.sql.Types.INTEGER).param("now", now).update();
		jdbc.sql("""
				insert into program.item_revision (item_id, revision, text, recorded_at, recorded_by)
				values (:id, 1, :text, :now, 'system')""")
			.param("id", id).param("text", VietnameseText.nfc(text)).param("now", now).update();
		return id;
	}

	@Override
	public void amendItem(ProgramId program, UUID itemId, int expectedVersion, Amendment amendment) {
		var last = jdbc.sql("""
				select max(r.revision) as revision, max(r.valid_from) as valid_from, i.added_on
				from program.item i join program.item_revision r on r.item_id = i.id
				where i.id = :i and i.program_id = :p group by i.id""")
			.param("i", itemId).param("p", program.id())
			.query((rs, n) -> new Object[] { rs.getInt(1), localDate(rs, 2), localDate(rs, 3) }).optional()
			.orElseThrow(() -> new UnknownItemException(itemId));
		var lastFrom = (LocalDate) last[1];
		var addedOn = (LocalDate) last[2];
		// the version first: a stale form is a conflict whatever else it says
		int updated = jdbc.sql("update program.item set version = version + 1 where id = :i and version = :v")
			.param("i", itemId).param("v", expectedVersion).update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("item " + itemId + " was amended since version " + expectedVersion);
		}
		if ((lastFrom != null && !amendment.validFrom().isAfter(lastFrom))
				|| (addedOn != null && !amendment.validFrom().isAfter(addedOn))) {
			throw new IllegalArgumentException("an amendment must take effect after the previous one");
		}
		insertRevision(itemId, (int) last[0] + 1, amendment);
	}

	@Override
	public UUID addItem(ProgramId program, String sectionCode, Amendment amendment) {
		var section = jdbc.sql("""
				select s.id, s.task_group, (select max(position) from program.item i where i.section_id = s.id) as last,
				  (select kind from program.item i where i.section_id = s.id limit 1) as kind
				from program.section s where s.program_id = :p and s.code = :c""")
			.param("p", program.id()).param("c", sectionCode)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2), rs.getObject(3), rs.getString(4) })
			.optional().orElseThrow(() -> new IllegalArgumentException("no section " + sectionCode));
		if (section[3] == null) {
			throw new IllegalArgumentException("section " + sectionCode + " holds no items");
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into program.item (id, program_id, section_id, position, kind, task_group, added_on, created_at)
				values (:id, :p, :s, :pos, :kind, :group, :on, :now)""")
			.param("id", id).param("p", program.id()).param("s", section[0])
			.param("pos", section[2] == null ? 1 : ((Number) section[2]).intValue() + 1).param("kind", section[3])
			.param("group", section[1], java.sql.Types.INTEGER).param("on", Date.valueOf(amendment.validFrom()))
			.param("now", Timestamp.from(clock.instant())).update();
		insertRevision(id, 1, amendment);
		return id;
	}

	private void insertRevision(UUID itemId, int revision, Amendment amendment) {
		jdbc.sql("""
				insert into program.item_revision (item_id, revision, text, valid_from, decision_number, reason, recorded_at, recorded_by)
				values (:i, :r, :text, :from, :decision, :reason, :now, :by)""")
			.param("i", itemId).param("r", revision).param("text", VietnameseText.nfc(amendment.text()))
			.param("from", Date.valueOf(amendment.validFrom())).param("decision", VietnameseText.nfc(amendment.decisionNumber()))
			.param("reason", VietnameseText.nfc(amendment.reason())).param("now", Timestamp.from(clock.instant()))
			.param("by", amendment.by()).update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Revision> history(ProgramId program, UUID itemId) {
		return jdbc.sql("""
				select r.revision, r.text, r.valid_from, r.decision_number, r.reason, r.recorded_at, r.recorded_by
				from program.item_revision r join program.item i on i.id = r.item_id
				where i.id = :i and i.program_id = :p order by r.revision""")
			.param("i", itemId).param("p", program.id())
			.query((rs, n) -> new Revision(rs.getInt(1), rs.getString(2), localDate(rs, 3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
	}

	private static ProgramSummary summary(ResultSet rs) throws SQLException {
		return new ProgramSummary(new ProgramId(rs.getObject("id", UUID.class)),
				DocumentKind.valueOf(rs.getString("document_kind")), rs.getBoolean("reference_only"),
				rs.getString("issuer_name"), rs.getString("number"), rs.getString("number_suffix"),
				new PartialDate(rs.getInt("issued_year"), (Integer) rs.getObject("issued_month"),
						(Integer) rs.getObject("issued_day")),
				rs.getString("title"));
	}

	private static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
		var date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static @Nullable LocalDate localDate(ResultSet rs, int column) throws SQLException {
		var date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private record Header(ProgramSummary summary, int version, @Nullable String higherIssuerHeading,
			@Nullable String issuerHeading, @Nullable UUID issuerOrgUnitId, @Nullable String place,
			@Nullable String kindHeading, @Nullable String preamble, @Nullable UUID implementsId) {
	}

	/** No such item in that program. */
	static class UnknownItemException extends IllegalArgumentException {
		UnknownItemException(UUID id) {
			super("no item " + id);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UUID> owner(ProgramId program) {
		return jdbc.sql("select coalesce(owner_org_unit_id, issuer_org_unit_id) from program.action_program where id = :id")
			.param("id", program.id()).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
			.flatMap(o -> o);
	}
}
