package vn.trithuc.shared;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Recurring background jobs that run once per period in the whole cluster, whatever the number of instances:
 * db-scheduler keeps the next execution in {@code shared.scheduled_tasks} and an instance picks it with
 * {@code for update skip locked}. Every run is recorded in {@code shared.job_run} (instance, start, end,
 * outcome). Declare the returned task as a bean; the db-scheduler starter schedules it.
 */
@Component
public class RecurringJobs {

	private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final String instance;

	RecurringJobs(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.instance = hostName() + "/" + ProcessHandle.current().pid();
	}

	/**
	 * @param name unique task name (kept in the database: never rename without a migration)
	 * @param delay pause between the end of one run and the start of the next
	 * @param work the job; returns a short summary for {@code shared.job_run.details}
	 */
	public RecurringTask<Void> withFixedDelay(String name, Duration delay, Supplier<String> work) {
		return Tasks.recurring(name, FixedDelay.of(delay)).execute((taskInstance, context) -> run(name, work));
	}

	/**
	 * A job that runs once a day at {@code at} (Vietnam time), once in the whole cluster.
	 *
	 * @param name unique task name (kept in the database: never rename without a migration)
	 */
	public RecurringTask<Void> daily(String name, java.time.LocalTime at, Supplier<String> work) {
		return Tasks.recurring(name, new com.github.kagkarlsson.scheduler.task.schedule.Daily(Formats.ZONE, at))
			.execute((taskInstance, context) -> run(name, work));
	}

	/** This instance's name in {@code shared.job_run} (host/pid). */
	public String instance() {
		return instance;
	}

	private void run(String name, Supplier<String> work) {
		var started = clock.instant();
		try {
			var details = work.get();
			record(name, started, "OK", details);
		}
		catch (RuntimeException e) {
			log.warn("Job {} failed", name, e);
			record(name, started, "FAILED", e.getClass().getSimpleName());
			throw e;
		}
	}

	private void record(String name, java.time.Instant started, String outcome, String details) {
		jdbc.sql("""
				insert into shared.job_run (task_name, instance, started_at, finished_at, outcome, details)
				values (:name, :instance, :started, :finished, :outcome, :details)""")
			.param("name", name).param("instance", instance).param("started", Timestamp.from(started))
			.param("finished", Timestamp.from(clock.instant())).param("outcome", outcome).param("details", details)
			.update();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException e) {
			return "localhost";
		}
	}
}
