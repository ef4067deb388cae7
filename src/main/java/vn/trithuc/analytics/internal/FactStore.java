package vn.trithuc.analytics.internal;

import vn.trithuc.shared.CopyText;
import java.io.IOException;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import vn.trithuc.registry.PersonFacts;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.Sex;

/** analytics.fact_period: this module's copy of every person's facts through time. Joins the caller's transaction. */
@Component
class FactStore {

	static final String COLUMNS = "person_id, valid_from, valid_to, sex, birth_date, birth_year, ethnic_group, degree, field, "
			+ "academic_title, category, org_unit, residence, party";

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	FactStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	List<PersonFacts> load(UUID person) {
		return jdbc.sql("select " + COLUMNS + " from analytics.fact_period where person_id = :p order by valid_from nulls first")
			.param("p", person).query((rs, n) -> facts(rs)).list();
	}

	/** The facts of the given people, every period of each. */
	List<PersonFacts> loadAll(java.util.Collection<UUID> people) {
		return jdbc.sql("select " + COLUMNS + " from analytics.fact_period where person_id = any(cast(:p as uuid[]))")
			.param("p", people.stream().map(UUID::toString).toArray(String[]::new)).query((rs, n) -> facts(rs)).list();
	}

	/** Replaces the copies of {@code people} with {@code periods} (the new facts of those people, in one list). */
	void replaceAll(java.util.Collection<UUID> people, List<PersonFacts> periods) {
		jdbc.sql("delete from analytics.fact_period where person_id = any(cast(:p as uuid[]))")
			.param("p", people.stream().map(UUID::toString).toArray(String[]::new)).update();
		if (periods.isEmpty()) {
			return;
		}
		var text = new StringBuilder();
		periods.forEach(f -> line(text, f));
		copy(text);
		var residences = periods.stream().map(PersonFacts::residence).filter(java.util.Objects::nonNull).distinct()
			.map(UUID::toString).toArray(String[]::new);
		if (residences.length > 0) {
			jdbc.sql("insert into analytics.residence (id) select unnest(cast(:r as uuid[])) on conflict do nothing")
				.param("r", residences).update();
		}
	}

	/** Periods in the copy (about the number of people; for choosing between an incremental update and a rebuild). */
	long periods() {
		return jdbc.sql("select count(*) from analytics.fact_period").query(Long.class).single();
	}

	void replace(UUID person, List<PersonFacts> timeline) {
		jdbc.sql("delete from analytics.fact_period where person_id = :p").param("p", person).update();
		if (!timeline.isEmpty()) {
			var text = new StringBuilder();
			timeline.forEach(f -> line(text, f));
			copy(text);
			var residences = timeline.stream().map(PersonFacts::residence).filter(java.util.Objects::nonNull).distinct()
				.map(UUID::toString).toArray(String[]::new);
			if (residences.length > 0) {
				jdbc.sql("insert into analytics.residence (id) select unnest(cast(:r as uuid[])) on conflict do nothing")
					.param("r", residences).update();
			}
		}
	}

	/** Every residence recorded in the facts (a few thousand communes at most). */
	List<UUID> residences() {
		return jdbc.sql("select id from analytics.residence").query(UUID.class).list();
	}

	/** Replaces the whole copy with the registry's current facts. @return people read */
	long reloadAll(RegistryFacts registry) {
		jdbc.sql("truncate analytics.fact_period").update();
		var text = new StringBuilder();
		long[] people = { 0 };
		registry.forEachTimeline(timeline -> {
			people[0]++;
			timeline.forEach(f -> line(text, f));
			if (text.length() > 4_000_000) {
				copy(text);
				text.setLength(0);
			}
		});
		copy(text);
		jdbc.sql("truncate analytics.residence").update();
		jdbc.sql("insert into analytics.residence (id) select distinct residence from analytics.fact_period where residence is not null")
			.update();
		jdbc.sql("analyze analytics.fact_period").update();
		return people[0];
	}

	boolean isEmpty() {
		return !jdbc.sql("select exists (select 1 from analytics.fact_period)").query(Boolean.class).single();
	}

	private void copy(StringBuilder text) {
		if (text.isEmpty()) {
			return;
		}
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy analytics.fact_period (" + COLUMNS + ") from stdin",
					new StringReader(text.toString()));
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("copy into analytics.fact_period failed", e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static PersonFacts facts(ResultSet rs) throws SQLException {
		return new PersonFacts(new PersonId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class),
				rs.getObject(3, LocalDate.class), Sex.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
				(Integer) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
				rs.getString(11), rs.getObject(12, UUID.class), rs.getObject(13, UUID.class), rs.getBoolean(14));
	}

	private static void line(StringBuilder out, PersonFacts f) {
		CopyText.line(out, f.person().value(), f.validFrom(), f.validTo(), f.sex().name(), f.birthDate(), f.birthYear(),
				f.ethnicGroup(), f.degree(), f.fieldOfStudy(), f.academicTitle(), f.personnelCategory(), f.orgUnit(),
				f.residence(), f.partyMember());
	}
}
