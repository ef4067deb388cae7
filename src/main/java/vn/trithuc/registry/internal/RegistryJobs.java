package vn.trithuc.registry.internal;

import java.time.LocalTime;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import vn.trithuc.shared.RecurringJobs;

/**
 * The registry's background jobs (db-scheduler, once per cluster): the nightly refresh of derived columns, and the
 * dry run and apply of imports ({@link ImportJobs}).
 */
@Configuration(proxyBeanMethods = false)
class RegistryJobs {

	@Bean
	RecurringTask<Void> registryDerivedRefresh(RecurringJobs jobs, DerivedFlags flags) {
		return jobs.daily("registry-derived-refresh", LocalTime.of(0, 30), () -> flags.refresh() + " people refreshed");
	}

	/**
	 * One piece of an import job's work; the instance id is the job id and a suffix. A failure is not retried by itself (the
	 * page shows it; the officer starts it again), and the execution of an instance that died is cancelled: an
	 * interrupted apply left the registry as it was and waits for the officer to apply again.
	 */
	@Bean
	OneTimeTask<String> registryImportTask(@Lazy ImportJobs jobs) {
		return Tasks.oneTime(ImportJobs.TASK, String.class)
			.onFailure((complete, operations) -> operations.stop())
			.onDeadExecution(new DeadExecutionHandler.CancelDeadExecution<>())
			.execute((instance, context) -> jobs.run(UUID.fromString(instance.getId().substring(0, 36)), instance.getData()));
	}
}
