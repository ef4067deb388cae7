package vn.trithuc.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import vn.trithuc.shared.VietnameseText;

/**
 * Saved searches: per user, named, the text and the selected facets of a people search or an expert search. Only
 * the owner lists, runs and deletes them; what they find is decided when run, within the caller's scope then
 * ({@link PeopleSearch} applies {@link RegistryScope} on every search), never stored.
 */
@Service
@Transactional
public class SavedSearches {

	public static final int MAX_NAME = 100;
	public static final int MAX_QUERY = 500;
	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	public enum Kind {
		PEOPLE, EXPERTS
	}

	public record SavedSearch(UUID id, String name, Kind kind, String query, Map<String, String> filters, Instant createdAt) {
	}

	/** A name or query the service refuses; {@link #messageKey()} says why in the user's language. */
	public static class InvalidSavedSearchException extends RuntimeException {
		private final String messageKey;

		public InvalidSavedSearchException(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	SavedSearches(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Saves (or replaces the owner's search of the same name). @return its id */
	public UUID save(String owner, String name, Kind kind, String query, Map<String, String> filters) {
		var cleanName = VietnameseText.nfc(name == null ? "" : name);
		if (cleanName.isEmpty()) {
			throw new InvalidSavedSearchException("registry.saved.nameRequired");
		}
		if (cleanName.length() > MAX_NAME) {
			throw new InvalidSavedSearchException("registry.saved.nameTooLong");
		}
		var cleanQuery = VietnameseText.nfc(query == null ? "" : query);
		if (cleanQuery.length() > MAX_QUERY) {
			throw new InvalidSavedSearchException("registry.saved.queryTooLong");
		}
		var kept = new LinkedHashMap<String, String>();
		for (var facet : PeopleSearch.FACETS) {
			var value = filters.get(facet);
			if (value != null && !value.isBlank() && value.length() <= 100) {
				kept.put(facet, value.strip());
			}
		}
		var id = UUID.randomUUID();
		return jdbc.sql("""
				insert into registry.saved_search (id, owner, name, kind, query, filters, created_at)
				values (:id, :owner, :name, :kind, :query, cast(:filters as jsonb), :now)
				on conflict (owner, name) do update set kind = excluded.kind, query = excluded.query,
				  filters = excluded.filters, created_at = excluded.created_at
				returning id""")
			.param("id", id).param("owner", owner).param("name", cleanName).param("kind", kind.name())
			.param("query", cleanQuery).param("filters", Profiles.JSON.writeValueAsString(kept))
			.param("now", Timestamp.from(clock.instant())).query(UUID.class).single();
	}

	@Transactional(readOnly = true)
	public List<SavedSearch> of(String owner) {
		return jdbc.sql("select * from registry.saved_search where owner = :owner order by name collate \"vi-x-icu\"")
			.param("owner", owner).query(this::row).list();
	}

	/** The owner's saved search; empty for anyone else's (callers answer 404). */
	@Transactional(readOnly = true)
	public Optional<SavedSearch> find(UUID id, String owner) {
		return jdbc.sql("select * from registry.saved_search where id = :id and owner = :owner").param("id", id)
			.param("owner", owner).query(this::row).optional();
	}

	/** @return whether the owner had that search */
	public boolean delete(UUID id, String owner) {
		return jdbc.sql("delete from registry.saved_search where id = :id and owner = :owner").param("id", id)
			.param("owner", owner).update() > 0;
	}

	private SavedSearch row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new SavedSearch(rs.getObject("id", UUID.class), rs.getString("name"), Kind.valueOf(rs.getString("kind")),
				rs.getString("query"), Profiles.JSON.readValue(rs.getString("filters"), MAP),
				rs.getTimestamp("created_at").toInstant());
	}
}
