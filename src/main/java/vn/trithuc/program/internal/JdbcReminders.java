package vn.trithuc.program.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.program.ReminderKind;
import vn.trithuc.program.Reminders;
import vn.trithuc.shared.Formats;

/** Reminders sent by SMTP (when configured) and recorded in {@code program.reminder}. */
@Service
@Transactional
class JdbcReminders implements Reminders {

	private static final Logger log = LoggerFactory.getLogger(JdbcReminders.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ObjectProvider<JavaMailSender> mail;
	private final ProgramSettings settings;
	private final ReminderPolicy policy;

	JdbcReminders(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mail, ProgramSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.mail = mail;
		this.settings = settings;
		this.policy = new ReminderPolicy(settings.reminderDaysBefore(), settings.escalationDaysLate());
	}

	@Override
	public int urge(UUID periodId, String by) {
		var pending = pending("and r.period_id = :period", periodId);
		pending.forEach(report -> send(report, ReminderKind.MANUAL, by));
		return pending.size();
	}

	@Override
	public int sendDue() {
		var today = LocalDate.now(clock.withZone(Formats.ZONE));
		int sent = 0;
		for (var report : pending("and p.opens_on <= :period", java.sql.Date.valueOf(today))) {
			var already = EnumSet.noneOf(ReminderKind.class);
			jdbc.sql("select kind from program.reminder where report_id = :r").param("r", report.id()).query(String.class)
				.list().forEach(k -> already.add(ReminderKind.valueOf(k)));
			var due = policy.due(today, report.opensOn(), report.deadline(), null, already);
			if (due.isPresent()) {
				send(report, due.get(), "system");
				sent++;
			}
		}
		return sent;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Reminder> reminders(UUID periodId) {
		return jdbc.sql("""
				select m.report_id, u.name, m.kind, m.sent_at, m.sent_by, m.recipient, m.outcome
				from program.reminder m join program.unit_report r on r.id = m.report_id
				join program.reporting_unit u on u.id = r.unit_id
				where r.period_id = :p order by m.sent_at desc, u.position""")
			.param("p", periodId)
			.query((rs, n) -> new Reminder(rs.getObject(1, UUID.class), rs.getString(2), ReminderKind.valueOf(rs.getString(3)),
					rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** Reports not sent yet (never submitted), with what a reminder needs. */
	private List<Pending> pending(String condition, Object parameter) {
		return jdbc.sql("""
				select r.id, u.name, u.contact_email, u.leader_email, p.name as period_name, p.opens_on, p.deadline
				from program.unit_report r join program.reporting_unit u on u.id = r.unit_id
				join program.reporting_period p on p.id = r.period_id
				where r.first_submitted_at is null""" + " " + condition + " order by p.deadline, u.position")
			.param("period", parameter)
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("contact_email"),
					rs.getString("leader_email"), rs.getString("period_name"), rs.getDate("opens_on").toLocalDate(),
					rs.getDate("deadline").toLocalDate()))
			.list();
	}

	private void send(Pending report, ReminderKind kind, String by) {
		var recipient = kind == ReminderKind.ESCALATION && report.leaderEmail() != null ? report.leaderEmail()
				: report.contactEmail();
		String outcome;
		var sender = mail.getIfAvailable();
		if (recipient == null || recipient.isBlank()) {
			outcome = "NO_ADDRESS";
		}
		else if (sender == null) {
			outcome = "NO_MAIL_SERVER";
		}
		else {
			try {
				var message = new SimpleMailMessage();
				message.setFrom(settings.mailFrom());
				message.setTo(recipient);
				message.setSubject(subject(kind, report));
				message.setText(body(kind, report));
				sender.send(message);
				outcome = "SENT";
			}
			catch (MailException e) {
				log.warn("Reminder to {} not sent: {}", recipient, e.getMessage());
				outcome = "FAILED";
			}
		}
		jdbc.sql("""
				insert into program.reminder (id, report_id, kind, sent_at, sent_by, recipient, outcome)
				values (:id, :r, :k, :at, :by, :to, :o)""")
			.param("id", UUID.randomUUID()).param("r", report.id()).param("k", kind.name())
			.param("at", Timestamp.from(clock.instant())).param("by", by).param("to", recipient, java.sql.Types.VARCHAR)
			.param("o", outcome).update();
	}

	/** The mail is in Vietnamese whatever the sender's language: it goes to a unit. */
	static String subject(ReminderKind kind, Pending report) {
		return switch (kind) {
			case MANUAL, BEFORE_DEADLINE -> "Đôn đốc báo cáo: " + report.periodName();
			case OVERDUE -> "Báo cáo quá hạn: " + report.periodName();
			case ESCALATION -> "Báo cáo quá hạn, đề nghị lãnh đạo đơn vị chỉ đạo: " + report.periodName();
		};
	}

	static String body(ReminderKind kind, Pending report) {
		var deadline = Formats.DATE.format(report.deadline());
		var lead = switch (kind) {
			case MANUAL, BEFORE_DEADLINE -> "Hạn gửi báo cáo là ngày " + deadline + ".";
			case OVERDUE, ESCALATION -> "Đã quá hạn gửi báo cáo (ngày " + deadline + ").";
		};
		return "Kính gửi " + report.unitName() + ",\n\n" + lead + " Đề nghị đơn vị hoàn thành và gửi báo cáo kỳ \""
				+ report.periodName() + "\" trên hệ thống TriThức.\n\nBan Tuyên giáo và Dân vận\n";
	}

	record Pending(UUID id, String unitName, @Nullable String contactEmail, @Nullable String leaderEmail,
			String periodName, LocalDate opensOn, LocalDate deadline) {
	}
}
