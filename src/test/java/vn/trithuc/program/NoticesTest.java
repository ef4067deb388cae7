package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;

/**
 * In-app notices: the reminder pass tells the late unit's officers, escalates to the leaders whose scope covers the
 * unit (else mails the unit's head contact, on a real SMTP server), returns and acceptances tell the officers, and
 * every reminder is recorded once even when two instances run the pass at the same time.
 */
@IntegrationTest
class NoticesTest {

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	Reminders reminders;
	@Autowired
	Notices notices;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	JdbcClient jdbc;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);
	private final LocalDate today = LocalDate.now(vn.trithuc.shared.Formats.ZONE);

	@Test
	void a_late_unit_s_officer_is_told_in_the_application_and_the_leader_of_its_scope_gets_the_escalation() {
		var program = programs.importSeedProgram("test");
		var orgUnit = unit("Đảng ủy xã thông báo " + tag, null);
		var unit = reports.addUnit(program, "Đảng ủy xã thông báo " + tag, orgUnit);
		var officer = user("tb.hai." + tag, Role.UNIT_OFFICER, orgUnit);
		var leader = user("tb.bithu." + tag, Role.LEADER, orgUnit);
		var outsider = user("tb.khac." + tag, Role.UNIT_OFFICER, unit("Đảng ủy xã khác " + tag, null));
		var overdue = period(program, "Quá hạn " + tag, 2);
		var escalated = period(program, "Quá hạn lâu " + tag, 8);

		reminders.sendDue();

		assertThat(notices.notices(officer, 50)).filteredOn(n -> n.unitName().endsWith(tag))
			.extracting(Notices.Notice::kind, Notices.Notice::periodName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(NoticeKind.OVERDUE, "Quá hạn " + tag));
		assertThat(notices.notices(leader, 50)).extracting(Notices.Notice::kind, Notices.Notice::periodName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(NoticeKind.ESCALATION, "Quá hạn lâu " + tag));
		assertThat(notices.notices(outsider, 50)).isEmpty();
		assertThat(notices.unread(officer)).isEqualTo(1);
		assertThat(reminderKinds(escalated)).containsExactly(ReminderKind.ESCALATION);
		assertThat(mine(escalated).get(0).outcome()).isEqualTo("NOTICES");
		assertThat(reminderKinds(overdue)).containsExactly(ReminderKind.OVERDUE);
		assertThat(unit).isNotNull();

		// only the owner marks a notice read
		var notice = notices.notices(officer, 50).get(0);
		assertThat(notices.markRead(notice.id(), outsider)).isEmpty();
		assertThat(notices.unread(officer)).isEqualTo(1);
		assertThat(notices.markRead(notice.id(), officer)).get().extracting(Notices.Notice::reportId)
			.isEqualTo(notice.reportId());
		assertThat(notices.unread(officer)).isZero();
	}

	@Test
	void without_a_leader_in_the_application_the_escalation_mails_the_unit_s_head_contact() throws Exception {
		var program = programs.importSeedProgram("test");
		var orgUnit = unit("Đảng ủy xã không lãnh đạo " + tag, "bithu-" + tag + "@xa.example");
		reports.addUnit(program, "Đảng ủy xã không lãnh đạo " + tag, orgUnit);
		var period = period(program, "Quá hạn không lãnh đạo " + tag, 9);

		reminders.sendDue();

		var reminder = mine(period).get(0);
		assertThat(reminder.kind()).isEqualTo(ReminderKind.ESCALATION);
		assertThat(reminder.recipient()).isEqualTo("bithu-" + tag + "@xa.example");
		assertThat(reminder.outcome()).isEqualTo("SENT");
		var mails = Arrays.stream(MailTestServer.server().getReceivedMessages()).filter(m -> to(m).contains(tag)).toList();
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject())
			.isEqualTo("Báo cáo quá hạn, đề nghị lãnh đạo đơn vị chỉ đạo: Quá hạn không lãnh đạo " + tag);
	}

	@Test
	void two_instances_running_the_pass_at_once_record_each_reminder_and_notice_once() throws Exception {
		var program = programs.importSeedProgram("test");
		var orgUnit = unit("Đảng ủy xã song song " + tag, null);
		var unit = reports.addUnit(program, "Đảng ủy xã song song " + tag, orgUnit);
		reports.setContacts(unit, "songsong-" + tag + "@xa.example", null);
		var officer = user("tb.songsong." + tag, Role.UNIT_OFFICER, orgUnit);
		var period = period(program, "Song song " + tag, 1);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = new ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit((Callable<Integer>) () -> {
					start.await();
					return reminders.sendDue();
				}));
			}
			start.countDown();
			for (var run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		reminders.sendDue();

		assertThat(reminderKinds(period)).containsExactly(ReminderKind.OVERDUE);
		assertThat(notices.notices(officer, 50)).hasSize(1);
		var mails = Arrays.stream(MailTestServer.server().getReceivedMessages()).filter(m -> to(m).contains(tag)).toList();
		assertThat(mails).hasSize(1);
	}

	@Test
	void returning_and_accepting_a_report_tell_the_unit_s_officers() {
		var program = programs.importSeedProgram("test");
		var orgUnit = unit("Đảng ủy xã trả lại " + tag, null);
		var unit = reports.addUnit(program, "Đảng ủy xã trả lại " + tag, orgUnit);
		var officer = user("tb.tralai." + tag, Role.UNIT_OFFICER, orgUnit);
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Trả lại " + tag,
				new UnitReports.PeriodDates(today.minusDays(5), today.minusMonths(3), today.minusDays(1), today.plusDays(20)),
				"test");
		var report = reports.reports(period).stream().filter(l -> l.unitId().equals(unit)).findFirst().orElseThrow().id();

		reports.act(report, version(report), ReportAction.SUBMIT, null, officer);
		reports.act(report, version(report), ReportAction.RETURN, "thiếu số liệu quán triệt", "lan");
		reports.act(report, version(report), ReportAction.SUBMIT, null, officer);
		reports.act(report, version(report), ReportAction.ACCEPT, null, "lan");

		assertThat(notices.notices(officer, 50)).extracting(Notices.Notice::kind)
			.containsExactly(NoticeKind.ACCEPTED, NoticeKind.RETURNED);
		assertThat(notices.notices(officer, 50)).extracting(Notices.Notice::comment).as("the return says why")
			.containsExactly(null, "thiếu số liệu quán triệt");
	}

	@Test
	void urging_tells_the_unit_s_officers() {
		var program = programs.importSeedProgram("test");
		var orgUnit = unit("Đảng ủy xã đôn đốc " + tag, null);
		reports.addUnit(program, "Đảng ủy xã đôn đốc " + tag, orgUnit);
		var officer = user("tb.dondoc." + tag, Role.UNIT_OFFICER, orgUnit);
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Đôn đốc " + tag,
				new UnitReports.PeriodDates(today.minusDays(5), today.minusMonths(3), today.minusDays(1), today.plusDays(20)),
				"test");

		reminders.urge(period, "lan");

		assertThat(notices.notices(officer, 50)).extracting(Notices.Notice::kind).containsExactly(NoticeKind.MANUAL);
	}

	private UUID unit(String name, String email) {
		return operations.create(new NewUnit("N" + UUID.randomUUID().toString().substring(0, 8), name, null,
				OrgUnitKind.PARTY_COMMITTEE, null, null, null, null, email, "Bí thư " + tag, "Bí thư"),
				LocalDate.of(2020, 1, 1), Decision.NONE).value();
	}

	private String user(String username, Role role, UUID scope) {
		TestAccounts.ready(administration, username, role);
		scopes.assign(administration.findByUsername(username).orElseThrow().id(), scope, "test");
		return username;
	}

	/** A period whose deadline was {@code daysLate} days ago. */
	private UUID period(ProgramId program, String name, int daysLate) {
		return reports.openPeriod(program, PeriodKind.AD_HOC, name, new UnitReports.PeriodDates(today.minusDays(30),
				today.minusMonths(6), today.minusDays(daysLate + 5), today.minusDays(daysLate)), "test");
	}

	private java.util.List<ReminderKind> reminderKinds(UUID period) {
		return mine(period).stream().map(Reminders.Reminder::kind).toList();
	}

	/** The period is opened for every unit of the shared seed program: only this test's units count. */
	private java.util.List<Reminders.Reminder> mine(UUID period) {
		return reminders.reminders(period).stream().filter(r -> r.unitName().endsWith(tag)).toList();
	}

	private int version(UUID report) {
		return reports.report(report).orElseThrow().version();
	}

	private static String to(MimeMessage message) {
		try {
			var all = message.getRecipients(Message.RecipientType.TO);
			return all == null ? "" : String.join(",", Arrays.stream(all).map(Object::toString).toList());
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
