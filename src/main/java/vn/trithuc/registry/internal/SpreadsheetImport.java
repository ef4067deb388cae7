package vn.trithuc.registry.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.registry.Sex;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.VietnameseText;

/**
 * Import of people from an officer's .xlsx: the header row is found among the first rows by its Vietnamese
 * headers (with or without diacritics, any order), each row is checked (dry run) and only then applied, in one
 * transaction. A row whose national ID is registered already, or which equals an existing person, changes nothing,
 * so re-importing the same file changes nothing; a likely duplicate without ID goes to duplicate review.
 */
@Service
@Transactional
public class SpreadsheetImport {

	static final int HEADER_SEARCH_ROWS = 20;
	/** From this many new people with a national ID on, the apply inserts them with COPY. */
	static final int BULK_THRESHOLD = 200;
	private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");
	private static final Pattern YEAR = Pattern.compile("(18|19|20)\\d{2}");
	private static final Pattern DIGITS = Pattern.compile("\\d+");
	private static final Pattern SPACES = Pattern.compile("\\s+");
	private static final Pattern ID_SEPARATORS = Pattern.compile("[\\s.]");
	private static final Pattern SERIAL = Pattern.compile("\\d{5}");

	/** Column → the folded headers officers write for it. */
	static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();
	static {
		HEADERS.put("fullName", List.of("ho va ten", "ho ten", "ho va ten khai sinh", "hovaten"));
		HEADERS.put("familyName", List.of("ho"));
		HEADERS.put("middleName", List.of("ten dem", "dem", "ten lot", "chu lot"));
		HEADERS.put("givenName", List.of("ten"));
		HEADERS.put("sex", List.of("gioi tinh", "gioi", "nam nu", "nam/nu"));
		HEADERS.put("birth", List.of("ngay sinh", "ngay thang nam sinh", "nam sinh", "sinh ngay", "ngay, thang, nam sinh"));
		HEADERS.put("ethnicGroup", List.of("dan toc", "ma dan toc"));
		HEADERS.put("religion", List.of("ton giao", "ma ton giao"));
		HEADERS.put("nationalId", List.of("so cccd", "cccd", "so dinh danh", "so dinh danh ca nhan", "can cuoc cong dan",
				"so can cuoc", "so can cuoc cong dan", "ma dinh danh"));
		HEADERS.put("oldId", List.of("cmnd", "so cmnd", "chung minh nhan dan", "so chung minh nhan dan"));
		HEADERS.put("phone", List.of("dien thoai", "so dien thoai", "sdt", "dt", "di dong"));
		HEADERS.put("email", List.of("email", "e-mail", "thu dien tu", "hop thu", "dia chi email"));
		HEADERS.put("degree", List.of("trinh do chuyen mon", "trinh do dao tao", "hoc vi", "bang cap",
				"trinh do cao nhat", "hoc ham hoc vi", "van bang"));
		HEADERS.put("orgUnit", List.of("don vi cong tac", "don vi", "co quan don vi", "co quan, don vi", "co quan",
				"co quan cong tac", "noi cong tac", "ma don vi", "don vi cong tac hien nay"));
	}

	public enum Outcome {
		NEW, UNCHANGED, DUPLICATE_REVIEW, ERROR
	}

	/** A problem of one cell (column null = the whole row). */
	public record Problem(int row, @Nullable String column, String messageKey, List<Object> arguments, boolean warning) {
	}

	/**
	 * @param degree the education level code of the degree column, added as a degree of the new person
	 * @param unit the org unit the new person works in (the unit column, or the uploader's scope unit), or null
	 */
	public record RowResult(int row, Outcome outcome, @Nullable PersonData data, List<Problem> problems,
			@Nullable String degree, @Nullable UUID unit) {

		/** A new person with a national ID: the rows that go in with COPY when there are many. */
		boolean newWithNationalId() {
			return outcome == Outcome.NEW && data != null && data.nationalId() != null;
		}
	}

	/**
	 * @param headers the texts of the header row per column (for the mapping screen)
	 * @param headerKey the folded header texts, to find a saved mapping for files with the same headers
	 * @param scopeUnit the unit every person of the file goes to when the file has no unit column and the uploader is
	 *        scoped to a unit (its name and code, said once for the file), else null
	 */
	public record Report(UUID job, String fileName, int headerRow, Map<String, Integer> columns, List<RowResult> rows,
			@Nullable String fileError, List<String> headers, String headerKey, boolean legacyFonts,
			@Nullable String scopeUnit) {

		Report(UUID job, String fileName, int headerRow, Map<String, Integer> columns, List<RowResult> rows,
				@Nullable String fileError) {
			this(job, fileName, headerRow, columns, rows, fileError, List.of(), "", false, null);
		}

		public long count(Outcome outcome) {
			return rows.stream().filter(r -> r.outcome() == outcome).count();
		}

		/** Whether an apply would write anything: a new person, or a row for duplicate review. */
		public boolean writesAny() {
			return rows.stream().anyMatch(r -> r.outcome() == Outcome.NEW || r.outcome() == Outcome.DUPLICATE_REVIEW);
		}

		public List<Problem> problems() {
			return rows.stream().flatMap(r -> r.problems().stream()).toList();
		}
	}

	public record Job(UUID id, String fileName, String status, String createdBy, Instant createdAt,
			@Nullable String appliedSummary) {

		/** What the apply wrote, by outcome (as stored: "{NEW=1, UNCHANGED=2, …}"); empty before or when interrupted. */
		public Map<Outcome, Long> appliedCounts() {
			var counts = new java.util.EnumMap<Outcome, Long>(Outcome.class);
			if (!"APPLIED".equals(status) || appliedSummary == null) {
				return counts;
			}
			for (var entry : appliedSummary.replaceAll("[{}\\s]", "").split(",")) {
				var pair = entry.split("=");
				try {
					counts.put(Outcome.valueOf(pair[0]), Long.valueOf(pair[1]));
				}
				catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
					return new java.util.EnumMap<>(Outcome.class);
				}
			}
			return counts;
		}
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SpreadsheetImport.class);
	private final JdbcClient jdbc;
	private final Profiles profiles;
	private final DuplicateRule duplicates;
	private final NationalIdPolicy nationalIds = new NationalIdPolicy();
	private final Clock clock;
	private final RegistryCodes codes;
	private final TransactionTemplate separately;
	private final TransactionTemplate savepoint;
	private final PeopleBulkLoader bulkLoader;
	private final RegistryScope scope;
	private final OrgUnits orgUnits;
	/** The thread of the national-ID look-ups of dry runs ({@link RegisteredIds}). */
	private final java.util.concurrent.ExecutorService lookups = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
		var thread = new Thread(r, "import-id-lookup");
		thread.setDaemon(true);
		return thread;
	});

	/** The last file read (a job's stored bytes never change): its apply usually follows its dry run. */
	private record LastRead(UUID job, int size, ImportSheets.Sheet sheet) {
	}

	private volatile @Nullable LastRead lastRead;

	/**
	 * The last dry-run report made, with the job's mapping then and the rows as read and checked without the database
	 * (the apply that follows re-does only the registry look-ups, see {@link #recheck}).
	 */
	private record LastReport(UUID job, String mapping, Report report, @Nullable List<Draft> drafts) {
	}

	/** A dry-run report with the rows it was made from (null when the file was refused). */
	private record Checked(Report report, @Nullable List<Draft> drafts) {
	}

	private volatile @Nullable LastReport lastReport;

	SpreadsheetImport(JdbcClient jdbc, Profiles profiles, DuplicateRule duplicates, Clock clock, RegistryCodes codes,
			PlatformTransactionManager transactions, PeopleBulkLoader bulkLoader, RegistryScope scope, OrgUnits orgUnits) {
		this.orgUnits = orgUnits;
		this.bulkLoader = bulkLoader;
		this.scope = scope;
		this.codes = codes;
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.duplicates = duplicates;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		lookups.shutdownNow();
	}

	/**
	 * Stores the file and returns its dry-run report. A mapping the officer saved for a file with the same headers
	 * is used at once.
	 */
	public Report upload(@Nullable String originalFileName, byte[] content, String actor) {
		return checkStored(store(originalFileName, content, actor, null), ImportProgress.NONE);
	}

	/**
	 * Stores an uploaded file as a new job (its dry run follows, see {@link ImportJobs}).
	 * @param scopeUnit the root unit of the uploader's unit scope (null: the uploader reaches the whole province);
	 *        the job is visible only to officers whose scope holds it
	 * @return the job id
	 */
	public UUID store(@Nullable String originalFileName, byte[] content, String actor, @Nullable UUID scopeUnit) {
		var fileName = ImportSheets.safeFileName(originalFileName);
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry.import_job (id, file_name, content, status, created_by, created_at, scope_unit)
				values (:id, :name, :content, 'DRY_RUN', :actor, :now, :scope)""")
			.param("id", id).param("name", fileName).param("content", content).param("actor", actor)
			.param("now", Timestamp.from(clock.instant())).param("scope", scopeUnit).update();
		return id;
	}

	/**
	 * The dry run of a stored job; a mapping the job's uploader saved for a file with the same headers is used at
	 * once. The report is kept for the job page (see {@link #report(UUID)}).
	 */
	public Report checkStored(UUID id, ImportProgress progress) {
		var report = dryRun(id, progress).orElseThrow();
		var actor = jdbc.sql("select created_by from registry.import_job where id = :id").param("id", id)
			.query(String.class).single();
		if (!report.headerKey().isEmpty()) {
			jdbc.sql("update registry.import_job set header_key = :key where id = :id").param("key", report.headerKey())
				.param("id", id).update();
			var saved = jdbc.sql("select name, mapping from registry.import_mapping where owner = :owner and header_key = :key")
				.param("owner", actor).param("key", report.headerKey())
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).optional();
			if (saved.isPresent()) {
				jdbc.sql("update registry.import_job set mapping = :mapping, mapping_name = :name where id = :id")
					.param("mapping", saved.get().getValue()).param("name", saved.get().getKey()).param("id", id).update();
				report = dryRun(id, progress).orElseThrow();
			}
		}
		return report;
	}

	/** A mapping saved under a name by its owner. */
	public record SavedMapping(String name, Map<String, Integer> columns, Instant createdAt) {
	}

	/**
	 * Sets the columns of a job (field → column; the fields of {@link #fields()}) and optionally saves them under a
	 * name for the next file with the same headers. @return false if the job is unknown or applied already
	 */
	public boolean map(UUID job, Map<String, Integer> columns, @Nullable String saveAs, String actor) {
		var clean = new LinkedHashMap<String, Integer>();
		columns.forEach((field, column) -> {
			if (HEADERS.containsKey(field) && column != null && column >= 0 && column < 1000) {
				clean.put(field, column);
			}
		});
		var text = formatMapping(clean);
		var name = saveAs == null || saveAs.isBlank() ? null : VietnameseText.nfc(saveAs).strip();
		if (name != null && name.length() > 100) {
			name = name.substring(0, 100);
		}
		int updated = jdbc.sql("""
				update registry.import_job set mapping = :mapping, mapping_name = :name
				where id = :id and status <> 'APPLIED'""").param("mapping", text.isEmpty() ? null : text)
			.param("name", name).param("id", job).update();
		if (updated == 0) {
			return false;
		}
		var key = jdbc.sql("select header_key from registry.import_job where id = :id").param("id", job)
			.query(String.class).optional().orElse(null);
		if (name != null && key != null && !clean.isEmpty()) {
			jdbc.sql("""
					insert into registry.import_mapping (id, owner, name, header_key, mapping, created_at)
					values (:id, :owner, :name, :key, :mapping, :now)
					on conflict (owner, header_key) do update set name = excluded.name, mapping = excluded.mapping,
					  created_at = excluded.created_at""")
				.param("id", UUID.randomUUID()).param("owner", actor).param("name", name).param("key", key)
				.param("mapping", text).param("now", Timestamp.from(clock.instant())).update();
		}
		return true;
	}

	@Transactional(readOnly = true)
	public List<SavedMapping> savedMappings(String owner) {
		return jdbc.sql("select name, mapping, created_at from registry.import_mapping where owner = :owner order by name")
			.param("owner", owner)
			.query((rs, n) -> new SavedMapping(rs.getString(1), parseMapping(rs.getString(2)), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** The name of the saved mapping the job uses, if any. */
	@Transactional(readOnly = true)
	public Optional<String> mappingName(UUID job) {
		return jdbc.sql("select mapping_name from registry.import_job where id = :id").param("id", job)
			.query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
	}

	/** The fields a column may be mapped to, in screen order. */
	public static List<String> fields() {
		return List.copyOf(HEADERS.keySet());
	}

	static String formatMapping(Map<String, Integer> mapping) {
		return String.join(";", mapping.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
	}

	static Map<String, Integer> parseMapping(@Nullable String text) {
		var mapping = new LinkedHashMap<String, Integer>();
		if (text == null || text.isBlank()) {
			return mapping;
		}
		for (var pair : text.split(";")) {
			var parts = pair.split("=", 2);
			if (parts.length == 2 && HEADERS.containsKey(parts[0]) && parts[1].matches("\\d{1,3}")) {
				mapping.put(parts[0], Integer.valueOf(parts[1]));
			}
		}
		return mapping;
	}

	@Transactional(readOnly = true)
	public Optional<Report> dryRun(UUID job) {
		return dryRun(job, ImportProgress.NONE);
	}

	/** Checks the stored file now (against the registry as it is). */
	@Transactional(readOnly = true)
	public Optional<Report> dryRun(UUID job, ImportProgress progress) {
		var stored = jdbc.sql("select file_name, content, mapping, scope_unit from registry.import_job where id = :id")
			.param("id", job)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getObject(4, UUID.class) })
			.optional();
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		var mapping = (String) stored.get()[2];
		var checked = checked(job, (String) stored.get()[0], (byte[]) stored.get()[1], parseMapping(mapping),
				(UUID) stored.get()[3], progress);
		lastReport = new LastReport(job, Objects.toString(mapping, ""), checked.report(), checked.drafts());
		return Optional.of(checked.report());
	}

	/**
	 * The dry-run report for the job page: the one the background dry run just made (while the job's mapping is
	 * unchanged), else a new check.
	 */
	@Transactional(readOnly = true)
	public Optional<Report> report(UUID job) {
		var cached = lastReport;
		if (cached != null && cached.job().equals(job)) {
			var mapping = jdbc.sql("select mapping from registry.import_job where id = :id").param("id", job)
				.query((rs, n) -> Objects.toString(rs.getString(1), "")).optional();
			if (mapping.isPresent() && mapping.get().equals(cached.mapping())) {
				return Optional.of(cached.report());
			}
		}
		return dryRun(job);
	}

	@Transactional(readOnly = true)
	public Optional<Job> job(UUID id) {
		return jobs("where id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** The job if the caller may see it: its uploader's scope lies within the caller's (see {@link #recent(Caller)}). */
	@Transactional(readOnly = true)
	public Optional<Job> job(UUID id, Caller caller) {
		var params = new HashMap<String, Object>(visibility(caller).parameters());
		params.put("id", id);
		return jobs("where id = :id and " + visibility(caller).sql(), params).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public List<Job> recent() {
		return jobs("", Map.of());
	}

	/**
	 * The last jobs the caller may see. A job is bound to its uploader's scope: an officer who reaches the whole
	 * province (administrator, HR officer without a unit scope) sees every job; an officer scoped to a unit sees the
	 * jobs uploaded within that unit's subtree, not those of another unit nor the province-wide ones.
	 */
	@Transactional(readOnly = true)
	public List<Job> recent(Caller caller) {
		var filter = visibility(caller);
		return jobs("where " + filter.sql(), filter.parameters());
	}

	private RegistryScope.Filter visibility(Caller caller) {
		if (scope.scopeRootOf(caller).isEmpty()) {
			return caller.hasAny(vn.trithuc.identity.Role.SYSTEM_ADMINISTRATOR, vn.trithuc.identity.Role.HR_OFFICER)
					? new RegistryScope.Filter("true", Map.of()) : new RegistryScope.Filter("false", Map.of());
		}
		var units = scope.unitScope(caller);
		return new RegistryScope.Filter("scope_unit = any(cast(:scopeUnits as uuid[]))",
				Map.of("scopeUnits", units.stream().map(UUID::toString).toArray(String[]::new)));
	}

	private List<Job> jobs(String where, Map<String, Object> params) {
		return jdbc.sql("select id, file_name, status, created_by, created_at, applied_summary from registry.import_job "
				+ where + " order by created_at desc limit 20").params(params)
			.query((rs, n) -> new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
	}

	/**
	 * Applies the error-free rows in one transaction. The job is first marked FAILED ("interrupted") in a
	 * transaction of its own; the apply's transaction locks the job and replaces the mark by APPLIED when it
	 * commits. So if the server dies midway (kill -9, power), nothing of the file is stored and the job shows as
	 * failed, ready to be applied again, on any instance.
	 * @return counts per outcome, empty if the job is unknown
	 */
	public Optional<Map<Outcome, Long>> apply(UUID job, String actor) {
		return apply(job, actor, ImportProgress.NONE);
	}

	/** {@link #apply(UUID, String)}, telling {@code progress} how far it is (from the apply's own thread). */
	public Optional<Map<Outcome, Long>> apply(UUID job, String actor, ImportProgress progress) {
		separately.executeWithoutResult(s -> jdbc.sql("""
				update registry.import_job set status = 'FAILED', applied_summary = 'INTERRUPTED'
				where id = :id and status <> 'APPLIED'""").param("id", job).update());
		if (jdbc.sql("select id from registry.import_job where id = :id for update").param("id", job).query(UUID.class)
			.optional().isEmpty()) {
			return Optional.empty();
		}
		long started = System.nanoTime();
		var cached = lastReport;
		var rechecked = recheck(cached, job, progress, true);
		var report = rechecked.isPresent() ? rechecked : dryRun(job, progress);
		log.debug("apply of {}: {} in {} ms", job, rechecked.isPresent() ? "re-check" : "new dry run",
				(System.nanoTime() - started) / 1_000_000);
		if (report.isEmpty()) {
			return Optional.empty();
		}
		lastReport = null;
		Map<Outcome, Long> counts;
		if (rechecked.isPresent()) {
			try {
				counts = savepoint.execute(s -> write(job, rechecked.get(), actor, progress));
			}
			catch (org.springframework.dao.DuplicateKeyException e) {
				// a national ID unregistered at the dry run was registered since (the re-check trusted them): back to
				// the savepoint, every ID looked up again
				log.info("apply of {}: a national ID was registered since the dry run, checked again", job);
				counts = write(job, recheck(cached, job, progress, false).orElseThrow(), actor, progress);
			}
		}
		else {
			counts = write(job, report.get(), actor, progress);
		}
		jdbc.sql("""
				update registry.import_job set status = 'APPLIED', applied_at = :now, applied_by = :actor,
				  applied_summary = :summary where id = :id""")
			.param("now", Timestamp.from(clock.instant())).param("actor", actor).param("summary", counts.toString())
			.param("id", job).update();
		return Optional.of(counts);
	}

	/** Writes the rows of a checked report: the new people with COPY when there are many, the others one by one. */
	private Map<Outcome, Long> write(UUID job, Report report, String actor, ImportProgress progress) {
		int total = report.rows().size();
		progress.at(ImportProgress.Phase.APPLYING, 0, total);
		var counts = new LinkedHashMap<Outcome, Long>();
		for (var outcome : Outcome.values()) {
			counts.put(outcome, 0L);
		}
		if (report.fileError() == null) {
			// new people with a national ID (unused, unique in the file) go in with COPY when there are many
			var bulk = report.rows().stream().filter(RowResult::newWithNationalId).toList();
			if (bulk.size() >= BULK_THRESHOLD) {
				bulkLoader.insertImported(bulk.stream()
					.map(r -> new PeopleBulkLoader.Imported(r.data(), r.degree(), r.unit(), source(job, report, r.row())))
					.toList(),
						actor, done -> progress.at(ImportProgress.Phase.APPLYING, done, total));
				counts.merge(Outcome.NEW, (long) bulk.size(), Long::sum);
			}
			else {
				bulk = List.of();
			}
			var bulkRows = new java.util.HashSet<Integer>();
			bulk.forEach(r -> bulkRows.add(r.row()));
			int done = bulk.size();
			for (var row : report.rows()) {
				if (bulkRows.contains(row.row())) {
					continue;
				}
				progress.at(ImportProgress.Phase.APPLYING, ++done, total);
				var outcome = row.outcome();
				if (outcome == Outcome.NEW || outcome == Outcome.DUPLICATE_REVIEW) {
					var registration = profiles.register(row.data(), actor, source(job, report, row.row()), row.unit(),
							row.degree());
					outcome = registration instanceof Profiles.RoutedToReview ? Outcome.DUPLICATE_REVIEW : Outcome.NEW;
				}
				counts.merge(outcome, 1L, Long::sum);
			}
		}
		return counts;
	}

	/**
	 * The dry run's report brought up to date for the apply without reading the file again: when this instance made
	 * the job's last dry run with the job's current mapping (the stored file never changes), its rows as read and
	 * checked are reused and only what depends on the registry is done again: which national IDs are registered now
	 * (one query per 10.000) and the duplicate look-ups of rows without a national ID. Empty when there is no such
	 * dry run (another instance made it, the mapping changed, the server restarted): the apply then checks the file
	 * anew.
	 * @param trustUnregistered the IDs unregistered at the dry run are not looked up again when they are many (0,25 s
	 *        for 100.000): the apply writes them with COPY under a savepoint, and the unique index on national IDs
	 *        refuses one registered since (then this runs again without trust)
	 */
	private Optional<Report> recheck(@Nullable LastReport cached, UUID job, ImportProgress progress, boolean trustUnregistered) {
		if (cached == null || !cached.job().equals(job) || cached.drafts() == null) {
			return Optional.empty();
		}
		var mapping = jdbc.sql("select mapping from registry.import_job where id = :id").param("id", job)
			.query((rs, n) -> Objects.toString(rs.getString(1), "")).optional();
		if (mapping.isEmpty() || !mapping.get().equals(cached.mapping())) {
			return Optional.empty();
		}
		var before = cached.report();
		var drafts = cached.drafts();
		if (before.fileError() != null || before.rows().size() != drafts.size()) {
			return Optional.empty();
		}
		int total = drafts.size();
		progress.at(ImportProgress.Phase.CHECKING, 0, total);
		// trusted only when they go in with COPY (many): one by one, the profile's own check would refuse one instead
		boolean trust = trustUnregistered && before.rows().stream()
			.filter(RowResult::newWithNationalId).count() >= BULK_THRESHOLD;
		var lookup = new RegisteredIds(false);
		for (int i = 0; i < total; i++) {
			if (!trust || before.rows().get(i).outcome() != Outcome.NEW) {
				lookup.add(drafts.get(i));
			}
		}
		var registered = lookup.get();
		var codeChecks = new HashMap<String, Optional<String>>();
		var rows = new ArrayList<RowResult>(total);
		for (int i = 0; i < total; i++) {
			var draft = drafts.get(i);
			var previous = before.rows().get(i);
			var data = draft.data();
			if (data == null) {
				rows.add(previous); // an error of the row itself: the registry plays no part
			}
			else if (data.nationalId() == null || previous.outcome() == Outcome.UNCHANGED
					|| registered.contains(data.nationalId())) {
				// a duplicate look-up, a registered ID that may be gone, an ID that is registered now: as the dry run
				rows.add(complete(draft, registered, codeChecks));
			}
			else {
				rows.add(previous); // an unregistered ID then and now: the checks without the registry stand
			}
			progress.at(ImportProgress.Phase.CHECKING, i + 1, total);
		}
		return Optional.of(new Report(job, before.fileName(), before.headerRow(), before.columns(), rows, null,
				before.headers(), before.headerKey(), before.legacyFonts(), before.scopeUnit()));
	}

	/**
	 * Where an imported person comes from, for their one change-log entry: the job (its record keeps the uploader,
	 * the times, the summary and the file with every value), the file name and the row.
	 */
	static String source(UUID job, Report report, int row) {
		return "import:" + job + ", " + report.fileName() + ", row " + row;
	}

	private static final java.util.regex.Pattern IMPORTED = java.util.regex.Pattern
		.compile("(.*) \\(import:[0-9a-f-]{36}, (.*), row ([0-9]+)\\)");

	/**
	 * An IMPORTED change-log entry ("name (" + {@link #source} + ")") read back for people: the name, the file and
	 * the row; empty for any other text.
	 */
	public static Optional<ImportedFrom> importedFrom(String entry) {
		var matcher = IMPORTED.matcher(entry);
		return matcher.matches()
				? Optional.of(new ImportedFrom(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3))))
				: Optional.empty();
	}

	public record ImportedFrom(String name, String fileName, int row) {
	}

	Report check(UUID job, String fileName, byte[] content) {
		return check(job, fileName, content, Map.of());
	}

	/**
	 * @param mapping columns chosen by the officer (field → column index, -1 = not imported); fields not named keep
	 *        the column found from the headers
	 */
	Report check(UUID job, String fileName, byte[] content, Map<String, Integer> mapping) {
		return check(job, fileName, content, mapping, ImportProgress.NONE);
	}

	Report check(UUID job, String fileName, byte[] content, Map<String, Integer> mapping, ImportProgress progress) {
		return checked(job, fileName, content, mapping, null, progress).report();
	}

	/** @param scopeUnit the root unit of the uploader's scope (the job's), null for a province-wide uploader */
	private Checked checked(UUID job, String fileName, byte[] content, Map<String, Integer> mapping,
			@Nullable UUID scopeUnit, ImportProgress progress) {
		long started = System.nanoTime();
		progress.at(ImportProgress.Phase.READING, 0, 1);
		ImportSheets.Sheet sheet;
		var cached = lastRead;
		if (cached != null && cached.job().equals(job) && cached.size() == content.length) {
			sheet = cached.sheet(); // the apply right after its dry run: the same stored bytes
		}
		else {
			try {
				sheet = ImportSheets.read(fileName, content);
			}
			catch (ImportSheets.Refused e) {
				return new Checked(new Report(job, fileName, 0, Map.of(), List.of(), e.messageKey()), null);
			}
			lastRead = new LastRead(job, content.length, sheet);
		}
		long read = System.nanoTime();
		var rows = sheet.rows();
		var header = findHeader(rows);
		if (header == null) {
			return new Checked(new Report(job, fileName, 0, Map.of(), List.of(), "registry.import.noHeader"), null);
		}
		var columns = new LinkedHashMap<String, Integer>();
		if (mapping.isEmpty()) {
			columns.putAll(header.columns());
		}
		else {
			// the officer's choice replaces the detected columns
			mapping.forEach((field, column) -> {
				if (HEADERS.containsKey(field) && column != null && column >= 0 && column < 1000) {
					columns.put(field, column);
				}
			});
		}
		boolean names = columns.containsKey("fullName") || (columns.containsKey("familyName") && columns.containsKey("givenName"));
		if (!names) {
			return new Checked(new Report(job, fileName, header.number(), columns, List.of(), "registry.import.noHeader",
					header.texts(), headerKey(header.texts()), sheet.legacyFonts(), null), null);
		}
		var drafts = new ArrayList<Draft>();
		var seenIds = new HashMap<String, Integer>(Math.max(16, rows.size() * 4 / 3));
		var codeCache = new HashMap<String, String>();
		var sexCache = new HashMap<String, Optional<Sex>>();
		var degreeCache = new HashMap<String, ImportCodes.Match>();
		// the unit column is looked up among the units of the uploader's scope; without it a scoped uploader's
		// people go to the scope's unit
		var units = columns.containsKey("orgUnit") || scopeUnit != null
				? new ImportUnits(orgUnits, scopeUnit, LocalDate.now(clock)) : null;
		// each row is checked twice (on its own, then against the registry): each pass is half of a row's progress
		int total = Math.max(0, rows.size() - header.index() - 1);
		int passes = 0;
		progress.at(ImportProgress.Phase.CHECKING, 0, total);
		var lookup = new RegisteredIds(true);
		for (int i = header.index() + 1; i < rows.size(); i++) {
			var row = rows.get(i);
			if (!row.blank()) {
				var draft = parseRow(row, columns, seenIds, codeCache, sexCache, degreeCache, units);
				drafts.add(draft);
				lookup.add(draft);
			}
			progress.at(ImportProgress.Phase.CHECKING, ++passes / 2, total);
		}
		long parsed = System.nanoTime();
		var registered = lookup.get();
		long lookedUp = System.nanoTime();
		// a file names a few ethnic groups and religions: each code is checked against its list once
		var codeChecks = new HashMap<String, Optional<String>>();
		var results = new ArrayList<RowResult>(drafts.size());
		passes = 2 * total - drafts.size(); // first passes done; blank rows need no second pass
		for (var draft : drafts) {
			results.add(complete(draft, registered, codeChecks));
			progress.at(ImportProgress.Phase.CHECKING, ++passes / 2, total);
		}
		log.debug("dry run of {}: {} rows, read {} ms, rows checked {} ms, national IDs looked up {} ms more, rows completed {} ms",
				job, drafts.size(), (read - started) / 1_000_000, (parsed - read) / 1_000_000, (lookedUp - parsed) / 1_000_000,
				(System.nanoTime() - lookedUp) / 1_000_000);
		// without a unit column a scoped uploader's people all go to the scope's unit: said once for the file
		var scopeUnitName = !columns.containsKey("orgUnit") && units != null && units.defaultUnit() != null
				? units.defaultName() : null;
		return new Checked(new Report(job, fileName, header.number(), columns, results, null, header.texts(),
				headerKey(header.texts()), sheet.legacyFonts(), scopeUnitName), drafts);
	}

	/** The header row found, as the row number the officer sees and the index in the sheet's rows. */
	record Header(int number, int index, Map<String, Integer> columns, List<String> texts) {
	}

	/** The folded header texts joined: equal for two files with the same headers. */
	static String headerKey(List<String> texts) {
		return String.join("|", texts.stream().map(SpreadsheetImport::normaliseHeader).toList()).replaceAll("\\|+$", "");
	}

	/**
	 * The header among the first rows: the row (or a row with the one above it, for headers of two rows with
	 * merged cells) that names the most known columns; at least the name and one more column.
	 */
	static @Nullable Header findHeader(List<ImportSheets.SheetRow> rows) {
		Header best = null;
		for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
			var singleTexts = texts(rows.get(i), null);
			var single = headers(singleTexts);
			if (best == null || single.size() > best.columns().size()) {
				best = new Header(rows.get(i).number(), i, single, singleTexts);
			}
			if (i > 0 && rows.get(i - 1).number() == rows.get(i).number() - 1) {
				var combinedTexts = texts(rows.get(i), rows.get(i - 1));
				var combined = headers(combinedTexts);
				if (combined.size() > best.columns().size()) {
					best = new Header(rows.get(i).number(), i, combined, combinedTexts);
				}
			}
		}
		if (best == null || best.columns().size() < 2) {
			return null;
		}
		return best;
	}

	/** The header texts of a row; with the row above, a blank cell takes the text above it (merged cells). */
	private static List<String> texts(ImportSheets.SheetRow row, ImportSheets.@Nullable SheetRow above) {
		int width = Math.max(row.cells().length, above == null ? 0 : above.cells().length);
		var texts = new ArrayList<String>(width);
		String carried = "";
		for (int c = 0; c < width; c++) {
			var own = row.cell(c);
			String upper = "";
			if (above != null) {
				var cell = above.cell(c);
				if (!cell.blank() && cell.number() == null) {
					carried = cell.text();
				}
				upper = cell.blank() ? carried : cell.text();
			}
			texts.add(own.blank() || own.number() != null ? upper : own.text());
		}
		return texts;
	}

	static Map<String, Integer> headers(List<String> texts) {
		var found = new LinkedHashMap<String, Integer>();
		for (int c = 0; c < texts.size(); c++) {
			var field = field(texts.get(c));
			if (field != null && !found.containsKey(field)) {
				found.put(field, c);
			}
		}
		return found;
	}

	/** The field a header names: the longest known header equal to it, or (4 letters or more) beginning it. */
	static @Nullable String field(String header) {
		var text = normaliseHeader(header);
		if (text.isEmpty()) {
			return null;
		}
		String best = null;
		int bestLength = 0;
		for (var entry : HEADERS.entrySet()) {
			for (var known : entry.getValue()) {
				boolean match = text.equals(known) || (known.length() >= 4 && text.startsWith(known)
						&& !Character.isLetterOrDigit(text.charAt(known.length())));
				if (match && known.length() > bestLength) {
					best = entry.getKey();
					bestLength = known.length();
				}
			}
		}
		return best;
	}

	static String normaliseHeader(String text) {
		return VietnameseText.fold(text).replace('_', ' ').replaceAll("[^a-z0-9/ ,-]", " ").replaceAll("\\s+", " ").strip();
	}

	/** A row read and checked without the database. */
	private record Draft(int row, @Nullable PersonData data, @Nullable String degree, List<Problem> problems,
			@Nullable UUID unit) {
	}

	/** The code of a value typed by name, looked up once per file and list. */
	private String code(Map<String, String> cache, String list, String text) {
		return cache.computeIfAbsent(list + "\u0000" + text, k -> codes.codeFor(list, text).orElseGet(() -> {
			// "Cơ Ho", "co-ho" and "Cơ-ho" alike: letters and digits only
			var key = ImportCodes.key(text);
			return codes.choices(list).stream().filter(e -> ImportCodes.key(e.name()).equals(key)).findFirst()
				.map(e -> e.code()).orElse(text);
		}));
	}

	private Draft parseRow(ImportSheets.SheetRow row, Map<String, Integer> columns, Map<String, Integer> seenIds,
			Map<String, String> codeCache, Map<String, Optional<Sex>> sexCache, Map<String, ImportCodes.Match> degreeCache,
			@Nullable ImportUnits units) {
		int number = row.number();
		var problems = new ArrayList<Problem>();
		String family = text(row, columns.get("familyName"));
		String middle = text(row, columns.get("middleName"));
		String given = text(row, columns.get("givenName"));
		var full = text(row, columns.get("fullName"));
		if (full != null && (family == null || given == null)) {
			var parts = SPACES.split(full);
			if (parts.length >= 2) {
				family = parts[0];
				given = parts[parts.length - 1];
				middle = String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
			}
			else {
				problems.add(new Problem(number, "fullName", "registry.import.fullName", List.of(), false));
			}
		}
		else if (full == null && (family == null || given == null)) {
			problems.add(new Problem(number, columns.containsKey("fullName") ? "fullName" : "givenName",
					"registry.required", List.of(), false));
		}
		Sex sex = null;
		var sexText = text(row, columns.get("sex"));
		if (sexText != null) {
			// a column holds a few spellings: each folded once per file
			sex = sexCache.computeIfAbsent(sexText, t -> Optional.ofNullable(switch (VietnameseText.fold(t)) {
				case "nam", "m", "male", "1", "trai" -> Sex.MALE;
				case "nu", "f", "female", "0", "2", "gai" -> Sex.FEMALE;
				default -> null;
			})).orElse(null);
			if (sex == null) {
				problems.add(new Problem(number, "sex", "registry.import.sex", List.of(sexText), false));
			}
		}
		else {
			problems.add(new Problem(number, "sex", "registry.required", List.of(), false));
		}
		LocalDate birthDate = null;
		Integer birthYear = null;
		var birthCell = row.cell(columns.get("birth"));
		if (!birthCell.blank()) {
			try {
				var parsed = birth(birthCell, clock);
				if (parsed == null) {
					problems.add(new Problem(number, "birth", "registry.import.birth", List.of(birthCell.text()), false));
				}
				else if (parsed instanceof LocalDate date) {
					birthDate = date;
				}
				else {
					birthYear = (Integer) parsed;
				}
			}
			catch (Formats.NoSuchDayException e) {
				// written right, but no such day: say so rather than ask for the form again
				problems.add(new Problem(number, "birth", e.messageKey(), List.of(e.arguments()), false));
			}
		}
		String nationalId = null;
		var idCell = row.cell(columns.get("nationalId"));
		if (!idCell.blank()) {
			var raw = ID_SEPARATORS.matcher(idCell.text()).replaceAll("");
			if (!DIGITS.matcher(raw).matches() || raw.length() != 12) {
				problems.add(new Problem(number, "nationalId", raw.length() == 11 && DIGITS.matcher(raw).matches()
						? "registry.import.nationalIdLeadingZero" : "registry.nationalId.format", List.of(raw.length()), false));
			}
			else {
				nationalId = raw;
				var previous = seenIds.putIfAbsent(raw, number);
				if (previous != null) {
					problems.add(new Problem(number, "nationalId", "registry.import.nationalIdRepeated", List.of(previous), false));
				}
			}
		}
		String oldId = text(row, columns.get("oldId"));
		if (oldId != null) {
			oldId = SPACES.matcher(oldId).replaceAll("");
			if (!nationalIds.validOldId(oldId)) {
				problems.add(new Problem(number, "oldId", oldId.length() == 8 && DIGITS.matcher(oldId).matches()
						? "registry.import.oldIdLeadingZero" : "registry.oldId.format", List.of(), false));
				oldId = null;
			}
		}
		String degree = null;
		var degreeText = text(row, columns.get("degree"));
		if (degreeText != null) {
			var match = degreeCache.computeIfAbsent(degreeText, ImportCodes::degree);
			if (match.code() != null && match.exact()) {
				degree = match.code();
			}
			else if (match.code() != null) {
				problems.add(new Problem(number, "degree", "registry.import.degreeSuggested",
						List.of(degreeText, codes.name("education-levels", match.code())), false));
			}
			else {
				problems.add(new Problem(number, "degree", "registry.import.degreeUnknown", List.of(degreeText), false));
			}
		}
		UUID unit = null;
		var unitText = text(row, columns.get("orgUnit"));
		if (unitText != null && units != null) {
			var match = units.match(unitText);
			if (match instanceof ImportUnits.Found found) {
				unit = found.unit();
			}
			else if (match instanceof ImportUnits.OutsideScope outside) {
				problems.add(new Problem(number, "orgUnit", "registry.import.unitOutsideScope",
						List.of(unitText, outside.name()), false));
			}
			else if (match instanceof ImportUnits.Ambiguous ambiguous) {
				problems.add(new Problem(number, "orgUnit", "registry.import.unitAmbiguous",
						List.of(unitText, String.join("; ", ambiguous.choices())), false));
			}
			else if (match instanceof ImportUnits.Unknown unknown) {
				problems.add(unknown.suggestions().isEmpty()
						? new Problem(number, "orgUnit", "registry.import.unitUnknown", List.of(unitText), false)
						: new Problem(number, "orgUnit", "registry.import.unitSuggested",
								List.of(unitText, String.join("; ", unknown.suggestions())), false));
			}
		}
		else if (units != null && units.defaultUnit() != null) {
			unit = units.defaultUnit();
			if (columns.containsKey("orgUnit")) { // the row's cell is empty (no column at all: Report#scopeUnit)
				problems.add(new Problem(number, "orgUnit", "registry.import.unitDefault", List.of(units.defaultName()), true));
			}
		}
		var email = text(row, columns.get("email"));
		var phone = text(row, columns.get("phone"));
		var phoneProblem = ContactRules.phoneProblem(phone);
		if (phoneProblem != null) {
			problems.add(new Problem(number, "phone", phoneProblem, List.of(phone.strip(), ContactRules.digits(phone)), false));
		}
		var emailProblem = ContactRules.emailProblem(email);
		if (emailProblem != null) {
			problems.add(new Problem(number, "email", emailProblem, List.of(email.strip()), false));
		}
		if (problems.stream().anyMatch(p -> !p.warning())) {
			return new Draft(number, null, null, problems, null);
		}
		var ethnic = text(row, columns.get("ethnicGroup"));
		var religion = text(row, columns.get("religion"));
		var data = new PersonData(family, middle == null ? "" : middle, given, null, sex, birthDate, birthYear,
				ethnic == null ? null : code(codeCache, "ethnic-groups", ethnic),
				religion == null ? null : code(codeCache, "religions", religion), nationalId, oldId, null,
				null, phone, email, null);
		if (nationalId != null) {
			var result = nationalIds.check(nationalId, data.birthYear(), sex);
			result.errors().forEach(f -> problems.add(new Problem(number, "nationalId", f.messageKey(), f.arguments(), false)));
			result.warnings().forEach(f -> problems.add(new Problem(number, "nationalId", f.messageKey(), f.arguments(), true)));
			if (!result.valid()) {
				return new Draft(number, null, null, problems, null);
			}
		}
		return new Draft(number, data, degree, problems, unit);
	}

	/** National IDs are looked up 10.000 to a query. */
	private static final int ID_CHUNK = 10_000;

	/**
	 * The national IDs of a file that are registered, looked up {@value #ID_CHUNK} to a query: for a dry run on a
	 * thread of its own while the caller goes on reading rows (PostgreSQL answers on the other core: 0,3 s of a
	 * 100.000-row dry run) — with its own connection, so it sees committed people only, which a dry run's
	 * transaction (the job's record at most) has no other; for an apply on the caller's thread, in its transaction.
	 */
	private final class RegisteredIds {
		private final boolean aside;
		private final List<java.util.concurrent.CompletableFuture<List<String>>> chunks = new ArrayList<>();
		private List<String> pending = new ArrayList<>();

		RegisteredIds(boolean aside) {
			this.aside = aside;
		}

		void add(Draft draft) {
			if (draft.data() != null && draft.data().nationalId() != null) {
				pending.add(draft.data().nationalId());
				if (pending.size() == ID_CHUNK) {
					send();
				}
			}
		}

		private void send() {
			var chunk = pending.toArray(String[]::new);
			pending = new ArrayList<>();
			java.util.function.Supplier<List<String>> query = () -> jdbc
				.sql("select national_id from registry.person where national_id = any(:ids)").param("ids", chunk)
				.query(String.class).list();
			chunks.add(aside ? java.util.concurrent.CompletableFuture.supplyAsync(query, lookups)
					: java.util.concurrent.CompletableFuture.completedFuture(query.get()));
		}

		java.util.Set<String> get() {
			if (!pending.isEmpty()) {
				send();
			}
			var registered = new java.util.HashSet<String>();
			for (var chunk : chunks) {
				try {
					registered.addAll(chunk.join());
				}
				catch (java.util.concurrent.CompletionException e) {
					throw e.getCause() instanceof RuntimeException cause ? cause : e;
				}
			}
			return registered;
		}
	}

	private RowResult complete(Draft draft, java.util.Set<String> registered, Map<String, Optional<String>> codeChecks) {
		var data = draft.data();
		var problems = new ArrayList<>(draft.problems());
		int number = draft.row();
		if (data == null) {
			return new RowResult(number, Outcome.ERROR, null, problems, null, null);
		}
		if (data.nationalId() != null) {
			if (registered.contains(data.nationalId())) {
				return new RowResult(number, Outcome.UNCHANGED, data, problems, draft.degree(), draft.unit());
			}
			return validated(new RowResult(number, Outcome.NEW, data, problems, draft.degree(), draft.unit()), codeChecks);
		}
		var match = duplicates.findMatch(data);
		if (match.isPresent()) {
			var existing = profiles.load(match.get()).map(Profile::data);
			if (existing.isPresent() && same(existing.get(), data)) {
				return new RowResult(number, Outcome.UNCHANGED, data, problems, draft.degree(), draft.unit());
			}
			if (duplicates.openFor(match.get(), data)) {
				return new RowResult(number, Outcome.UNCHANGED, data, problems, draft.degree(), draft.unit());
			}
			problems.add(new Problem(number, null, "registry.import.duplicate", List.of(), true));
			return validated(new RowResult(number, Outcome.DUPLICATE_REVIEW, data, problems, draft.degree(), draft.unit()), codeChecks);
		}
		return validated(new RowResult(number, Outcome.NEW, data, problems, draft.degree(), draft.unit()), codeChecks);
	}

	/** The same rules as the forms; a broken rule makes the row an error. */
	private Profiles.@Nullable RowChecks rowChecksOfTarget;

	private RowResult validated(RowResult result, Map<String, Optional<String>> codeChecks) {
		var rowChecks = rowChecksOfTarget;
		if (rowChecks == null) {
			rowChecks = rowChecksOfTarget = profiles.rowChecks();
		}
		// national IDs were looked up for the whole file at once (RegisteredIds)
		var errors = rowChecks.errorsOf(result.data(), codeChecks);
		if (errors.isEmpty()) {
			return result;
		}
		var problems = new ArrayList<>(result.problems());
		errors.forEach(err -> problems.add(new Problem(result.row(), err.field(), err.messageKey(),
				List.of(err.arguments()), false)));
		return new RowResult(result.row(), Outcome.ERROR, null, problems, null, null);
	}

	private static boolean same(PersonData a, PersonData b) {
		return Objects.equals(NameTokens.key(a.familyName(), a.middleName(), a.givenName()),
				NameTokens.key(b.familyName(), b.middleName(), b.givenName())) && a.sex() == b.sex()
				&& Objects.equals(a.birthYear(), b.birthYear()) && Objects.equals(a.birthDate(), b.birthDate())
				&& Objects.equals(a.phone(), b.phone()) && Objects.equals(a.email(), b.email());
	}

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	/**
	 * A LocalDate, an Integer year, or null when the cell is no date (dd/MM/yyyy, d/M/yy, year, Excel serial).
	 *
	 * @throws Formats.NoSuchDayException when the cell is written as a date but names no day (31/02/1990)
	 */
	static @Nullable Object birth(ImportSheets.Cell cell, Clock clock) {
		var number = cell.number();
		var text = cell.text().strip();
		if (number == null && SERIAL.matcher(text).matches()) {
			number = new BigDecimal(text);
		}
		if (number != null) {
			if (number.compareTo(BigDecimal.valueOf(1800)) >= 0 && number.compareTo(BigDecimal.valueOf(2200)) < 0
					&& number.stripTrailingZeros().scale() <= 0) {
				return number.intValue();
			}
			return Formats.excelSerialDay(number);
		}
		text = SPACES.matcher(text).replaceAll("");
		if (YEAR.matcher(text).matches()) {
			return Integer.valueOf(text);
		}
		try {
			var m = DMY.matcher(text);
			if (m.matches()) {
				int year = Integer.parseInt(m.group(3));
				if (m.group(3).length() == 2) {
					year += year > LocalDate.now(clock).getYear() % 100 ? 1900 : 2000;
				}
				return Formats.day(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), year);
			}
			var iso = ISO.matcher(text);
			if (iso.matches()) {
				return Formats.day(text, Integer.parseInt(iso.group(3)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(1)));
			}
		}
		catch (Formats.NoSuchDayException e) {
			throw e;
		}
		catch (java.time.DateTimeException e) {
			return null;
		}
		return null;
	}

	private static @Nullable String text(ImportSheets.SheetRow row, @Nullable Integer column) {
		var cell = row.cell(column);
		return cell.blank() ? null : cell.text();
	}
}
