package vn.trithuc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances on one PostgreSQL (a process of its own); a long db-scheduler job is picked by one of them, which is
 * then killed with kill -9 in the middle of the run. The other instance notices the missed heartbeats, takes the
 * job over, and it completes exactly once: every step done once, one completion, nothing left scheduled.
 */
@Tag("reliability")
class KillDuringBackgroundJobTest {

	private static final Path WORK = Path.of("target", "job-kill-test").toAbsolutePath();
	private static final int STEPS = 40;
	private static final Duration HEARTBEAT = Duration.ofSeconds(1);
	private static final int MISSED_HEARTBEATS = 4;

	@Test
	void a_job_of_a_killed_instance_is_taken_over_after_the_heartbeat_timeout_and_completes_once() throws Exception {
		long started = System.nanoTime();
		FileSystemUtils.deleteRecursively(WORK);
		try (var postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("pg")).setCleanDataDirectory(true)
			.setServerConfig("max_connections", "100").setServerConfig("timezone", "UTC").start()) {
			var jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
			var dataSource = postgres.getPostgresDatabase();
			var db = JdbcClient.create(dataSource);
			db.sql("""
					create schema reliability_check;
					create table reliability_check.job_step (task_instance text, step int, instance text,
					  at timestamptz not null default clock_timestamp(), primary key (task_instance, step));
					create table reliability_check.job_start (task_instance text, instance text, from_step int,
					  at timestamptz not null default clock_timestamp());
					create table reliability_check.job_done (task_instance text, instance text,
					  at timestamptz not null default clock_timestamp())""").update();
			String[] arguments = { "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
					"--trithuc.test.slow-job.steps=" + STEPS, "--trithuc.test.slow-job.step-millis=250",
					"--db-scheduler.polling-interval=1s", "--db-scheduler.heartbeat-interval=" + HEARTBEAT.toSeconds() + "s",
					"--db-scheduler.missed-heartbeats-limit=" + MISSED_HEARTBEATS };
			// one after the other: the first migrates the schema
			try (var first = ChildApplication.start(WORK.resolve("first.log"), Duration.ofSeconds(120), arguments);
					var second = ChildApplication.start(WORK.resolve("second.log"), Duration.ofSeconds(120), arguments)) {
				System.out.printf("job-kill-test: both instances up %d ms%n", (System.nanoTime() - started) / 1_000_000);
				var task = Tasks.oneTime(SlowJobConfiguration.TASK).execute((instance, context) -> {
				});
				var client = SchedulerClient.Builder.create(dataSource, List.of(task)).tableName("shared.scheduled_tasks")
					.build();
				assertThat(client.scheduleIfNotExists(task.instance("run-1"), Instant.now())).isTrue();

				// whichever instance picked it: kill it once it has done a few steps
				long runner = Long.parseLong(awaitValue(db, "select instance from reliability_check.job_step "
						+ "where step >= 5 limit 1", Duration.ofSeconds(60)));
				var victim = runner == first.pid() ? first : second;
				var survivor = victim == first ? second : first;
				assertThat(runner).isIn(first.pid(), second.pid());
				victim.kill();
				var killedAt = Instant.now();
				int stepsBeforeKill = db.sql("select count(*) from reliability_check.job_step").query(Integer.class).single();
				assertThat(stepsBeforeKill).as("killed in the middle of the run").isLessThan(STEPS);

				awaitValue(db, "select instance from reliability_check.job_done", Duration.ofSeconds(90));
				var tookOver = db.sql("select min(at) from reliability_check.job_start where instance = ?")
					.param(String.valueOf(survivor.pid())).query(java.sql.Timestamp.class).single().toInstant();
				System.out.printf("job-kill-test: killed pid %d after %d of %d steps; pid %d took over after %d ms%n",
						victim.pid(), stepsBeforeKill, STEPS, survivor.pid(),
						Duration.between(killedAt, tookOver).toMillis());
				Thread.sleep(3 * HEARTBEAT.toMillis() * MISSED_HEARTBEATS); // time for a wrong second run to show

				assertThat(db.sql("select instance from reliability_check.job_done").query(String.class).list())
					.as("completed exactly once, by the survivor").containsExactly(String.valueOf(survivor.pid()));
				assertThat(db.sql("select count(*) from reliability_check.job_step").query(Integer.class).single())
					.as("every step done once").isEqualTo(STEPS);
				assertThat(db.sql("select instance, from_step from reliability_check.job_start order by at")
					.query((rs, n) -> rs.getString(1) + "@" + rs.getInt(2)).list())
					.as("started by the killed instance, resumed once by the survivor after its last committed step")
					.hasSize(2)
					.first().isEqualTo(victim.pid() + "@1");
				assertThat(tookOver).as("taken over only after the missed heartbeats")
					.isAfter(killedAt.plus(HEARTBEAT.multipliedBy(MISSED_HEARTBEATS - 2)));
				assertThat(db.sql("select count(*) from shared.scheduled_tasks where task_name = ?")
					.param(SlowJobConfiguration.TASK).query(Integer.class).single())
					.as("a completed one-time job is no longer scheduled").isZero();
				assertThat(survivor.isAlive()).isTrue();
			}
		}
		System.out.printf("job-kill-test: total %d ms%n", (System.nanoTime() - started) / 1_000_000);
	}

	private static String awaitValue(JdbcClient db, String sql, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var value = db.sql(sql).query(String.class).optional();
			if (value.isPresent()) {
				return value.get();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("nothing within " + timeout + ": " + sql);
	}
}
