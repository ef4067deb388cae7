package vn.trithuc.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Duplicates (issue 6): the same national ID is the same person — the unique index and
 * {@link Profiles#validate} refuse a second one. Without a national ID, a person whose folded full name and
 * birth date (or birth year when only the year is known) equal an existing person's, and whose hometown does not
 * differ, is routed to duplicate review instead of being created.
 */
@Component
public class DuplicateRule {

	private final JdbcClient jdbc;
	private final Clock clock;

	DuplicateRule(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The existing person the new one probably is, if any. */
	public Optional<UUID> findMatch(PersonData data) {
		if (data.birthYear() == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id from registry.person
				where name_key = :key and birth_year = :year and merged_into is null
				  and (birth_date is null or cast(:date as date) is null or birth_date = cast(:date as date))
				  and (hometown is null or cast(:hometown as uuid) is null or hometown = cast(:hometown as uuid))
				order by created_at limit 1""")
			.param("key", NameTokens.key(data.familyName(), data.middleName(), data.givenName()))
			.param("year", data.birthYear()).param("date", data.birthDate()).param("hometown", data.hometown())
			.query(UUID.class).optional();
	}

	/** @param unit, degree what an import row gave besides the person (its unit column or the uploader's scope unit) */
	UUID open(PersonData data, UUID matched, String actor, @Nullable UUID unit, @Nullable String degree) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry.duplicate_candidate (id, status, matched_person, proposal, created_at, created_by,
				  org_unit, degree)
				values (:id, 'OPEN', :matched, cast(:proposal as jsonb), :now, :actor, :unit, :degree)""")
			.param("id", id).param("matched", matched).param("proposal", Profiles.JSON.writeValueAsString(data))
			.param("now", Timestamp.from(clock.instant())).param("actor", actor).param("unit", unit)
			.param("degree", degree).update();
		return id;
	}

	/** Whether the same proposal already waits for review (an import run twice adds nothing). */
	boolean openFor(UUID matched, PersonData data) {
		return jdbc.sql("""
				select exists (select 1 from registry.duplicate_candidate
				  where status = 'OPEN' and matched_person = :m and proposal = cast(:p as jsonb))""")
			.param("m", matched).param("p", Profiles.JSON.writeValueAsString(data)).query(Boolean.class).single();
	}

	/** @param unit, degree an import row's unit and education level code (null when not from an import) */
	public record Candidate(UUID id, UUID matchedPerson, PersonData proposal, Instant createdAt, String createdBy,
			@Nullable UUID unit, @Nullable String degree) {
	}

	private static final String CANDIDATE = """
			select id, matched_person, proposal::text, created_at, created_by, org_unit, degree
			from registry.duplicate_candidate""";

	public List<Candidate> open() {
		return jdbc.sql(CANDIDATE + " where status = 'OPEN' order by created_at limit 200").query(DuplicateRule::candidate)
			.list();
	}

	public Optional<Candidate> findOpen(UUID id) {
		return jdbc.sql(CANDIDATE + " where id = :id and status = 'OPEN'").param("id", id).query(DuplicateRule::candidate)
			.optional();
	}

	private static Candidate candidate(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				Profiles.JSON.readValue(rs.getString(3), PersonData.class), rs.getTimestamp(4).toInstant(), rs.getString(5),
				rs.getObject(6, UUID.class), rs.getString(7));
	}

	/** Closes a candidate: CREATED (it was a different person after all) or DISCARDED (it is the matched one). */
	boolean resolve(UUID id, String status, String actor) {
		return jdbc.sql("""
				update registry.duplicate_candidate set status = :status, resolved_at = :now, resolved_by = :actor
				where id = :id and status = 'OPEN'""")
			.param("status", status).param("now", Timestamp.from(clock.instant())).param("actor", actor).param("id", id)
			.update() == 1;
	}
}
