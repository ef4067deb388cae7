package vn.trithuc.program.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import vn.trithuc.program.Reminders;
import vn.trithuc.shared.RecurringJobs;

/**
 * The program's background job: the automatic reminder pass, once per interval in the whole cluster
 * (db-scheduler, see {@link RecurringJobs}). Each reminder kind goes once per report, so the interval only
 * decides how soon after a day starts a due reminder leaves.
 */
@Configuration(proxyBeanMethods = false)
class ProgramJobs {

	@Bean
	RecurringTask<Void> programReminders(RecurringJobs jobs, Reminders reminders,
			@Value("${trithuc.program.reminder-interval:6h}") Duration interval) {
		return jobs.withFixedDelay("program-reminders", interval, () -> reminders.sendDue() + " reminders sent");
	}
}
