package vn.trithuc.program.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.documents.ChartImage;
import vn.trithuc.documents.OfficialDocument;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.program.Disseminations;
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReviewReports;
import vn.trithuc.program.ReviewSection;
import vn.trithuc.program.TaskStatus;
import vn.trithuc.program.UnitReports;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.VietnameseText;

/** Review reports in schema {@code program}: drafted by {@link ReviewDraft}, laid out by {@link ReviewDocument}. */
@Service
@Transactional
class JdbcReviewReports implements ReviewReports {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Programs programs;
	private final UnitReports reports;
	private final Disseminations disseminations;
	private final OrgUnits orgUnits;
	private final ReviewIndicators indicators;

	JdbcReviewReports(JdbcClient jdbc, Clock clock, Programs programs, UnitReports reports,
			Disseminations disseminations, OrgUnits orgUnits, ReviewIndicators indicators) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.programs = programs;
		this.reports = reports;
		this.disseminations = disseminations;
		this.orgUnits = orgUnits;
		this.indicators = indicators;
	}

	@Override
	public UUID draft(UUID periodId, @Nullable UUID scopeOrgUnit, String by) {
		var period = reports.period(periodId).orElseThrow(() -> new IllegalArgumentException("no period " + periodId));
		String scopeName = null;
		if (scopeOrgUnit != null) {
			scopeName = orgUnits.find(new OrgUnitId(scopeOrgUnit), period.dates().cutoffTo())
				.or(() -> orgUnits.find(new OrgUnitId(scopeOrgUnit))).map(OrgUnit::name)
				.orElseThrow(() -> new IllegalArgumentException("no org unit " + scopeOrgUnit));
		}
		var id = UUID.randomUUID();
		var now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into program.review_report (id, program_id, period_id, scope_org_unit, scope_name, created_at, created_by)
				values (:id, :p, :period, :scope, :scopeName, :now, :by)""")
			.param("id", id).param("p", period.program().id()).param("period", periodId)
			.param("scope", scopeOrgUnit, java.sql.Types.OTHER).param("scopeName", scopeName, java.sql.Types.VARCHAR)
			.param("now", now).param("by", by).update();
		var program = programs.find(period.program(), period.dates().cutoffTo()).orElseThrow();
		var units = unitsInScope(period, scopeOrgUnit);
		var facts = facts(period, program, units);
		var texts = ReviewDraft.texts(period, facts, contents(periodId, units), program);
		for (var section : ReviewSection.values()) {
			insertRevision(id, section, 1, texts.get(section), by);
		}
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewLine> reviews(UUID periodId) {
		var period = reports.period(periodId);
		if (period.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, scope_name, created_at, created_by from program.review_report where period_id = :p
				order by created_at desc""")
			.param("p", periodId)
			.query((rs, n) -> new ReviewLine(rs.getObject(1, UUID.class), ReviewDocument.title(period.get(), rs.getString(2)),
					rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Review> review(UUID reviewId) {
		record Row(UUID periodId, @Nullable UUID scope, @Nullable String scopeName, Instant at, String by) {
		}
		var row = jdbc.sql("select period_id, scope_org_unit, scope_name, created_at, created_by from program.review_report where id = :id")
			.param("id", reviewId)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		var r = row.get();
		var period = reports.period(r.periodId()).orElseThrow();
		var program = programs.find(period.program(), period.dates().cutoffTo()).orElseThrow();
		var sections = jdbc.sql("""
				select distinct on (section) section, revision, text, edited_at, edited_by
				from program.review_section_revision where review_id = :id order by section, revision desc""")
			.param("id", reviewId)
			.query((rs, n) -> new SectionText(ReviewSection.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list().stream().sorted(Comparator.comparing(SectionText::section)).toList();
		var facts = facts(period, program, unitsInScope(period, r.scope()));
		return Optional.of(new Review(reviewId, period.program(), period, r.scope(), r.scopeName(),
				ReviewDocument.title(period, r.scopeName()), r.at(), r.by(), sections, facts));
	}

	@Override
	public void edit(UUID reviewId, ReviewSection section, int expectedRevision, String text, String by) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("a section needs a text");
		}
		// lock the report's row so two saves of the same section queue instead of racing
		var exists = jdbc.sql("select id from program.review_report where id = :id for update").param("id", reviewId)
			.query(UUID.class).optional();
		if (exists.isEmpty()) {
			throw new IllegalArgumentException("no review report " + reviewId);
		}
		var current = jdbc.sql("select max(revision) from program.review_section_revision where review_id = :id and section = :s")
			.param("id", reviewId).param("s", section.name()).query(Integer.class).optional().orElse(0);
		if (current != expectedRevision) {
			throw new OptimisticLockingFailureException(
					"section " + section + " of " + reviewId + " is at revision " + current + ", not " + expectedRevision);
		}
		try {
			insertRevision(reviewId, section, expectedRevision + 1, text, by);
		}
		catch (DuplicateKeyException e) {
			throw new OptimisticLockingFailureException("section " + section + " saved concurrently", e);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<SectionText> history(UUID reviewId, ReviewSection section) {
		return jdbc.sql("""
				select section, revision, text, edited_at, edited_by from program.review_section_revision
				where review_id = :id and section = :s order by revision""")
			.param("id", reviewId).param("s", section.name())
			.query((rs, n) -> new SectionText(ReviewSection.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public OfficialDocument document(UUID reviewId) {
		var review = review(reviewId).orElseThrow(() -> new IllegalArgumentException("no review report " + reviewId));
		var program = programs.find(review.program(), review.period().dates().cutoffTo()).orElseThrow();
		return ReviewDocument.of(review, program, ReviewDocument.chart(review.facts()),
				LocalDate.now(clock.withZone(Formats.ZONE)));
	}

	@Override
	@Transactional(readOnly = true)
	public ChartImage chart(UUID reviewId) {
		var review = review(reviewId).orElseThrow(() -> new IllegalArgumentException("no review report " + reviewId));
		return ReviewDocument.chart(review.facts());
	}

	private void insertRevision(UUID reviewId, ReviewSection section, int revision, String text, String by) {
		jdbc.sql("""
				insert into program.review_section_revision (review_id, section, revision, text, edited_at, edited_by)
				values (:id, :s, :r, :t, :at, :by)""")
			.param("id", reviewId).param("s", section.name()).param("r", revision)
			.param("t", VietnameseText.nfc(text.strip())).param("at", Timestamp.from(clock.instant())).param("by", by)
			.update();
	}

	// --- what the report is assembled from ---

	/**
	 * The reporting units of the period's program in the scope: those whose org unit, or the units carrying it on
	 * at the end of the cut-off, lie in the scope's subtree then. Without a scope, every reporting unit (ended ones
	 * too: their accepted reports stay under their old names). A scope made by a reorganisation after the cut-off
	 * (a commune formed on 01/07/2025, reviewed for the first half of 2025) covers the units it carries on, seen on
	 * its first day; a scope that ended during the cut-off also covers its subtree of its last day.
	 */
	List<UnitReports.ReportingUnit> unitsInScope(UnitReports.Period period, @Nullable UUID scope) {
		var units = reports.units(period.program());
		if (scope == null) {
			return units;
		}
		var scopeId = new OrgUnitId(scope);
		var dates = period.dates();
		var scopeUnit = orgUnits.find(scopeId);
		var day = scopeUnit.map(u -> u.validFrom().isAfter(dates.cutoffTo()) ? u.validFrom() : dates.cutoffTo())
			.orElse(dates.cutoffTo());
		var subtree = new HashSet<>(orgUnits.scopeAsOf(scopeId, day));
		scopeUnit.map(OrgUnit::validTo).filter(end -> !end.isBefore(dates.cutoffFrom()) && end.isBefore(dates.cutoffTo()))
			.ifPresent(end -> subtree.addAll(orgUnits.subtreeAsOf(scopeId, end)));
		return units.stream().filter(u -> u.orgUnitId() != null).filter(u -> {
			var id = new OrgUnitId(u.orgUnitId());
			return subtree.contains(id) || orgUnits.successors(id, day).stream().anyMatch(subtree::contains);
		}).toList();
	}

	Facts facts(UnitReports.Period period, ProgramDocument program, List<UnitReports.ReportingUnit> units) {
		var ids = new HashSet<UUID>();
		units.forEach(u -> ids.add(u.id()));
		var lines = reports.reports(period.id()).stream().filter(l -> ids.contains(l.unitId()))
			.map(l -> new UnitLine(l.unitId(), l.unitName(), l.status(), l.firstSubmittedAt(), l.timeliness())).toList();
		var unitArray = ids.stream().map(UUID::toString).toArray(String[]::new);

		// task statuses over the accepted reports
		var counts = new HashMap<UUID, int[]>();
		jdbc.sql("""
				select s.item_id, s.status, s.progress from program.report_task_status s
				join program.unit_report r on r.id = s.report_id
				where r.period_id = :p and r.status = 'ACCEPTED' and r.unit_id = any(cast(:units as uuid[]))""")
			.param("p", period.id()).param("units", unitArray)
			.query((rs, n) -> {
				var c = counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new int[6]);
				c[TaskStatus.valueOf(rs.getString(2)).ordinal()]++;
				var progress = (Integer) rs.getObject(3);
				if (progress != null) {
					c[4] += progress;
					c[5]++;
				}
				return 1;
			})
			.list();
		var tasks = new ArrayList<TaskLine>();
		for (var section : program.taskSections()) {
			for (var item : section.items()) {
				if (item.kind() != ItemKind.TASK) {
					continue;
				}
				var c = counts.getOrDefault(item.id(), new int[6]);
				tasks.add(new TaskLine(item.id(), section.taskGroup(), section.taskGroup().number() + "." + item.position(),
						item.text(), c[TaskStatus.DONE.ordinal()], c[TaskStatus.IN_PROGRESS.ordinal()],
						c[TaskStatus.NOT_STARTED.ordinal()], c[TaskStatus.OVERDUE.ordinal()], c[5] == 0 ? null : c[4] / c[5]));
			}
		}

		var dates = period.dates();
		var sessions = disseminations.sessions(period.program()).stream()
			.filter(s -> ids.contains(s.unitId()) && !s.heldOn().isBefore(dates.cutoffFrom()) && !s.heldOn().isAfter(dates.cutoffTo()))
			.toList();
		var participants = new EnumMap<Disseminations.ParticipantGroup, Integer>(Disseminations.ParticipantGroup.class);
		for (var group : Disseminations.ParticipantGroup.values()) {
			participants.put(group, 0);
		}
		var covered = new HashSet<UUID>();
		for (var s : sessions) {
			covered.add(s.unitId());
			s.participants().forEach((g, n) -> participants.merge(g, n, Integer::sum));
		}
		var coverage = new Disseminations.Coverage(covered.size(), units.size(), sessions.size(), participants);

		var previous = reports.periods(period.program()).stream()
			.filter(p -> p.dates().cutoffTo().isBefore(dates.cutoffTo())).max(Comparator.comparing(p -> p.dates().cutoffTo()));
		var byUnit = indicators.values(period, units);
		var indicatorLines = indicators.lines(program, byUnit, previous.map(p -> indicators.values(p, units)).orElse(Map.of()));
		return new Facts(lines, tasks, indicatorLines, byUnit, coverage);
	}

	/** The texts of the accepted reports in scope, for the draft: unit name → narrative, difficulties, proposals, notes. */
	List<ReviewDraft.UnitContent> contents(UUID periodId, List<UnitReports.ReportingUnit> units) {
		var ids = units.stream().map(u -> u.id().toString()).toArray(String[]::new);
		var notes = new LinkedHashMap<UUID, Map<UUID, String>>();
		jdbc.sql("""
				select s.report_id, s.item_id, s.note from program.report_task_status s
				join program.unit_report r on r.id = s.report_id
				where r.period_id = :p and r.status = 'ACCEPTED' and r.unit_id = any(cast(:units as uuid[]))
				  and s.note is not null and s.note <> ''""")
			.param("p", periodId).param("units", ids)
			.query((rs, n) -> notes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
				.put(rs.getObject(2, UUID.class), rs.getString(3)))
			.list();
		return jdbc.sql("""
				select r.id, u.name, r.narrative, r.difficulties, r.proposals from program.unit_report r
				join program.reporting_unit u on u.id = r.unit_id
				where r.period_id = :p and r.status = 'ACCEPTED' and r.unit_id = any(cast(:units as uuid[]))
				order by u.position""")
			.param("p", periodId).param("units", ids)
			.query((rs, n) -> new ReviewDraft.UnitContent(rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), notes.getOrDefault(rs.getObject(1, UUID.class), Map.of())))
			.list();
	}
}
