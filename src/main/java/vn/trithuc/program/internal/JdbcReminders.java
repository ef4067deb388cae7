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

import vn.trithuc.identity.Role;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.program.NoticeKind;
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
	private final JdbcNotices notices;
	private final NoticeRecipients recipients;

	JdbcReminders(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mail, ProgramSettings settings,
			JdbcNotices notices, NoticeRecipients recipients) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.mail = mail;
		this.settings = settings;
		this.notices = notices;
		this.recipients = recipients;
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
		// one pass at a time across instances: the others skip (each reminder kind is recorded, so none twice)
		if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('program.reminders'))").query(Boolean.class).single()) {
			return 0;
		}
		var today = LocalDate.now(clock.withZone(Formats.ZONE));
		int sent = 0;
		for (var report : pending("and p.opens_on <= :period", java.sql.Date.valueOf(today))) {
			var already = EnumSet.noneOf(ReminderKind.class);
			jdbc.sql("select kind from program.reminder where report_id = :r").param("r", report.id()).query(String.class)
				.list().forEach(k -> already.add(ReminderKind.valueOf(k)));
			var due = policy.due(today, report.opensOn(), report.deadline(), null, already);
			if (due.isPresent() && send(report, due.get(), "system")) {
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
				select r.id, u.name, u.contact_email, u.leader_email, u.org_unit_id, p.name as period_name, p.opens_on,
				  p.deadline
				from program.unit_report r join program.reporting_unit u on u.id = r.unit_id
				join program.reporting_period p on p.id = r.period_id
				where r.first_submitted_at is null""" + " " + condition + " order by p.deadline, u.position")
			.param("period", parameter)
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("contact_email"),
					rs.getString("leader_email"), rs.getObject("org_unit_id", UUID.class), rs.getString("period_name"), rs.getDate("opens_on").toLocalDate(),
					rs.getDate("deadline").toLocalDate()))
			.list();
	}

	/**
	 * Records the reminder first (an automatic kind only once per report: a second pass, or a second instance,
	 * finds it recorded and sends nothing), then mails it and gives the in-app notices: the unit's officers for a
	 * reminder, the leaders whose scope covers the unit for an escalation — when there are none, the escalation
	 * mail goes to the unit's leader address or the head contact of the unit in the organisation tree.
	 *
	 * @return false when this reminder was already recorded
	 */
	private boolean send(Pending report, ReminderKind kind, String by) {
		var reminderId = UUID.randomUUID();
		var recorded = jdbc.sql("""
				insert into program.reminder (id, report_id, kind, sent_at, sent_by, recipient, outcome)
				values (:id, :r, :k, :at, :by, null, 'PENDING')
				on conflict (report_id, kind) where kind <> 'MANUAL' do nothing""")
			.param("id", reminderId).param("r", report.id()).param("k", kind.name())
			.param("at", Timestamp.from(clock.instant())).param("by", by).update();
		if (recorded == 0) {
			return false;
		}
		var noticeKind = NoticeKind.valueOf(kind.name());
		var told = recipients.covering(report.orgUnitId(),
				kind == ReminderKind.ESCALATION ? Role.LEADER : Role.UNIT_OFFICER);
		notices.post(told, noticeKind, report.id(), "reminder:" + reminderId);
		var recipient = recipient(report, kind, told.isEmpty());
		String outcome;
		var sender = mail.getIfAvailable();
		if ((recipient == null || recipient.isBlank()) && !told.isEmpty()) {
			outcome = "NOTICES";
		}
		else if (recipient == null || recipient.isBlank()) {
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
		jdbc.sql("update program.reminder set recipient = :to, outcome = :o where id = :id")
			.param("to", recipient, java.sql.Types.VARCHAR).param("o", outcome).param("id", reminderId).update();
		return true;
	}

	/** Where the mail goes: the unit's address; an escalation to its leader, else (nobody told in the application) its head contact. */
	private @Nullable String recipient(Pending report, ReminderKind kind, boolean noLeaderTold) {
		if (kind != ReminderKind.ESCALATION) {
			return report.contactEmail();
		}
		if (report.leaderEmail() != null && !report.leaderEmail().isBlank()) {
			return report.leaderEmail();
		}
		if (noLeaderTold) {
			var head = recipients.unit(report.orgUnitId()).map(OrgUnit::email).filter(e -> !e.isBlank());
			if (head.isPresent()) {
				return head.get();
			}
		}
		return noLeaderTold ? report.contactEmail() : null;
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
			@Nullable UUID orgUnitId, String periodName, LocalDate opensOn, LocalDate deadline) {
	}
}
