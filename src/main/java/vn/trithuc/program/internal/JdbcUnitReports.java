package vn.trithuc.program.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.ReportAction;
import vn.trithuc.program.ReportStatus;
import vn.trithuc.program.TaskStatus;
import vn.trithuc.program.Timeliness;
import vn.trithuc.program.UnitReportStatusChanged;
import vn.trithuc.program.UnitReports;
import vn.trithuc.shared.VietnameseText;

/** Reporting periods and unit reports in schema {@code program}, with the workflow and deadline policies. */
@Service
@Transactional
class JdbcUnitReports implements UnitReports {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ReportDeadlinePolicy deadlines;
	private final ApplicationEventPublisher events;

	JdbcUnitReports(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.deadlines = new ReportDeadlinePolicy(clock);
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReportingUnit> units(ProgramId program) {
		return jdbc.sql("""
				select id, position, name, org_unit_id, contact_email, leader_email, ended_on from program.reporting_unit
				where program_id = :p order by position""")
			.param("p", program.id())
			.query((rs, n) -> unit(rs))
			.list();
	}

	private static ReportingUnit unit(ResultSet rs) throws SQLException {
		return new ReportingUnit(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getObject(4, UUID.class),
				rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class));
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReportingUnit> successors(UUID unitId) {
		return jdbc.sql("""
				select u.id, u.position, u.name, u.org_unit_id, u.contact_email, u.leader_email, u.ended_on
				from program.reporting_unit_successor s join program.reporting_unit u on u.id = s.successor_id
				where s.unit_id = :u order by s.position""")
			.param("u", unitId).query((rs, n) -> unit(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReportLine> carriedReports(UUID unitId) {
		return jdbc.sql("""
				with recursive carried(id) as (
				  select cast(:u as uuid)
				  union select s.unit_id from program.reporting_unit_successor s join carried c on s.successor_id = c.id)
				select r.id, u.id as unit_id, u.name, r.status, r.first_submitted_at, p.deadline
				from program.unit_report r join program.reporting_unit u on u.id = r.unit_id
				join program.reporting_period p on p.id = r.period_id
				where r.unit_id in (select id from carried) order by p.cutoff_to desc, u.position""")
			.param("u", unitId)
			.query((rs, n) -> {
				var first = instant(rs, "first_submitted_at");
				return new ReportLine(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("name"),
						ReportStatus.valueOf(rs.getString("status")), first,
						deadlines.timeliness(first, rs.getDate("deadline").toLocalDate()));
			})
			.list();
	}

	@Override
	public UUID addUnit(ProgramId program, String name, @Nullable UUID orgUnitId) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into program.reporting_unit (id, program_id, position, name, org_unit_id, created_at)
				values (:id, :p, (select coalesce(max(position), 0) + 1 from program.reporting_unit where program_id = :p),
				  :name, :org, :now)""")
			.param("id", id).param("p", program.id()).param("name", VietnameseText.nfc(name))
			.param("org", orgUnitId, Types.OTHER).param("now", Timestamp.from(clock.instant())).update();
		// periods already open expect the new unit too
		jdbc.sql("""
				insert into program.unit_report (id, period_id, unit_id, status, updated_at, updated_by)
				select gen_random_uuid(), rp.id, :u, 'DRAFT', :now, 'system' from program.reporting_period rp
				where rp.program_id = :p and rp.deadline >= :today""")
			.param("u", id).param("p", program.id()).param("now", Timestamp.from(clock.instant()))
			.param("today", Date.valueOf(LocalDate.now(clock))).update();
		return id;
	}

	@Override
	public void setContacts(UUID unitId, @Nullable String contactEmail, @Nullable String leaderEmail) {
		jdbc.sql("update program.reporting_unit set contact_email = :c, leader_email = :l where id = :id")
			.param("c", blankToNull(contactEmail), Types.VARCHAR).param("l", blankToNull(leaderEmail), Types.VARCHAR)
			.param("id", unitId).update();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Period> periods(ProgramId program) {
		return jdbc.sql("select * from program.reporting_period where program_id = :p order by cutoff_to, name")
			.param("p", program.id()).query((rs, n) -> period(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Period> period(UUID periodId) {
		return jdbc.sql("select * from program.reporting_period where id = :id").param("id", periodId)
			.query((rs, n) -> period(rs)).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PeriodDates> proposedDates(PeriodKind kind, int year) {
		return jdbc.sql("select * from program.period_rule where kind = :k").param("k", kind.name()).query((rs, n) -> {
			if (rs.getObject("cutoff_from_month") == null) {
				return Optional.<PeriodDates>empty();
			}
			var from = LocalDate.of(year - 1, rs.getInt("cutoff_from_month"), rs.getInt("cutoff_from_day"));
			var to = LocalDate.of(year, rs.getInt("cutoff_to_month"), rs.getInt("cutoff_to_day"));
			return Optional.of(new PeriodDates(to.minusDays(14), from, to, to.plusDays(rs.getInt("deadline_days"))));
		}).optional().flatMap(o -> o);
	}

	@Override
	public UUID openPeriod(ProgramId program, PeriodKind kind, String name, PeriodDates dates, String by) {
		var id = UUID.randomUUID();
		var now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into program.reporting_period (id, program_id, kind, name, opens_on, cutoff_from, cutoff_to, deadline,
				  created_at, created_by)
				values (:id, :p, :kind, :name, :opens, :from, :to, :deadline, :now, :by)""")
			.param("id", id).param("p", program.id()).param("kind", kind.name()).param("name", VietnameseText.nfc(name))
			.param("opens", Date.valueOf(dates.opensOn())).param("from", Date.valueOf(dates.cutoffFrom()))
			.param("to", Date.valueOf(dates.cutoffTo())).param("deadline", Date.valueOf(dates.deadline()))
			.param("now", now).param("by", by).update();
		jdbc.sql("""
				insert into program.unit_report (id, period_id, unit_id, status, updated_at, updated_by)
				select gen_random_uuid(), :period, u.id, 'DRAFT', :now, :by from program.reporting_unit u
				where u.program_id = :p and u.ended_on is null""")
			.param("period", id).param("p", program.id()).param("now", now).param("by", by).update();
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReportLine> reports(UUID periodId) {
		return jdbc.sql("""
				select r.id, u.id as unit_id, u.name, r.status, r.first_submitted_at, p.deadline
				from program.unit_report r join program.reporting_unit u on u.id = r.unit_id
				join program.reporting_period p on p.id = r.period_id
				where r.period_id = :p order by u.position""")
			.param("p", periodId)
			.query((rs, n) -> {
				var first = instant(rs, "first_submitted_at");
				return new ReportLine(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("name"),
						ReportStatus.valueOf(rs.getString("status")), first,
						deadlines.timeliness(first, rs.getDate("deadline").toLocalDate()));
			})
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Report> report(UUID reportId) {
		var row = jdbc.sql("""
				select r.*, u.position as unit_position, u.name as unit_name, u.org_unit_id, u.contact_email, u.leader_email,
				  u.ended_on from program.unit_report r join program.reporting_unit u on u.id = r.unit_id where r.id = :id""")
			.param("id", reportId)
			.query((rs, n) -> new Object[] { rs.getInt("version"), rs.getObject("period_id", UUID.class),
					new ReportingUnit(rs.getObject("unit_id", UUID.class), rs.getInt("unit_position"), rs.getString("unit_name"),
							rs.getObject("org_unit_id", UUID.class), rs.getString("contact_email"), rs.getString("leader_email"),
							rs.getObject("ended_on", LocalDate.class)),
					ReportStatus.valueOf(rs.getString("status")), rs.getString("narrative"), rs.getString("difficulties"),
					rs.getString("proposals"), instant(rs, "first_submitted_at"), instant(rs, "accepted_at"),
					rs.getString("accepted_by") })
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		var r = row.get();
		var period = period((UUID) r[1]).orElseThrow();
		var tasks = new LinkedHashMap<UUID, TaskProgress>();
		jdbc.sql("select item_id, status, progress, note from program.report_task_status where report_id = :id")
			.param("id", reportId)
			.query((rs, n) -> tasks.put(rs.getObject(1, UUID.class),
					new TaskProgress(TaskStatus.valueOf(rs.getString(2)), (Integer) rs.getObject(3), rs.getString(4))))
			.list();
		var indicators = new LinkedHashMap<String, BigDecimal>();
		jdbc.sql("select indicator_code, value from program.report_indicator_value where report_id = :id order by indicator_code")
			.param("id", reportId).query((rs, n) -> indicators.put(rs.getString(1), rs.getBigDecimal(2))).list();
		var events = jdbc.sql("""
				select at, by_user, action, from_status, to_status, comment from program.report_event
				where report_id = :id order by at, id""")
			.param("id", reportId)
			.query((rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), ReportAction.valueOf(rs.getString(3)),
					rs.getString(4) == null ? null : ReportStatus.valueOf(rs.getString(4)), ReportStatus.valueOf(rs.getString(5)),
					rs.getString(6)))
			.list();
		var first = (Instant) r[7];
		return Optional.of(new Report(reportId, (int) r[0], period, (ReportingUnit) r[2], (ReportStatus) r[3],
				new Content((String) r[4], (String) r[5], (String) r[6], tasks, indicators), first, (Instant) r[8],
				(String) r[9], deadlines.timeliness(first, period.dates().deadline()), events));
	}

	@Override
	public void save(UUID reportId, int expectedVersion, Content content, String by) {
		var status = status(reportId);
		// a stale form is a conflict whatever else it says (the transaction rolls the bump back on refusal)
		bumpVersion(reportId, expectedVersion, by);
		if (!status.editable()) {
			throw new IllegalStateException("report " + reportId + " is " + status + " and cannot be edited");
		}
		jdbc.sql("update program.unit_report set narrative = :n, difficulties = :d, proposals = :p where id = :id")
			.param("n", VietnameseText.nfc(content.narrative())).param("d", VietnameseText.nfc(content.difficulties()))
			.param("p", VietnameseText.nfc(content.proposals())).param("id", reportId).update();
		jdbc.sql("delete from program.report_task_status where report_id = :id").param("id", reportId).update();
		content.tasks().forEach((item, progress) -> jdbc.sql("""
				insert into program.report_task_status (report_id, item_id, status, progress, note)
				select :r, i.id, :s, :pr, :note from program.item i
				join program.reporting_period p on p.program_id = i.program_id
				join program.unit_report ur on ur.period_id = p.id and ur.id = :r
				where i.id = :item and i.kind = 'TASK'""")
			.param("r", reportId).param("item", item).param("s", progress.status().name())
			.param("pr", progress.progress(), Types.INTEGER).param("note", VietnameseText.nfc(progress.note())).update());
		jdbc.sql("delete from program.report_indicator_value where report_id = :id").param("id", reportId).update();
		content.indicators().forEach((code, value) -> jdbc.sql("""
				insert into program.report_indicator_value (report_id, indicator_code, value) values (:r, :c, :v)""")
			.param("r", reportId).param("c", code).param("v", value, Types.NUMERIC).update());
	}

	@Override
	public void act(UUID reportId, int expectedVersion, ReportAction action, @Nullable String comment, String by) {
		var from = status(reportId);
		bumpVersion(reportId, expectedVersion, by);
		var to = UnitReportWorkflow.next(from, action, comment);
		var now = Timestamp.from(clock.instant());
		switch (action) {
			case SUBMIT -> jdbc.sql("""
					update program.unit_report set status = :s, last_submitted_at = :now,
					  first_submitted_at = coalesce(first_submitted_at, :now) where id = :id""")
				.param("s", to.name()).param("now", now).param("id", reportId).update();
			case ACCEPT -> jdbc.sql("update program.unit_report set status = :s, accepted_at = :now, accepted_by = :by where id = :id")
				.param("s", to.name()).param("now", now).param("by", by).param("id", reportId).update();
			case RETURN, REOPEN -> jdbc.sql("update program.unit_report set status = :s, accepted_at = null, accepted_by = null where id = :id")
				.param("s", to.name()).param("id", reportId).update();
		}
		jdbc.sql("""
				insert into program.report_event (id, report_id, at, by_user, action, from_status, to_status, comment)
				values (:id, :r, :at, :by, :a, :from, :to, :c)""")
			.param("id", UUID.randomUUID()).param("r", reportId).param("at", now).param("by", by).param("a", action.name())
			.param("from", from.name()).param("to", to.name())
			.param("c", comment == null || comment.isBlank() ? null : VietnameseText.nfc(comment)).update();
		var ids = jdbc.sql("""
				select r.period_id, r.unit_id, u.org_unit_id from program.unit_report r
				join program.reporting_unit u on u.id = r.unit_id where r.id = :id""")
			.param("id", reportId)
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class) })
			.single();
		events.publishEvent(new UnitReportStatusChanged(reportId, ids[0], ids[1], ids[2], action, from, to, by,
				now.toInstant()));
	}

	@Override
	@Transactional(readOnly = true)
	public Completeness completeness(ProgramId program) {
		var periods = periods(program);
		var units = units(program);
		var cells = new LinkedHashMap<UUID, Map<UUID, Timeliness>>();
		units.forEach(u -> cells.put(u.id(), new HashMap<>()));
		var totals = new LinkedHashMap<UUID, Totals>();
		var counts = new HashMap<UUID, int[]>();
		periods.forEach(p -> counts.put(p.id(), new int[3]));
		jdbc.sql("""
				select r.unit_id, r.period_id, r.first_submitted_at, p.deadline from program.unit_report r
				join program.reporting_period p on p.id = r.period_id where p.program_id = :p""")
			.param("p", program.id())
			.query((rs, n) -> {
				var cell = deadlines.timeliness(instant(rs, "first_submitted_at"), rs.getDate("deadline").toLocalDate());
				var periodId = rs.getObject("period_id", UUID.class);
				cells.computeIfAbsent(rs.getObject("unit_id", UUID.class), k -> new HashMap<>()).put(periodId, cell);
				var c = counts.get(periodId);
				c[0]++;
				if (cell.submitted()) {
					c[1]++;
				}
				if (cell == Timeliness.ON_TIME) {
					c[2]++;
				}
				return cell;
			})
			.list();
		periods.forEach(p -> {
			var c = counts.get(p.id());
			totals.put(p.id(), new Totals(c[0], c[1], c[2]));
		});
		return new Completeness(periods, units, cells, totals);
	}

	private ReportStatus status(UUID reportId) {
		return jdbc.sql("select status from program.unit_report where id = :id").param("id", reportId).query(String.class)
			.optional().map(ReportStatus::valueOf).orElseThrow(() -> new UnknownReportException(reportId));
	}

	private void bumpVersion(UUID reportId, int expectedVersion, String by) {
		int updated = jdbc.sql("""
				update program.unit_report set version = version + 1, updated_at = :now, updated_by = :by
				where id = :id and version = :v""")
			.param("now", Timestamp.from(clock.instant())).param("by", by).param("id", reportId).param("v", expectedVersion)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("unit report " + reportId + " changed since version " + expectedVersion);
		}
	}

	private static Period period(ResultSet rs) throws SQLException {
		return new Period(rs.getObject("id", UUID.class), new ProgramId(rs.getObject("program_id", UUID.class)),
				PeriodKind.valueOf(rs.getString("kind")), rs.getString("name"),
				new PeriodDates(rs.getDate("opens_on").toLocalDate(), rs.getDate("cutoff_from").toLocalDate(),
						rs.getDate("cutoff_to").toLocalDate(), rs.getDate("deadline").toLocalDate()));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** No such unit report. */
	static class UnknownReportException extends IllegalArgumentException {
		UnknownReportException(UUID id) {
			super("no unit report " + id);
		}
	}
}
