package vn.trithuc.program.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.program.Disseminations;
import vn.trithuc.program.ProgramId;
import vn.trithuc.shared.VietnameseText;

/** Dissemination sessions and their coverage in schema {@code program}. */
@Service
@Transactional
class JdbcDisseminations implements Disseminations {

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcDisseminations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public UUID record(ProgramId program, UUID unitId, LocalDate heldOn, Form form, String title,
			Map<ParticipantGroup, Integer> participants, String by) {
		if (title == null || title.isBlank() || participants.values().stream().anyMatch(n -> n == null || n < 0)) {
			throw new IllegalArgumentException("a session needs a title and non-negative participant counts");
		}
		var id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into program.dissemination_session (id, program_id, unit_id, held_on, form, title, created_at, created_by)
				select :id, :p, u.id, :on, :form, :title, :now, :by from program.reporting_unit u where u.id = :u and u.program_id = :p""")
			.param("id", id).param("p", program.id()).param("u", unitId).param("on", Date.valueOf(heldOn))
			.param("form", form.name()).param("title", VietnameseText.nfc(title)).param("now", Timestamp.from(clock.instant()))
			.param("by", by).update();
		if (inserted != 1) {
			throw new IllegalArgumentException("unit " + unitId + " does not report on program " + program);
		}
		participants.forEach((group, count) -> jdbc.sql("""
				insert into program.dissemination_attendance (session_id, participant_group, participants) values (:s, :g, :n)""")
			.param("s", id).param("g", group.name()).param("n", count).update());
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Session> sessions(ProgramId program) {
		var attendance = new HashMap<UUID, Map<ParticipantGroup, Integer>>();
		jdbc.sql("""
				select a.session_id, a.participant_group, a.participants from program.dissemination_attendance a
				join program.dissemination_session s on s.id = a.session_id where s.program_id = :p""")
			.param("p", program.id())
			.query((rs, n) -> attendance.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(ParticipantGroup.class))
				.put(ParticipantGroup.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
		return jdbc.sql("""
				select s.id, s.unit_id, u.name, s.held_on, s.form, s.title from program.dissemination_session s
				join program.reporting_unit u on u.id = s.unit_id where s.program_id = :p order by s.held_on desc, u.position""")
			.param("p", program.id())
			.query((rs, n) -> {
				var id = rs.getObject(1, UUID.class);
				return new Session(id, rs.getObject(2, UUID.class), rs.getString(3), rs.getDate(4).toLocalDate(),
						Form.valueOf(rs.getString(5)), rs.getString(6),
						attendance.getOrDefault(id, new EnumMap<>(ParticipantGroup.class)));
			})
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Coverage coverage(ProgramId program, LocalDate from, LocalDate to) {
		int units = jdbc.sql("select count(*) from program.reporting_unit where program_id = :p").param("p", program.id())
			.query(Integer.class).single();
		var row = jdbc.sql("""
				select count(distinct unit_id), count(*) from program.dissemination_session
				where program_id = :p and held_on between :from and :to""")
			.param("p", program.id()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).single();
		var participants = new EnumMap<ParticipantGroup, Integer>(ParticipantGroup.class);
		for (var group : ParticipantGroup.values()) {
			participants.put(group, 0);
		}
		jdbc.sql("""
				select a.participant_group, sum(a.participants) from program.dissemination_attendance a
				join program.dissemination_session s on s.id = a.session_id
				where s.program_id = :p and s.held_on between :from and :to group by a.participant_group""")
			.param("p", program.id()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query((rs, n) -> participants.put(ParticipantGroup.valueOf(rs.getString(1)), rs.getInt(2))).list();
		return new Coverage(row[0], units, row[1], participants);
	}
}
