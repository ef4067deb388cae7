package vn.trithuc.planning.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.registry.PeopleBulkLoaded;
import vn.trithuc.registry.PeopleMerged;
import vn.trithuc.registry.PersonChanged;
import vn.trithuc.registry.PersonFacts;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.PersonRegistered;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.Sex;
import vn.trithuc.shared.CopyText;

/**
 * The intellectual workforce as planning sees it: planning.workforce_period, this module's copy of each person's facts
 * through time read through the registry's public API ({@link RegistryFacts}), with the roadmap's first day of
 * retirement computed on write. Kept current like analytics: right after the registry's transaction commits, the
 * person's timeline is read again and replaced (a bulk load re-reads everybody); filled at the first start. The
 * forecasts, balances, rates and compliance aggregate it in SQL ({@link #FROM}).
 */
@Component
public class Workforce {

	private static final Logger log = LoggerFactory.getLogger(Workforce.class);
	private static final long LOCK = 4_545_2024L;

	static final String COLUMNS = "person_id, valid_from, valid_to, sex, birth_date, birth_year, ethnic_group, degree, field, "
			+ "academic_title, category, org_unit, residence, party";

	private final RegistryFacts registry;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate transactions;
	private final Clock clock;

	Workforce(RegistryFacts registry, JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
		// after the registry's commit, in a transaction of its own
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// ---------------------------------------------------------------- reading

	/** The condition "valid on :d" (bind {@code d}). */
	static String validOn(String date) {
		return "(w.valid_from is null or w.valid_from <= " + date + ") and (w.valid_to is null or w.valid_to >= " + date + ")";
	}

	/** The condition "in the scope" on w.org_unit; binds {@code units} when the scope is not the whole province. */
	static String inScope(Scope scope, Map<String, Object> params) {
		if (scope.whole()) {
			return "true";
		}
		params.put("units", scope.units().stream().map(UUID::toString).toArray(String[]::new));
		return "w.org_unit = any(cast(:units as uuid[]))";
	}

	/** The people who count as intellectuals on {@code date} and whose unit then lies in {@code scope}. */
	public List<PersonFacts> asOf(LocalDate date, Scope scope) {
		var params = new java.util.HashMap<String, Object>();
		params.put("d", date);
		return jdbc.sql("select " + prefixed() + " from planning.workforce_period w where " + validOn(":d") + " and " + inScope(scope, params))
			.params(params).query((rs, n) -> facts(rs, 1)).list();
	}

	/** The people who count as intellectuals on {@code date} and work in one of {@code units}. */
	public List<PersonFacts> asOfIn(LocalDate date, java.util.Collection<UUID> units) {
		if (units.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + prefixed() + " from planning.workforce_period w where " + validOn(":d")
				+ " and w.org_unit = any(cast(:units as uuid[]))")
			.param("d", date).param("units", units.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> facts(rs, 1)).list();
	}

	static String prefixed() {
		return "w." + COLUMNS.replace(", ", ", w.");
	}

	/** The person's facts from the columns {@link #COLUMNS} starting at {@code first}. */
	static PersonFacts facts(ResultSet rs, int first) throws SQLException {
		int i = first;
		return new PersonFacts(new PersonId(rs.getObject(i, UUID.class)), rs.getObject(i + 1, LocalDate.class),
				rs.getObject(i + 2, LocalDate.class), Sex.valueOf(rs.getString(i + 3)), rs.getObject(i + 4, LocalDate.class),
				(Integer) rs.getObject(i + 5), rs.getString(i + 6), rs.getString(i + 7), rs.getString(i + 8), rs.getString(i + 9),
				rs.getString(i + 10), rs.getObject(i + 11, UUID.class), rs.getObject(i + 12, UUID.class), rs.getBoolean(i + 13));
	}

	// ---------------------------------------------------------------- keeping it current

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

	/** Loads of more than this share of the copied periods are re-read in full (as analytics does). */
	static final double REBUILD_SHARE = 0.5;
	private static final int BULK_BATCH = 5_000;

	/** Timelines read from the registry since start (every person re-read counts once). */
	private final java.util.concurrent.atomic.AtomicLong timelinesRead = new java.util.concurrent.atomic.AtomicLong();

	long timelinesRead() {
		return timelinesRead.get();
	}

	/** Many people loaded at once: only their timelines are read (set-based, in batches) and their copies replaced. */
	void refreshAll(List<PersonId> people) {
		if (people.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(s -> {
			lock();
			long copied = jdbc.sql("select count(*) from planning.workforce_period").query(Long.class).single();
			if (people.size() > REBUILD_SHARE * copied) {
				reload();
				return;
			}
			long started = System.nanoTime();
			for (int from = 0; from < people.size(); from += BULK_BATCH) {
				var batch = people.subList(from, Math.min(people.size(), from + BULK_BATCH));
				jdbc.sql("delete from planning.workforce_period where person_id = any(cast(:p as uuid[]))")
					.param("p", batch.stream().map(PersonId::toString).toArray(String[]::new)).update();
				var text = new StringBuilder();
				registry.forEachTimeline(batch, timeline -> {
					timelinesRead.incrementAndGet();
					timeline.forEach(f -> line(text, f));
				});
				copy(text);
			}
			log.info("Planning: workforce of {} loaded people read in {} ms", people.size(), (System.nanoTime() - started) / 1_000_000);
		});
	}

	/** Fills the copy at the first start (checked under the writers' lock: another instance may be filling it). */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		transactions.executeWithoutResult(s -> {
			lock();
			if (!jdbc.sql("select exists (select 1 from planning.workforce_state)").query(Boolean.class).single()) {
				reload();
			}
		});
	}

	/** One person's copy replaced by their current timeline (the write cost each registry change adds). */
	public void refresh(PersonId person) {
		transactions.executeWithoutResult(s -> {
			lock();
			var timeline = registry.timeline(person);
			timelinesRead.incrementAndGet();
			jdbc.sql("delete from planning.workforce_period where person_id = :p").param("p", person.value()).update();
			var text = new StringBuilder();
			timeline.forEach(f -> line(text, f));
			copy(text);
		});
	}

	/** Everybody again from the registry. */
	void reloadAll() {
		transactions.executeWithoutResult(s -> {
			lock();
			reload();
		});
	}

	private void reload() {
		long started = System.nanoTime();
		jdbc.sql("truncate planning.workforce_period").update();
		var text = new StringBuilder();
		long[] people = { 0 };
		registry.forEachTimeline(timeline -> {
			people[0]++;
			timelinesRead.incrementAndGet();
			timeline.forEach(f -> line(text, f));
			if (text.length() > 4_000_000) {
				copy(text);
				text.setLength(0);
			}
		});
		copy(text);
		jdbc.sql("analyze planning.workforce_period").update();
		jdbc.sql("""
				insert into planning.workforce_state (id, loaded_at) values (1, :t)
				on conflict (id) do update set loaded_at = excluded.loaded_at""").param("t", OffsetDateTime.now(clock)).update();
		log.info("Planning: workforce of {} people read in {} ms", people[0], (System.nanoTime() - started) / 1_000_000);
	}

	private void lock() {
		jdbc.sql("select 1 from pg_advisory_xact_lock(:k)").param("k", LOCK).query(Integer.class).single();
	}

	private void copy(StringBuilder text) {
		if (text.isEmpty()) {
			return;
		}
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy planning.workforce_period (" + COLUMNS + ", roadmap_date) from stdin", new StringReader(text.toString()));
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("copy into planning.workforce_period failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void line(StringBuilder out, PersonFacts f) {
		CopyText.line(out, f.person().value(), f.validFrom(), f.validTo(), f.sex().name(), f.birthDate(), f.birthYear(),
				f.ethnicGroup(), f.degree(), f.fieldOfStudy(), f.academicTitle(), f.personnelCategory(), f.orgUnit(),
				f.residence(), f.partyMember(), RetirementForecast.roadmapDate(f).orElse(null));
	}
}
