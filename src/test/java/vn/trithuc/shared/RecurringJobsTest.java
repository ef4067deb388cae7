package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.Scheduler;

import vn.trithuc.IntegrationTest;

/** db-scheduler runs in the application (the Boot-4 ordering fix works) and owns the audit purge. */
@IntegrationTest
class RecurringJobsTest {

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_audit_purge_is_a_cluster_wide_recurring_task() throws InterruptedException {
		assertThat(scheduler.getScheduledExecutions()).anySatisfy(
				e -> assertThat(e.getTaskInstance().getTaskName()).isEqualTo("identity-audit-purge"));
		// the first run is due at start: wait (bounded) for its record
		long runs = 0;
		for (int i = 0; i < 60 && runs == 0; i++) {
			runs = jdbc.sql("select count(*) from shared.job_run where task_name = 'identity-audit-purge' and outcome = 'OK'")
				.query(Long.class).single();
			if (runs == 0) {
				Thread.sleep(500);
			}
		}
		assertThat(runs).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from shared.scheduled_tasks where task_name = 'identity-audit-purge'")
			.query(Long.class).single()).isEqualTo(1);
	}
}
