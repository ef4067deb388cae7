package vn.trithuc.program.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.trithuc.program.Reminders;

/**
 * The daily automatic reminder pass ({@code trithuc.program.reminder-cron}, Vietnam time). Safe with several
 * instances: the pass takes a PostgreSQL advisory lock and every reminder kind is sent once per report.
 */
@Component
class ReminderSchedule {

	private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);
	private final Reminders reminders;

	ReminderSchedule(Reminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(cron = "${trithuc.program.reminder-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
	void daily() {
		int sent = reminders.sendDue();
		if (sent > 0) {
			log.info("Program reminders: {} sent", sent);
		}
	}
}
