package vn.trithuc.program.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.program.Inspections;
import vn.trithuc.program.ProgramId;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.VietnameseText;

/** Inspections and their recommendations in schema {@code program}. */
@Service
@Transactional
class JdbcInspections implements Inspections {

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcInspections(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public UUID plan(ProgramId program, UUID unitId, Kind kind, LocalDate plannedOn, String by) {
		var id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into program.inspection (id, program_id, unit_id, kind, planned_on, created_at, created_by)
				select :id, :p, u.id, :k, :on, :now, :by from program.reporting_unit u where u.id = :u and u.program_id = :p""")
			.param("id", id).param("p", program.id()).param("u", unitId).param("k", kind.name())
			.param("on", Date.valueOf(plannedOn)).param("now", Timestamp.from(clock.instant())).param("by", by).update();
		if (inserted != 1) {
			throw new IllegalArgumentException("unit " + unitId + " does not report on program " + program);
		}
		return id;
	}

	@Override
	public void record(UUID inspectionId, LocalDate heldOn, String findings) {
		int updated = jdbc.sql("update program.inspection set held_on = :on, findings = :f, version = version + 1 where id = :id")
			.param("on", Date.valueOf(heldOn)).param("f", VietnameseText.nfc(findings)).param("id", inspectionId).update();
		if (updated != 1) {
			throw new IllegalArgumentException("no inspection " + inspectionId);
		}
	}

	@Override
	public UUID recommend(UUID inspectionId, String text, LocalDate dueOn) {
		var id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into program.recommendation (id, inspection_id, position, text, due_on, status)
				select :id, i.id, (select coalesce(max(position), 0) + 1 from program.recommendation where inspection_id = i.id),
				  :t, :due, 'OPEN' from program.inspection i where i.id = :i""")
			.param("id", id).param("i", inspectionId).param("t", VietnameseText.nfc(text)).param("due", Date.valueOf(dueOn))
			.update();
		if (inserted != 1) {
			throw new IllegalArgumentException("no inspection " + inspectionId);
		}
		return id;
	}

	@Override
	public void respond(UUID recommendationId, int expectedVersion, String response, String by) {
		var status = status(recommendationId);
		bump(recommendationId, expectedVersion);
		if (status == RecommendationStatus.CLOSED) {
			throw new IllegalStateException("recommendation " + recommendationId + " is closed");
		}
		jdbc.sql("""
				update program.recommendation set status = 'RESPONDED', response = :r, responded_at = :now, responded_by = :by
				where id = :id""")
			.param("r", VietnameseText.nfc(response)).param("now", Timestamp.from(clock.instant())).param("by", by)
			.param("id", recommendationId).update();
	}

	@Override
	public void close(UUID recommendationId, int expectedVersion, String note, String by) {
		var status = status(recommendationId);
		bump(recommendationId, expectedVersion);
		if (status == RecommendationStatus.CLOSED) {
			throw new IllegalStateException("recommendation " + recommendationId + " is already closed");
		}
		if (note == null || note.isBlank()) {
			throw new IllegalArgumentException("closing needs a note");
		}
		jdbc.sql("""
				update program.recommendation set status = 'CLOSED', closing_note = :n, closed_at = :now, closed_by = :by
				where id = :id""")
			.param("n", VietnameseText.nfc(note)).param("now", Timestamp.from(clock.instant())).param("by", by)
			.param("id", recommendationId).update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Inspection> inspections(ProgramId program) {
		return jdbc.sql("select id from program.inspection where program_id = :p order by planned_on desc, created_at desc")
			.param("p", program.id()).query(UUID.class).list().stream().map(this::inspection).flatMap(Optional::stream)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Inspection> inspection(UUID inspectionId) {
		var today = LocalDate.now(clock.withZone(Formats.ZONE));
		var recommendations = jdbc.sql("select * from program.recommendation where inspection_id = :i order by position")
			.param("i", inspectionId)
			.query((rs, n) -> {
				var status = RecommendationStatus.valueOf(rs.getString("status"));
				var due = rs.getDate("due_on").toLocalDate();
				return new Recommendation(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getInt("position"),
						rs.getString("text"), due, status, rs.getString("response"), instant(rs.getTimestamp("responded_at")),
						rs.getString("responded_by"), rs.getString("closing_note"), instant(rs.getTimestamp("closed_at")),
						rs.getString("closed_by"), status != RecommendationStatus.CLOSED && today.isAfter(due));
			})
			.list();
		return jdbc.sql("""
				select i.*, u.name as unit_name from program.inspection i join program.reporting_unit u on u.id = i.unit_id
				where i.id = :id""")
			.param("id", inspectionId)
			.query((rs, n) -> new Inspection(rs.getObject("id", UUID.class), new ProgramId(rs.getObject("program_id", UUID.class)),
					rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), Kind.valueOf(rs.getString("kind")),
					rs.getDate("planned_on").toLocalDate(),
					rs.getDate("held_on") == null ? null : rs.getDate("held_on").toLocalDate(), rs.getString("findings"),
					recommendations))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UUID> inspectionOf(UUID recommendationId) {
		return jdbc.sql("select inspection_id from program.recommendation where id = :id").param("id", recommendationId)
			.query(UUID.class).optional();
	}

	private RecommendationStatus status(UUID recommendationId) {
		return jdbc.sql("select status from program.recommendation where id = :id").param("id", recommendationId)
			.query(String.class).optional().map(RecommendationStatus::valueOf)
			.orElseThrow(() -> new IllegalArgumentException("no recommendation " + recommendationId));
	}

	private void bump(UUID recommendationId, int expectedVersion) {
		int updated = jdbc.sql("update program.recommendation set version = version + 1 where id = :id and version = :v")
			.param("id", recommendationId).param("v", expectedVersion).update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("recommendation " + recommendationId + " changed since version "
					+ expectedVersion);
		}
	}

	private static java.time.@org.jspecify.annotations.Nullable Instant instant(java.sql.@org.jspecify.annotations.Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
