package vn.trithuc.reliability;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * A long background job for {@link KillDuringBackgroundJobTest}, present only in the child instances that test
 * starts ({@code trithuc.test.slow-job.steps} set): a db-scheduler one-time task that works in steps, commits each
 * step's progress (one row per step, unique) and resumes after the last committed step when it is run again, the
 * way a long import or report build must be written to survive the death of the instance running it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("trithuc.test.slow-job.steps")
class SlowJobConfiguration {

	static final String TASK = "reliability-slow-job";

	@Bean
	OneTimeTask<Void> reliabilitySlowJob(JdbcClient jdbc, Environment environment) {
		int steps = environment.getRequiredProperty("trithuc.test.slow-job.steps", Integer.class);
		long stepMillis = environment.getProperty("trithuc.test.slow-job.step-millis", Long.class, 250L);
		var instance = String.valueOf(ProcessHandle.current().pid());
		return Tasks.oneTime(TASK).execute((taskInstance, context) -> {
			int done = jdbc.sql("select coalesce(max(step), 0) from reliability_check.job_step where task_instance = ?")
				.param(taskInstance.getId()).query(Integer.class).single();
			jdbc.sql("insert into reliability_check.job_start (task_instance, instance, from_step) values (?, ?, ?)")
				.params(taskInstance.getId(), instance, done + 1).update();
			for (int step = done + 1; step <= steps; step++) {
				jdbc.sql("insert into reliability_check.job_step (task_instance, step, instance) values (?, ?, ?)")
					.params(taskInstance.getId(), step, instance).update();
				try {
					Thread.sleep(stepMillis);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted at step " + step, e);
				}
			}
			jdbc.sql("insert into reliability_check.job_done (task_instance, instance) values (?, ?)")
				.params(taskInstance.getId(), instance).update();
		});
	}
}
