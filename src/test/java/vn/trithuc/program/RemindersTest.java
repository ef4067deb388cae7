package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.internet.MimeMessage;
import vn.trithuc.IntegrationTest;

/** Reminders go out by real SMTP (GreenMail in-process) and are recorded, with who and when. */
@IntegrationTest
class RemindersTest {

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	Reminders reminders;

	@Test
	void urging_a_period_mails_the_units_that_have_not_reported_and_records_it() throws Exception {
		var program = programs.importSeedProgram("test");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var late = reports.addUnit(program, "Đảng ủy xã chậm " + tag, null);
		reports.setContacts(late, "cham-" + tag + "@xa.example", null);
		var silent = reports.addUnit(program, "Đảng ủy xã không thư " + tag, null);
		var done = reports.addUnit(program, "Đảng ủy xã đã gửi " + tag, null);
		reports.setContacts(done, "dagui-" + tag + "@xa.example", null);
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất đôn đốc " + tag,
				new UnitReports.PeriodDates(today.minusDays(20), today.minusMonths(6), today.minusDays(15), today.minusDays(1)), "lan");
		var doneReport = reports.reports(period).stream().filter(l -> l.unitId().equals(done)).findFirst().orElseThrow();
		reports.act(doneReport.id(), reports.report(doneReport.id()).orElseThrow().version(), ReportAction.SUBMIT, null, "hai");

		int urged = reminders.urge(period, "lan.tuyengiao");

		int expected = (int) reports.reports(period).stream().filter(l -> l.firstSubmittedAt() == null).count();
		assertThat(urged).isEqualTo(expected);
		var mails = Arrays.stream(MailTestServer.server().getReceivedMessages())
			.filter(m -> recipients(m).contains(tag)).toList();
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Đôn đốc báo cáo: Đột xuất đôn đốc " + tag);
		assertThat(recipients(mails.get(0))).isEqualTo("cham-" + tag + "@xa.example");
		var recorded = reminders.reminders(period);
		assertThat(recorded).filteredOn(r -> r.unitName().endsWith(tag)).extracting(Reminders.Reminder::unitName,
				Reminders.Reminder::outcome, Reminders.Reminder::sentBy)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("Đảng ủy xã chậm " + tag, "SENT", "lan.tuyengiao"),
					org.assertj.core.groups.Tuple.tuple("Đảng ủy xã không thư " + tag, "NO_ADDRESS", "lan.tuyengiao"));
		assertThat(recorded).extracting(Reminders.Reminder::kind).containsOnly(ReminderKind.MANUAL);
		assertThat(silent).isNotNull();
	}

	@Test
	void the_automatic_pass_sends_the_overdue_notice_once() throws Exception {
		var program = programs.importSeedProgram("test");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var unit = reports.addUnit(program, "Đảng ủy xã quá hạn " + tag, null);
		reports.setContacts(unit, "quahan-" + tag + "@xa.example", "lanhdao-" + tag + "@xa.example");
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất quá hạn " + tag,
				new UnitReports.PeriodDates(today.minusDays(10), today.minusMonths(3), today.minusDays(5), today.minusDays(2)), "lan");

		reminders.sendDue();
		reminders.sendDue();

		var mine = reminders.reminders(period).stream().filter(r -> r.unitName().endsWith(tag)).toList();
		assertThat(mine).extracting(Reminders.Reminder::kind).containsExactly(ReminderKind.OVERDUE);
		var mails = Arrays.stream(MailTestServer.server().getReceivedMessages())
			.filter(m -> recipients(m).contains(tag)).toList();
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Báo cáo quá hạn: Đột xuất quá hạn " + tag);
		assertThat(mails.get(0).getContent().toString()).contains("Đã quá hạn gửi báo cáo (ngày "
				+ vn.trithuc.shared.Formats.DATE.format(today.minusDays(2)) + ")");
	}

	private static String recipients(MimeMessage message) {
		try {
			return String.join(",", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
