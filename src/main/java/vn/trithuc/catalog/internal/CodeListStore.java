package vn.trithuc.catalog.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeListVersion;
import vn.trithuc.shared.VietnameseText;

/** Versions and entries of code lists in {@code catalog.code_list*}. A version, once written, never changes. */
@Repository
class CodeListStore {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	CodeListStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	int currentVersion(CodeListKind kind) {
		return jdbc.sql("select current_version from catalog.code_list where kind = :kind").param("kind", kind.name())
			.query(Integer.class).single();
	}

	List<CodeListEntry> entries(CodeListKind kind, int version) {
		return jdbc.sql("""
				select code, name, sort_order, status, retired_on, attributes::text as attributes
				from catalog.code_list_entry where kind = :kind and version = :version
				order by sort_order, code""")
			.param("kind", kind.name()).param("version", version)
			.query((rs, n) -> entry(kind, rs)).list();
	}

	List<CodeListVersion> versions(CodeListKind kind) {
		return jdbc.sql("""
				select v.version, v.created_at, v.created_by, v.change, v.note,
				  (select count(*) from catalog.code_list_entry e where e.kind = v.kind and e.version = v.version) as entries,
				  (select count(*) from catalog.code_list_entry e where e.kind = v.kind and e.version = v.version
				     and e.retired_on is null) as active_entries
				from catalog.code_list_version v where v.kind = :kind order by v.version desc""")
			.param("kind", kind.name())
			.query((rs, n) -> new CodeListVersion(kind, rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("created_by"), CodeListVersion.Change.valueOf(rs.getString("change")), rs.getString("note"),
					rs.getInt("entries"), rs.getInt("active_entries")))
			.list();
	}

	/** Active entries per list in the current versions (for the catalog index). */
	Map<CodeListKind, Integer> activeCounts() {
		var counts = new LinkedHashMap<CodeListKind, Integer>();
		jdbc.sql("""
				select l.kind, count(e.code) from catalog.code_list l
				left join catalog.code_list_entry e on e.kind = l.kind and e.version = l.current_version and e.retired_on is null
				group by l.kind""")
			.query((rs, n) -> counts.put(CodeListKind.valueOf(rs.getString(1)), rs.getInt(2))).list();
		return counts;
	}

	/**
	 * Writes {@code entries} as version {@code base + 1} and makes it current, unless someone else wrote a
	 * version after {@code base}.
	 */
	int writeVersion(CodeListKind kind, int base, CodeListVersion.Change change, String note, String user,
			Instant at, List<CodeListEntry> entries) {
		int version = base + 1;
		int moved = jdbc.sql("update catalog.code_list set current_version = :version where kind = :kind and current_version = :base")
			.param("version", version).param("kind", kind.name()).param("base", base).update();
		if (moved != 1) {
			throw new OptimisticLockingFailureException("code list " + kind + " changed since version " + base);
		}
		insertVersion(template, kind, version, change, note, user, at, entries);
		return version;
	}

	static void insertVersion(JdbcTemplate template, CodeListKind kind, int version, CodeListVersion.Change change,
			String note, String user, Instant at, List<CodeListEntry> entries) {
		template.update("insert into catalog.code_list_version (kind, version, created_at, created_by, change, note) values (?, ?, ?, ?, ?, ?)",
				kind.name(), version, Timestamp.from(at), user, change.name(), note);
		template.batchUpdate("""
				insert into catalog.code_list_entry (kind, version, code, name, name_folded, sort_order, status, retired_on, attributes)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", entries, 200, (ps, e) -> {
			ps.setString(1, kind.name());
			ps.setInt(2, version);
			ps.setString(3, e.code());
			ps.setString(4, e.name());
			ps.setString(5, VietnameseText.fold(e.name()));
			ps.setInt(6, e.sortOrder());
			ps.setString(7, e.status().name());
			ps.setDate(8, e.retiredOn() == null ? null : Date.valueOf(e.retiredOn()));
			ps.setString(9, JSON.writeValueAsString(new java.util.TreeMap<>(e.attributes())));
		});
	}

	private static CodeListEntry entry(CodeListKind kind, ResultSet rs) throws SQLException {
		Map<String, String> attributes = JSON.readValue(rs.getString("attributes"), MAP);
		return new CodeListEntry(kind, rs.getString("code"), rs.getString("name"), rs.getInt("sort_order"),
				CodeListEntry.Status.valueOf(rs.getString("status")), rs.getObject("retired_on", LocalDate.class), attributes);
	}
}
