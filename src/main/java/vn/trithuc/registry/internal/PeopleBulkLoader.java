package vn.trithuc.registry.internal;

import vn.trithuc.shared.CopyText;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import vn.trithuc.registry.PeopleBulkLoaded;

/**
 * Loads many generated people fast with PostgreSQL COPY (profiles, parts, one change-log row each), then the
 * name-token vocabulary. Joins the caller's transaction.
 */
@Component
public class PeopleBulkLoader {

	private static final int BATCH = 5_000;
	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PeopleBulkLoader.class);

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final RegistryCodes codes;

	PeopleBulkLoader(DataSource dataSource, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
			RegistryCodes codes) {
		this.codes = codes;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Generates and loads {@code count} people. @return the number loaded */
	public long load(PeopleGenerator generator, long count, String actor) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			var now = Instant.now(clock).toString();
			long loaded = 0;
			var ids = new java.util.ArrayList<vn.trithuc.registry.PersonId>((int) Math.min(count, 1_000_000));
			// code names and provinces are few: look each up once per load
			var fieldNames = new java.util.HashMap<String, String>();
			var provinces = new java.util.HashMap<UUID, java.util.Optional<UUID>>();
			Derived derived = new Derived(parts -> SearchDocument.of(parts,
					code -> fieldNames.computeIfAbsent(code, c -> codes.name("fields-of-study", c))),
					unit -> unit == null ? null : provinces.computeIfAbsent(unit, codes::provinceOf).orElse(null));
			while (loaded < count) {
				int n = (int) Math.min(BATCH, count - loaded);
				var people = new StringBuilder(n * 300);
				var parts = new StringBuilder(n * 800);
				var log = new StringBuilder(n * 120);
				for (int i = 0; i < n; i++) {
					var g = generator.next();
					ids.add(new vn.trithuc.registry.PersonId(g.id()));
					row(people, g, now, derived);
					for (var part : g.parts()) {
						CopyText.line(parts, part.id(), g.id(), part.kind().name(), part.validFrom(), part.validTo(),
								Profiles.JSON.writeValueAsString(part.attributes()), now);
					}
					CopyText.line(log, g.id(), 1, now, actor, "CREATED", null, null, g.data().fullName());
				}
				copy.copyIn("copy registry.person (id, version, family_name, middle_name, given_name, other_names, sex, "
						+ "birth_date, birth_year, ethnic_group, religion, national_id, old_id, hometown, residence, phone, email, "
						+ "user_account, name_tokens, name_key, current_org_unit, personnel_category, highest_degree, party_member, "
						+ "talent, created_at, updated_at, fields, academic_title, expertise, residence_province, hometown_province) "
						+ "from stdin", new StringReader(people.toString()));
				copy.copyIn("copy registry.person_part (id, person_id, kind, valid_from, valid_to, attributes, created_at) from stdin",
						new StringReader(parts.toString()));
				copy.copyIn("copy registry.change_log (person_id, version, at, actor, action, field, old_value, new_value) from stdin",
						new StringReader(log.toString()));
				loaded += n;
			}
			jdbc.sql("""
					insert into registry.name_token (token)
					select distinct unnest(name_tokens) from registry.person on conflict do nothing""").update();
			// fresh statistics, so that the first searches after a big load get good plans
			jdbc.sql("analyze registry.person").update();
			jdbc.sql("analyze registry.person_part").update();
			jdbc.sql("analyze registry.name_token").update();
			events.publishEvent(PeopleBulkLoaded.of(ids));
			return loaded;
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("bulk load failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * A person of an import, with the education level code of the file's degree column (or null) and where the
	 * person comes from (job, file, row), written into the person's one change-log entry.
	 */
	record Imported(PersonData data, @org.jspecify.annotations.Nullable String degree,
			@org.jspecify.annotations.Nullable UUID unit, String source) {
	}

	/**
	 * Inserts checked people of an import with COPY in the caller's transaction: profile, a degree part, one change-log
	 * entry each naming its {@link Imported#source()} (the import job, file and row, whose stored file holds every
	 * value), the name tokens. The people must be new (national IDs unused, checked by the caller: one registered since
	 * fails the COPY with a {@link org.springframework.dao.DuplicateKeyException}, before any event). Listeners get one
	 * {@link PeopleBulkLoaded}.
	 * @return the ids, in the order given
	 */
	public List<UUID> insertImported(List<Imported> people, String actor) {
		return insertImported(people, actor, done -> {
		});
	}

	/** {@link #insertImported(List, String)}, telling {@code progress} the people inserted after each batch. */
	List<UUID> insertImported(List<Imported> people, String actor, java.util.function.IntConsumer progress) {
		var connection = DataSourceUtils.getConnection(dataSource);
		// the COPY text of the next batch is built on another thread while PostgreSQL takes the current one
		var builder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
			var thread = new Thread(r, "import-copy-text");
			thread.setDaemon(true);
			return thread;
		});
		try {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			var text = new CopyBatches(people, actor, Instant.now(clock).toString(), java.time.LocalDate.now(clock));
			var ids = new java.util.ArrayList<UUID>(people.size());
			var tokens = new java.util.HashSet<String>();
			long[] nanos = new long[5]; // waiting for rows, person, person_part, change_log, name tokens and event
			var next = java.util.concurrent.CompletableFuture.supplyAsync(() -> text.batch(0), builder);
			for (int from = 0; from < people.size(); from += BATCH) {
				long t0 = System.nanoTime();
				var batch = next.join();
				if (from + BATCH < people.size()) {
					int following = from + BATCH;
					next = java.util.concurrent.CompletableFuture.supplyAsync(() -> text.batch(following), builder);
				}
				ids.addAll(batch.ids());
				tokens.addAll(batch.tokens());
				long t1 = System.nanoTime();
				copy.copyIn("copy registry.person (id, version, family_name, middle_name, given_name, other_names, sex, "
						+ "birth_date, birth_year, ethnic_group, religion, national_id, old_id, hometown, residence, phone, email, "
						+ "user_account, name_tokens, name_key, current_org_unit, personnel_category, highest_degree, party_member, "
						+ "talent, created_at, updated_at) from stdin", new StringReader(batch.people()));
				long t2 = System.nanoTime();
				if (!batch.parts().isEmpty()) {
					// every part belongs to a person of this batch, just inserted by this transaction (its ids made
					// here): the foreign-key trigger, half of this COPY's time, can prove nothing more
					boolean skip = skipsOwnForeignKeys(connection);
					try (var statement = connection.createStatement()) {
						if (skip) {
							statement.execute("set local session_replication_role = replica");
						}
						copy.copyIn("copy registry.person_part (id, person_id, kind, valid_from, valid_to, attributes, created_at) from stdin",
								new StringReader(batch.parts()));
						if (skip) {
							statement.execute("set local session_replication_role = origin");
						}
					}
				}
				long t3 = System.nanoTime();
				copy.copyIn("copy registry.change_log (person_id, version, at, actor, action, field, old_value, new_value) from stdin",
						new StringReader(batch.log()));
				long t4 = System.nanoTime();
				nanos[0] += t1 - t0;
				nanos[1] += t2 - t1;
				nanos[2] += t3 - t2;
				nanos[3] += t4 - t3;
				progress.accept(from + batch.ids().size());
			}
			long t5 = System.nanoTime();
			jdbc.sql("insert into registry.name_token (token) select unnest(:tokens) on conflict do nothing")
				.param("tokens", tokens.toArray(String[]::new)).update();
			events.publishEvent(PeopleBulkLoaded.of(ids.stream().map(vn.trithuc.registry.PersonId::new).toList()));
			nanos[4] = System.nanoTime() - t5;
			log.debug("imported {} people: waiting for rows {} ms, COPY person {} ms, person_part {} ms, change_log {} ms, "
					+ "name tokens and event {} ms", people.size(), nanos[0] / 1_000_000, nanos[1] / 1_000_000,
					nanos[2] / 1_000_000, nanos[3] / 1_000_000, nanos[4] / 1_000_000);
			return ids;
		}
		catch (java.util.concurrent.CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException("bulk import failed", e);
		}
		catch (SQLException e) {
			if ("23505".equals(e.getSQLState())) { // unique_violation: a national ID registered since the caller's check
				throw new org.springframework.dao.DuplicateKeyException("bulk import: " + e.getMessage(), e);
			}
			throw new IllegalStateException("bulk import failed", e);
		}
		catch (IOException e) {
			throw new IllegalStateException("bulk import failed", e);
		}
		finally {
			builder.shutdownNow();
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private volatile @org.jspecify.annotations.Nullable Boolean skipsOwnForeignKeys;

	/**
	 * Whether the import may turn off the foreign-key triggers for the rows it links to the people it has just inserted
	 * ({@code session_replication_role}: a superuser, as the embedded database's, or a role granted it), and is in a
	 * transaction ({@code set local} lasts until its end; the apply always is).
	 */
	private boolean skipsOwnForeignKeys(java.sql.Connection connection) throws SQLException {
		var may = skipsOwnForeignKeys;
		if (may == null) {
			may = skipsOwnForeignKeys = Boolean.TRUE.equals(jdbc.sql("""
					select rolsuper or has_parameter_privilege('session_replication_role', 'SET')
					from pg_roles where rolname = current_user""").query(Boolean.class).optional().orElse(false));
		}
		return may && !connection.getAutoCommit();
	}

	/** The COPY text of one batch of an import and the ids and name tokens in it. */
	private record CopyBatch(List<UUID> ids, java.util.Set<String> tokens, String people, String parts, String log) {
	}

	/** Builds the COPY text of an import's batches (on one thread: its caches are not shared). */
	private static final class CopyBatches {

		private final List<Imported> people;
		private final String actor;
		private final String now;
		private final java.time.LocalDate today;
		// a file names a few education levels and units: each part's JSON is written once
		private final java.util.Map<String, String> degreeJson = new java.util.HashMap<>();
		private final java.util.Map<UUID, String> unitJson = new java.util.HashMap<>();

		CopyBatches(List<Imported> people, String actor, String now, java.time.LocalDate today) {
			this.people = people;
			this.actor = actor;
			this.now = now;
			this.today = today;
		}

		CopyBatch batch(int from) {
			var batch = people.subList(from, Math.min(people.size(), from + BATCH));
			var ids = new java.util.ArrayList<UUID>(batch.size());
			var tokens = new java.util.HashSet<String>();
			var rows = new StringBuilder(batch.size() * 300);
			var parts = new StringBuilder(batch.size() * 160);
			var log = new StringBuilder(batch.size() * 160);
			for (var person : batch) {
				var id = timeOrderedId();
				ids.add(id);
				var d = person.data();
				var name = NameTokens.ofName(d.familyName(), d.middleName(), d.givenName(), d.otherNames());
				tokens.addAll(name.tokens());
				CopyText.line(rows, id, 1, d.familyName(), d.middleName(), d.givenName(), d.otherNames(), d.sex().name(),
						d.birthDate(), d.birthYear(), d.ethnicGroup(), d.religion(), d.nationalId(), d.oldId(), d.hometown(),
						d.residence(), d.phone(), d.email(), d.userAccount(), array(name.tokens()), name.key(), person.unit(), null,
						person.degree(), false, false, now, now);
				if (person.unit() != null) {
					// the unit column (or the uploader's scope unit): a position there from the day of the import
					CopyText.line(parts, timeOrderedId(), id, PartKind.POSITION.name(), today, null,
							unitJson.computeIfAbsent(person.unit(),
									unit -> Profiles.JSON.writeValueAsString(java.util.Map.of("orgUnit", unit.toString()))), now);
				}
				if (person.degree() != null) {
					CopyText.line(parts, timeOrderedId(), id, PartKind.DEGREE.name(), null, null,
							degreeJson.computeIfAbsent(person.degree(),
									level -> Profiles.JSON.writeValueAsString(java.util.Map.of("level", level))), now);
				}
				// one entry per person (who, when, which job, file and row), not one per field: the values are
				// those of the job's stored file, which is kept with the job
				CopyText.line(log, id, 1, now, actor, "IMPORTED", null, null, d.fullName() + " (" + person.source() + ")");
			}
			return new CopyBatch(ids, tokens, rows.toString(), parts.toString(), log.toString());
		}
	}

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
	private static final java.util.concurrent.atomic.AtomicLong LAST_STAMP = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * A UUID version 7 (RFC 9562): the milliseconds since 1970 and a 12-bit sequence (method 3: the 60 bits only go up
	 * within this JVM), then 62 random bits. Ids of a bulk import so rise in the order inserted: each new key lands on
	 * the rightmost page of the primary-key and person_part indexes instead of a random one among a million.
	 */
	static UUID timeOrderedId() {
		long now = System.currentTimeMillis() << 12;
		long stamp = LAST_STAMP.updateAndGet(last -> Math.max(now, last + 1));
		long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
		long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private record Derived(java.util.function.Function<List<Part>, SearchDocument> document,
			java.util.function.Function<UUID, UUID> province) {
	}

	private static void row(StringBuilder out, PeopleGenerator.Generated g, String now, Derived derived) {
		var d = g.data();
		var document = derived.document().apply(g.parts());
		var tokens = NameTokens.of(d.familyName(), d.middleName(), d.givenName(), d.otherNames());
		CopyText.line(out, g.id(), 1, d.familyName(), d.middleName(), d.givenName(), d.otherNames(), d.sex().name(), d.birthDate(),
				d.birthYear(), d.ethnicGroup(), d.religion(), d.nationalId(), d.oldId(), d.hometown(), d.residence(), d.phone(),
				d.email(), d.userAccount(), array(tokens), NameTokens.key(d.familyName(), d.middleName(), d.givenName()),
				g.currentOrgUnit(), g.personnelCategory(), g.highestDegree(), g.partyMember(), g.talent(), now, now,
				array(document.fields()), document.academicTitle(), document.expertise(), derived.province().apply(d.residence()),
				derived.province().apply(d.hometown()));
	}


	/** A text[] literal: {"a","b"} with quotes and backslashes escaped. */
	static String array(List<String> values) {
		var text = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return text.append('}').toString();
	}

	/** People loaded by the generator are recognisable by their change-log actor. */
	public long countLoadedBy(String actor) {
		return jdbc.sql("select count(*) from registry.change_log where actor = :a and action = 'CREATED'").param("a", actor)
			.query(Long.class).single();
	}

}
