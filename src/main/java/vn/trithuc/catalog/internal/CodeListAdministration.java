package vn.trithuc.catalog.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeListVersion;
import vn.trithuc.catalog.internal.CodeListImportRules.Diff;
import vn.trithuc.catalog.internal.CodeListImportRules.ImportRow;
import vn.trithuc.shared.VietnameseText;

/**
 * What administrators do with code lists: add an entry, retire one (never delete), import a new version from
 * a spreadsheet after looking at its differences. Every change is one transaction making one new version.
 */
@Service
@Transactional
public class CodeListAdministration {

	private static final TypeReference<List<ImportRow>> ROWS = new TypeReference<>() {
	};

	private final CodeListStore store;
	private final JdbcClient jdbc;
	private final CatalogSettings settings;
	private final Clock clock;

	CodeListAdministration(CodeListStore store, JdbcClient jdbc, CatalogSettings settings, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** A checked file waiting to be applied, with its differences to the current version. */
	public record PendingImport(UUID id, CodeListKind kind, String fileName, int baseVersion, int currentVersion,
			Diff diff, int rows, boolean applied) {

		public boolean stale() {
			return !applied && baseVersion != currentVersion;
		}
	}

	@CacheEvict(cacheNames = JdbcCodeLists.CACHE, allEntries = true)
	public int addEntry(CodeListKind kind, String code, String name, Integer sortOrder, CodeListEntry.Status status,
			String user) {
		var cleanCode = VietnameseText.nfc(code == null ? "" : code);
		var cleanName = VietnameseText.nfc(name == null ? "" : name).replaceAll("\\s+", " ");
		int base = store.currentVersion(kind);
		var current = store.entries(kind, base);
		var problems = new ArrayList<Problem>();
		if (cleanCode.isEmpty()) {
			problems.add(Problem.of("entry.missingCode"));
		}
		else if (cleanCode.length() > CodeListImportRules.MAX_CODE) {
			problems.add(Problem.of("entry.codeTooLong", CodeListImportRules.MAX_CODE));
		}
		else {
			current.stream().filter(e -> e.code().equals(cleanCode)).findFirst().ifPresent(existing -> problems
				.add(existing.active() ? Problem.of("entry.codeExists", cleanCode, existing.name())
						: Problem.of("entry.codeRetired", cleanCode, vn.trithuc.shared.Formats.DATE.format(existing.retiredOn()))));
		}
		if (cleanName.isEmpty()) {
			problems.add(Problem.of("entry.missingName"));
		}
		else if (cleanName.length() > CodeListImportRules.MAX_NAME) {
			problems.add(Problem.of("entry.nameTooLong", CodeListImportRules.MAX_NAME));
		}
		if (!problems.isEmpty()) {
			throw new Problem.Refused(problems);
		}
		var entries = new ArrayList<>(current);
		int order = sortOrder != null ? sortOrder : current.stream().mapToInt(CodeListEntry::sortOrder).max().orElse(0) + 1;
		var attributes = new HashMap<String, String>();
		kind.attributes().forEach(a -> attributes.put(a, ""));
		entries.add(new CodeListEntry(kind, cleanCode, cleanName, order, status, null, attributes));
		return store.writeVersion(kind, base, CodeListVersion.Change.ADDED, cleanCode + " " + cleanName, user,
				clock.instant(), entries);
	}

	/** Retires an active entry from today; data recorded with it keep the code. */
	@CacheEvict(cacheNames = JdbcCodeLists.CACHE, allEntries = true)
	public int retire(CodeListKind kind, String code, String user) {
		int base = store.currentVersion(kind);
		var current = store.entries(kind, base);
		var entry = current.stream().filter(e -> e.code().equals(code)).findFirst()
			.orElseThrow(() -> new UnknownEntryException(kind, code));
		if (!entry.active()) {
			throw new Problem.Refused(Problem.of("entry.alreadyRetired", code));
		}
		var today = LocalDate.now(clock);
		var entries = current.stream().map(e -> e.code().equals(code) ? new CodeListEntry(kind, e.code(), e.name(),
				e.sortOrder(), e.status(), today, e.attributes()) : e).toList();
		return store.writeVersion(kind, base, CodeListVersion.Change.RETIRED, code + " " + entry.name(), user,
				clock.instant(), entries);
	}

	/** Reads and checks a file; stores it for preview. Refused with every problem found; nothing changes. */
	public UUID prepareImport(CodeListKind kind, String fileName, byte[] content, String user) {
		var name = fileName == null || fileName.isBlank() ? "?" : java.nio.file.Path.of(fileName).getFileName().toString();
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		if (content.length > settings.maxImportSize().toBytes()) {
			throw new Problem.Refused(Problem.of("tooLarge", name, size(content.length), size(settings.maxImportSize().toBytes())));
		}
		var sheet = SpreadsheetFile.read(name, content);
		int base = store.currentVersion(kind);
		var current = store.entries(kind, base);
		var referenced = new HashMap<CodeListKind, Set<String>>();
		for (var attribute : kind.attributes()) {
			CodeListImportRules.reference(kind, attribute).filter(k -> k != kind).ifPresent(k -> referenced.put(k,
					store.entries(k, store.currentVersion(k)).stream().filter(CodeListEntry::active)
						.map(CodeListEntry::code).collect(Collectors.toSet())));
		}
		var rows = CodeListImportRules.check(kind, sheet, current, referenced);
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into catalog.code_list_import (id, kind, base_version, file_name, rows_json, created_at, created_by)
				values (:id, :kind, :base, :file, :rows::jsonb, :at, :user)""")
			.param("id", id).param("kind", kind.name()).param("base", base).param("file", name)
			.param("rows", CodeListStore.JSON.writeValueAsString(rows)).param("at", Timestamp.from(clock.instant()))
			.param("user", user).update();
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<PendingImport> pendingImport(CodeListKind kind, UUID id) {
		return loadImport(kind, id).map(stored -> {
			int currentVersion = store.currentVersion(kind);
			var compareWith = stored.appliedVersion() != null ? stored.appliedVersion() - 1 : currentVersion;
			var diff = CodeListImportRules.diff(store.entries(kind, compareWith), stored.rows());
			return new PendingImport(id, kind, stored.fileName(), stored.baseVersion(), currentVersion, diff,
					stored.rows().size(), stored.appliedVersion() != null);
		});
	}

	/** Applies a previewed file as a new version, in one transaction. @return the new version */
	@CacheEvict(cacheNames = JdbcCodeLists.CACHE, allEntries = true)
	public int applyImport(CodeListKind kind, UUID id, String user) {
		var stored = loadImport(kind, id).orElseThrow(() -> new UnknownEntryException(kind, id.toString()));
		if (stored.appliedVersion() != null) {
			throw new Problem.Refused(Problem.of("alreadyApplied", stored.appliedVersion()));
		}
		int base = store.currentVersion(kind);
		if (base != stored.baseVersion()) {
			throw new Problem.Refused(Problem.of("stale", stored.baseVersion(), base));
		}
		var current = store.entries(kind, base);
		var entries = CodeListImportRules.apply(kind, current, stored.rows(), LocalDate.now(clock));
		int version = store.writeVersion(kind, base, CodeListVersion.Change.IMPORTED, stored.fileName(), user,
				clock.instant(), entries);
		jdbc.sql("update catalog.code_list_import set applied_at = :at, applied_version = :version where id = :id")
			.param("at", Timestamp.from(clock.instant())).param("version", version).param("id", id).update();
		return version;
	}

	@Transactional(readOnly = true)
	public java.util.Map<CodeListKind, Integer> activeCounts() {
		return store.activeCounts();
	}

	/** Entries of a version whose name or code matches {@code q} without diacritics. */
	@Transactional(readOnly = true)
	public List<CodeListEntry> search(CodeListKind kind, int version, String q) {
		var folded = VietnameseText.fold(q);
		return store.entries(kind, version).stream().filter(e -> folded.isEmpty()
				|| VietnameseText.fold(e.name()).contains(folded) || VietnameseText.fold(e.code()).contains(folded))
			.toList();
	}

	private record StoredImport(String fileName, int baseVersion, Integer appliedVersion, List<ImportRow> rows) {
	}

	private Optional<StoredImport> loadImport(CodeListKind kind, UUID id) {
		return jdbc.sql("select file_name, base_version, applied_version, rows_json::text from catalog.code_list_import where id = :id and kind = :kind")
			.param("id", id).param("kind", kind.name())
			.query((rs, n) -> new StoredImport(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3),
					CodeListStore.JSON.readValue(rs.getString(4), ROWS)))
			.optional();
	}

	private static String size(long bytes) {
		return vn.trithuc.shared.Formats.fileSize(bytes);
	}

	public static class UnknownEntryException extends RuntimeException {
		UnknownEntryException(CodeListKind kind, String code) {
			super("no " + kind + " " + code);
		}
	}
}
