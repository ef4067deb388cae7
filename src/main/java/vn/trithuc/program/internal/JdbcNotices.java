package vn.trithuc.program.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.program.NoticeKind;
import vn.trithuc.program.Notices;
import vn.trithuc.shared.VietnameseText;

/** Notices in {@code program.notice}: one row per recipient, made once per (recipient, source). */
@Service
@Transactional
class JdbcNotices implements Notices {

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcNotices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Gives each user a notice about the report, once per source (a second call with the same source adds nothing).
	 * @return how many notices were made
	 */
	int post(Collection<String> usernames, NoticeKind kind, UUID reportId, String source) {
		int made = 0;
		for (var username : usernames) {
			made += jdbc.sql("""
					insert into program.notice (id, username, kind, report_id, unit_name, period_name, source, created_at)
					select :id, :u, :k, r.id, u.name, p.name, :src, :at
					from program.unit_report r join program.reporting_unit u on u.id = r.unit_id
					join program.reporting_period p on p.id = r.period_id where r.id = :r
					on conflict (username, source) do nothing""")
				.param("id", UUID.randomUUID()).param("u", username).param("k", kind.name()).param("r", reportId)
				.param("src", source).param("at", Timestamp.from(clock.instant())).update();
		}
		return made;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notice> notices(String username, int limit) {
		return jdbc.sql("""
				select id, kind, report_id, unit_name, period_name, created_at, read_at,
				  -- a returned report: why, as the officer who returned it wrote it then
				  case when kind = 'RETURNED' then (select e.comment from program.report_event e where e.report_id = notice.report_id
				    and e.action = 'RETURN' and e.at <= notice.created_at order by e.at desc limit 1) end as comment
				from program.notice
				where username = :u order by created_at desc, id limit :limit""")
			.param("u", username).param("limit", Math.max(1, Math.min(limit, 500))).query(JdbcNotices::notice).list();
	}

	private static Notice notice(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		var read = rs.getTimestamp("read_at");
		return new Notice(rs.getObject("id", UUID.class), NoticeKind.valueOf(rs.getString("kind")),
				rs.getObject("report_id", UUID.class), VietnameseText.nfc(rs.getString("unit_name")),
				VietnameseText.nfc(rs.getString("period_name")), rs.getTimestamp("created_at").toInstant(),
				read == null ? null : read.toInstant(), rs.getString("comment"));
	}

	@Override
	@Transactional(readOnly = true)
	public int unread(String username) {
		return jdbc.sql("select count(*) from program.notice where username = :u and read_at is null").param("u", username)
			.query(Integer.class).single();
	}

	@Override
	public java.util.Optional<Notice> markRead(UUID noticeId, String username) {
		jdbc.sql("update program.notice set read_at = :at where id = :id and username = :u and read_at is null")
			.param("at", Timestamp.from(clock.instant())).param("id", noticeId).param("u", username).update();
		return jdbc.sql("""
				select id, kind, report_id, unit_name, period_name, created_at, read_at,
				  -- a returned report: why, as the officer who returned it wrote it then
				  case when kind = 'RETURNED' then (select e.comment from program.report_event e where e.report_id = notice.report_id
				    and e.action = 'RETURN' and e.at <= notice.created_at order by e.at desc limit 1) end as comment
				from program.notice
				where id = :id and username = :u""")
			.param("id", noticeId).param("u", username).query(JdbcNotices::notice).optional();
	}

	@Override
	public int markAllRead(String username) {
		return jdbc.sql("update program.notice set read_at = :at where username = :u and read_at is null")
			.param("at", Timestamp.from(clock.instant())).param("u", username).update();
	}
}
