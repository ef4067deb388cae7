package vn.trithuc.analytics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.orgunit.OrgUnitEvents;
import vn.trithuc.registry.PeopleBulkLoaded;
import vn.trithuc.registry.PeopleMerged;
import vn.trithuc.registry.PersonChanged;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.PersonRegistered;
import vn.trithuc.registry.RegistryFacts;

/**
 * Keeps analytics current on write: right after the registry's transaction commits (synchronously, so that the
 * next page already shows the change; the cost is measured by the benchmark), every registry event re-reads that person's facts through the registry's API,
 * replaces the copy and moves the snapshot counts; a bulk load reads the people it names only (set-based) and moves
 * their counts, or re-reads everybody when it names nobody or is large. Writers take one advisory lock,
 * so that a rebuild and a change never interleave. At start and just after midnight the wanted snapshots (a new
 * "today") are built.
 */
@Component
class AnalyticsUpdater {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsUpdater.class);
	private static final long LOCK = 4_545_2023L;

	private final RegistryFacts registry;
	private final FactStore facts;
	private final Snapshots snapshots;
	private final AreaResolver areas;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final SectorPolicy sectors;
	private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
		var thread = new Thread(r, "analytics-snapshots");
		thread.setDaemon(true);
		return thread;
	});

	AnalyticsUpdater(RegistryFacts registry, FactStore facts, Snapshots snapshots, AreaResolver areas, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, SectorPolicy sectors) {
		this.sectors = sectors;
		this.registry = registry;
		this.facts = facts;
		this.snapshots = snapshots;
		this.areas = areas;
		this.jdbc = jdbc;
		// after the registry's commit, in a transaction of its own
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(PersonRegistered event) {
		refresh(event.person());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(PersonChanged event) {
		refresh(event.person());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(PeopleMerged event) {
		refresh(event.merged());
		refresh(event.survivor());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(PeopleBulkLoaded event) {
		if (event.everybody()) {
			reloadAll();
		}
		else {
			refreshAll(event.people());
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(OrgUnitEvents.OrgUnitCreated event) {
		areas.forget();
		sectors.forget();
	}

	/**
	 * A change that reclassifies everybody (a remote-area list): made under the writers' lock together with dropping
	 * every snapshot, so that figures are computed from the facts until the snapshots are built again in the
	 * background.
	 */
	<T> T reclassifying(java.util.function.Supplier<T> change) {
		T result = transactions.execute(s -> {
			lock();
			T r = change.get();
			jdbc.sql("delete from analytics.snapshot").update();
			return r;
		});
		background.submit(() -> {
			try {
				ensureSnapshots();
			}
			catch (RuntimeException e) {
				log.warn("Analytics: snapshots not rebuilt after a reclassifying change", e);
			}
		});
		return result;
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		background.shutdownNow();
	}

	/**
	 * Loads of more than this share of the fact periods already copied (about one per person) rebuild everything
	 * instead. Measured by BulkLoadUpdateBenchmark (10k into 100k, one run): the incremental path costs about
	 * 0.17 ms per person loaded, the rebuild about 0.16 ms per person in the registry, so the rebuild only pays for
	 * a load about as large as what is there; half leaves a margin and keeps an empty copy on the rebuild path.
	 */
	static final double REBUILD_SHARE = 0.5;
	private static final int BULK_BATCH = 5_000;

	/** Timelines read from the registry since start (every person re-read counts once). */
	private final java.util.concurrent.atomic.AtomicLong timelinesRead = new java.util.concurrent.atomic.AtomicLong();

	long timelinesRead() {
		return timelinesRead.get();
	}

	/**
	 * Many people loaded at once: only their facts are read (set-based, in batches) and their counts moved in every
	 * snapshot; a load larger than {@link #REBUILD_SHARE} of the copy rebuilds everything instead.
	 */
	void refreshAll(java.util.List<PersonId> people) {
		if (people.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(s -> {
			lock();
			long copied = facts.periods();
			if (people.size() > REBUILD_SHARE * copied) {
				log.info("Analytics: {} people loaded into a copy of {} periods, rebuilding everything", people.size(), copied);
				reloadAllLocked();
				return;
			}
			long started = System.nanoTime();
			for (int from = 0; from < people.size(); from += BULK_BATCH) {
				var batch = people.subList(from, Math.min(people.size(), from + BULK_BATCH));
				var ids = batch.stream().map(PersonId::value).toList();
				var before = facts.loadAll(ids);
				var after = new java.util.ArrayList<vn.trithuc.registry.PersonFacts>();
				registry.forEachTimeline(batch, timeline -> {
					timelinesRead.incrementAndGet();
					after.addAll(timeline);
				});
				facts.replaceAll(ids, after);
				snapshots.apply(before, after);
			}
			log.info("Analytics: facts of {} loaded people read and added in {} ms", people.size(),
					(System.nanoTime() - started) / 1_000_000);
		});
	}

	/** One person: old facts out of every snapshot, new facts in. */
	void refresh(PersonId person) {
		transactions.executeWithoutResult(s -> {
			lock();
			var before = facts.load(person.value());
			var after = registry.timeline(person);
			timelinesRead.incrementAndGet();
			facts.replace(person.value(), after);
			snapshots.apply(before, after);
		});
	}

	/** Everybody again from the registry, then every snapshot. */
	void reloadAll() {
		transactions.executeWithoutResult(s -> {
			lock();
			reloadAllLocked();
		});
	}

	private void reloadAllLocked() {
		long started = System.nanoTime();
		long people = facts.reloadAll(registry);
		timelinesRead.addAndGet(people);
		long read = System.nanoTime();
		areas.forget();
		snapshots.rebuildAll();
		log.info("Analytics: facts of {} people read in {} ms, snapshots {} built in {} ms", people,
				(read - started) / 1_000_000, snapshots.present(), (System.nanoTime() - read) / 1_000_000);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (facts.isEmpty() && !registry.people().isEmpty()) {
			reloadAll();
		}
		else {
			ensureSnapshots();
		}
	}

	/** A new day: today's snapshot is built, yesterday's dropped (unless a year-end). */
	@Scheduled(cron = "0 5 0 * * *", zone = "Asia/Ho_Chi_Minh")
	void ensureSnapshots() {
		transactions.executeWithoutResult(s -> {
			lock();
			snapshots.ensure();
		});
	}

	private void lock() {
		jdbc.sql("select 1 from pg_advisory_xact_lock(:k)").param("k", LOCK).query(Integer.class).single();
	}
}
