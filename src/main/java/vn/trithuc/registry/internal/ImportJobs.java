package vn.trithuc.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import vn.trithuc.registry.internal.ImportProgress.Phase;

/**
 * The dry run and the apply of an import run in the background as db-scheduler one-time tasks (cluster-safe, kept in
 * PostgreSQL; one task instance per piece of work, named after the job). Their progress goes to
 * {@code registry.import_progress} in small transactions of their own, throttled, so that the job page can poll it
 * while the apply's one transaction is still open. A job is "working" while its task instance is scheduled, and for
 * the apply only while the apply's transaction holds the job row: after a kill -9 the lock is gone at once and the
 * page shows the job as interrupted (the task instance of a dead apply is cancelled, never re-run by itself).
 */
@Component
public class ImportJobs {

	static final String TASK = "registry-import";
	static final String CHECK = "CHECK";
	static final String APPLY = "APPLY:";
	private static final Duration WRITE_EVERY = Duration.ofMillis(300);
	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** Where a job stands; {@code working} = its background work is still running. */
	public record State(UUID job, Phase phase, int done, int total, boolean working) {

		public int percent() {
			if (phase == Phase.CHECKED || phase == Phase.DONE) {
				return 100;
			}
			return total <= 0 ? 0 : (int) Math.min(100, 100L * done / total);
		}
	}

	private final JdbcClient jdbc;
	private final SchedulerClient scheduler;
	private final OneTimeTask<String> task;
	private final SpreadsheetImport imports;
	private final Clock clock;
	private final TransactionTemplate separately;
	private final RegistryScope scope;

	ImportJobs(JdbcClient jdbc, @Lazy SchedulerClient scheduler, @Lazy OneTimeTask<String> registryImportTask,
			SpreadsheetImport imports, Clock clock, PlatformTransactionManager transactions, RegistryScope scope) {
		this.scope = scope;
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.task = registryImportTask;
		this.imports = imports;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Stores the uploaded file and starts its dry run in the background. @return the job id */
	public UUID upload(@org.jspecify.annotations.Nullable String fileName, byte[] content, Caller caller) {
		var job = imports.store(fileName, content, caller.username(), scope.scopeRootOf(caller).orElse(null));
		start(job, CHECK);
		return job;
	}

	/** Starts the apply in the background. @return false if the job is working already (dry run or apply) */
	public boolean apply(UUID job, String actor) {
		if (state(job).working()) {
			return false;
		}
		start(job, APPLY + actor);
		return true;
	}

	private void start(UUID job, String work) {
		var instance = job + "." + UUID.randomUUID().toString().substring(0, 8);
		separately.executeWithoutResult(s -> jdbc.sql("""
				insert into registry.import_progress (job_id, phase, done, total, updated_at, task_instance)
				values (:id, 'QUEUED', 0, 0, :now, :instance)
				on conflict (job_id) do update set phase = 'QUEUED', done = 0, total = 0, updated_at = excluded.updated_at,
				  task_instance = excluded.task_instance""")
			.param("id", job).param("now", Timestamp.from(clock.instant())).param("instance", instance).update());
		scheduler.scheduleIfNotExists(task.instance(instance, work), clock.instant());
	}

	/** Runs one piece of work (the task's handler). */
	void run(UUID job, String data) {
		var progress = tracker(job);
		try {
			if (data.startsWith(APPLY)) {
				imports.apply(job, data.substring(APPLY.length()), progress);
				write(job, Phase.DONE, 1, 1);
			}
			else {
				imports.checkStored(job, progress);
				write(job, Phase.CHECKED, 1, 1);
			}
		}
		catch (RuntimeException e) {
			log.warn("Import job {} failed", job, e);
			write(job, Phase.FAILED, 0, 0);
			throw e;
		}
	}

	/**
	 * Where the job stands. An apply is working while its transaction holds the job row; the row's phase and status
	 * are read again once that check has found it free, so that an apply which committed between the first read and
	 * the check shows as done, never as not working with the "interrupted" mark its transaction was about to replace.
	 */
	public State state(UUID job) {
		var instance = new String[1];
		var row = read(job, instance);
		if (row.isEmpty()) {
			// a job from before background work, or uploaded through the service directly: its dry run is done
			return new State(job, Phase.CHECKED, 1, 1, false);
		}
		var state = row.get();
		boolean working = false;
		if (state.phase().working() && instance[0] != null) {
			var execution = scheduler.getScheduledExecution(TaskInstanceId.of(TASK, instance[0]));
			working = execution.isPresent();
			if (working && state.phase() != Phase.QUEUED && execution.get().isPicked()
					&& String.valueOf(execution.get().getData()).startsWith(APPLY)) {
				// past QUEUED an apply (its re-check included) runs while its transaction holds the job row: it
				// reports its first phase only once it holds it
				working = applyHoldsTheJob(job);
			}
			if (!working) {
				// the work has ended (committed, failed or died) since the row was read: its final phase and status
				state = read(job, instance).orElse(state);
			}
		}
		return new State(job, state.phase(), state.done(), state.total(), working);
	}

	private java.util.Optional<State> read(UUID job, String[] instance) {
		return jdbc.sql("""
				select p.phase, p.done, p.total, p.task_instance, j.status from registry.import_progress p
				join registry.import_job j on j.id = p.job_id where p.job_id = :id""")
			.param("id", job).query((rs, n) -> {
				instance[0] = rs.getString(4);
				var phase = Phase.valueOf(rs.getString(1));
				// the apply's transaction has committed; its last progress write may not have followed yet
				if (phase == Phase.APPLYING && "APPLIED".equals(rs.getString(5))) {
					return new State(job, Phase.DONE, 1, 1, false);
				}
				return new State(job, phase, rs.getInt(2), rs.getInt(3), false);
			}).optional();
	}

	/** Whether an apply's transaction holds the job row now (it dies with the apply's connection). */
	private boolean applyHoldsTheJob(UUID job) {
		return Boolean.TRUE.equals(separately.execute(s -> jdbc.sql("""
				select id from registry.import_job where id = :id for update skip locked""").param("id", job)
			.query(UUID.class).optional().isEmpty()));
	}

	/** A progress writer for one job: at most one small transaction per {@link #WRITE_EVERY}, and at each new phase. */
	ImportProgress tracker(UUID job) {
		return new ImportProgress() {
			private Phase last;
			private Instant written = Instant.EPOCH;

			@Override
			public void at(Phase phase, int done, int total) {
				var now = clock.instant();
				if (phase != last || done >= total || Duration.between(written, now).compareTo(WRITE_EVERY) >= 0) {
					write(job, phase, done, total);
					last = phase;
					written = now;
				}
			}
		};
	}

	private void write(UUID job, Phase phase, int done, int total) {
		separately.executeWithoutResult(s -> jdbc.sql("""
				insert into registry.import_progress (job_id, phase, done, total, updated_at) values (:id, :phase, :done, :total, :now)
				on conflict (job_id) do update set phase = excluded.phase, done = excluded.done, total = excluded.total,
				  updated_at = excluded.updated_at""")
			.param("id", job).param("phase", phase.name()).param("done", done).param("total", total)
			.param("now", Timestamp.from(clock.instant())).update());
	}
}
