package vn.trithuc.registry.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.registry.Sex;
import vn.trithuc.shared.SpreadsheetUploads;
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
	private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");
	private static final Pattern YEAR = Pattern.compile("(18|19|20)\\d{2}");
	private static final Pattern DIGITS = Pattern.compile("\\d+");

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
		HEADERS.put("email", List.of("email", "e-mail", "thu dien tu", "hop thu"));
	}

	public enum Outcome {
		NEW, UNCHANGED, DUPLICATE_REVIEW, ERROR
	}

	/** A problem of one cell (column null = the whole row). */
	public record Problem(int row, @Nullable String column, String messageKey, List<Object> arguments, boolean warning) {
	}

	public record RowResult(int row, Outcome outcome, @Nullable PersonData data, List<Problem> problems) {
	}

	public record Report(UUID job, String fileName, int headerRow, Map<String, Integer> columns, List<RowResult> rows,
			@Nullable String fileError) {

		public long count(Outcome outcome) {
			return rows.stream().filter(r -> r.outcome() == outcome).count();
		}

		public List<Problem> problems() {
			return rows.stream().flatMap(r -> r.problems().stream()).toList();
		}
	}

	public record Job(UUID id, String fileName, String status, String createdBy, Instant createdAt,
			@Nullable String appliedSummary) {
	}

	private final JdbcClient jdbc;
	private final Profiles profiles;
	private final DuplicateRule duplicates;
	private final NationalIdPolicy nationalIds = new NationalIdPolicy();
	private final Clock clock;
	private final RegistryCodes codes;
	private final TransactionTemplate separately;

	SpreadsheetImport(JdbcClient jdbc, Profiles profiles, DuplicateRule duplicates, Clock clock, RegistryCodes codes,
			PlatformTransactionManager transactions) {
		this.codes = codes;
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.duplicates = duplicates;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Stores the file and returns its dry-run report. */
	public Report upload(String fileName, byte[] content, String actor) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry.import_job (id, file_name, content, status, created_by, created_at)
				values (:id, :name, :content, 'DRY_RUN', :actor, :now)""")
			.param("id", id).param("name", fileName).param("content", content).param("actor", actor)
			.param("now", Timestamp.from(clock.instant())).update();
		return dryRun(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Report> dryRun(UUID job) {
		return jdbc.sql("select file_name, content from registry.import_job where id = :id").param("id", job)
			.query((rs, n) -> check(job, rs.getString(1), rs.getBytes(2))).optional();
	}

	@Transactional(readOnly = true)
	public Optional<Job> job(UUID id) {
		return jobs("where id = :id", Map.of("id", id)).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public List<Job> recent() {
		return jobs("", Map.of());
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
		separately.executeWithoutResult(s -> jdbc.sql("""
				update registry.import_job set status = 'FAILED', applied_summary = 'INTERRUPTED'
				where id = :id and status <> 'APPLIED'""").param("id", job).update());
		if (jdbc.sql("select id from registry.import_job where id = :id for update").param("id", job).query(UUID.class)
			.optional().isEmpty()) {
			return Optional.empty();
		}
		var report = dryRun(job);
		if (report.isEmpty()) {
			return Optional.empty();
		}
		var counts = new LinkedHashMap<Outcome, Long>();
		for (var outcome : Outcome.values()) {
			counts.put(outcome, 0L);
		}
		if (report.get().fileError() == null) {
			for (var row : report.get().rows()) {
				var outcome = row.outcome();
				if (outcome == Outcome.NEW || outcome == Outcome.DUPLICATE_REVIEW) {
					var registration = profiles.register(row.data(), actor);
					outcome = registration instanceof Profiles.RoutedToReview ? Outcome.DUPLICATE_REVIEW : Outcome.NEW;
				}
				counts.merge(outcome, 1L, Long::sum);
			}
		}
		jdbc.sql("update registry.import_job set status = 'APPLIED', applied_at = :now, applied_summary = :summary where id = :id")
			.param("now", Timestamp.from(clock.instant())).param("summary", counts.toString()).param("id", job).update();
		return Optional.of(counts);
	}

	Report check(UUID job, String fileName, byte[] content) {
		if (!SpreadsheetUploads.inflatesWithinLimits(content)) {
			return new Report(job, fileName, 0, Map.of(), List.of(), SpreadsheetUploads.INFLATED_TOO_LARGE);
		}
		List<Row> rows;
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
			var sheet = workbook.getFirstSheet();
			try (var stream = sheet.openStream()) {
				rows = stream.toList();
			}
		}
		catch (IOException | RuntimeException e) {
			return new Report(job, fileName, 0, Map.of(), List.of(), "registry.import.unreadable");
		}
		int headerIndex = -1;
		Map<String, Integer> columns = Map.of();
		for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
			var found = headers(rows.get(i));
			if (found.size() > columns.size()) {
				columns = found;
				headerIndex = i;
			}
		}
		boolean names = columns.containsKey("fullName") || (columns.containsKey("familyName") && columns.containsKey("givenName"));
		if (headerIndex < 0 || !names || columns.size() < 2) {
			return new Report(job, fileName, 0, columns, List.of(), "registry.import.noHeader");
		}
		var results = new ArrayList<RowResult>();
		var seenIds = new HashMap<String, Integer>();
		for (int i = headerIndex + 1; i < rows.size(); i++) {
			var row = rows.get(i);
			if (blank(row)) {
				continue;
			}
			results.add(checkRow(row, columns, seenIds));
		}
		return new Report(job, fileName, rows.get(headerIndex).getRowNum(), columns, results, null);
	}

	static Map<String, Integer> headers(Row row) {
		var found = new LinkedHashMap<String, Integer>();
		for (var cell : row) {
			if (cell == null || cell.getType() != CellType.STRING) {
				continue;
			}
			var text = normaliseHeader(cell.getText());
			for (var entry : HEADERS.entrySet()) {
				if (!found.containsKey(entry.getKey()) && entry.getValue().contains(text)) {
					found.put(entry.getKey(), cell.getColumnIndex());
					break;
				}
			}
		}
		return found;
	}

	static String normaliseHeader(String text) {
		return VietnameseText.fold(text).replaceAll("[^a-z0-9/ ,-]", " ").replaceAll("\\s+", " ").strip()
			.replaceAll("^stt$", "stt");
	}

	private RowResult checkRow(Row row, Map<String, Integer> columns, Map<String, Integer> seenIds) {
		int number = row.getRowNum();
		var problems = new ArrayList<Problem>();
		String family = text(row, columns.get("familyName"));
		String middle = text(row, columns.get("middleName"));
		String given = text(row, columns.get("givenName"));
		var full = text(row, columns.get("fullName"));
		if (full != null && (family == null || given == null)) {
			var parts = VietnameseText.nfc(full).split("\\s+");
			if (parts.length >= 2) {
				family = parts[0];
				given = parts[parts.length - 1];
				middle = String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
			}
			else {
				problems.add(new Problem(number, "fullName", "registry.import.fullName", List.of(), false));
			}
		}
		if (family == null || given == null) {
			problems.add(new Problem(number, "givenName", "registry.required", List.of(), false));
		}
		Sex sex = null;
		var sexText = text(row, columns.get("sex"));
		if (sexText != null) {
			var folded = VietnameseText.fold(sexText);
			sex = switch (folded) {
				case "nam", "m", "male", "1" -> Sex.MALE;
				case "nu", "f", "female", "0", "2" -> Sex.FEMALE;
				default -> null;
			};
			if (sex == null) {
				problems.add(new Problem(number, "sex", "registry.import.sex", List.of(sexText), false));
			}
		}
		else {
			problems.add(new Problem(number, "sex", "registry.required", List.of(), false));
		}
		LocalDate birthDate = null;
		Integer birthYear = null;
		var birthCell = cell(row, columns.get("birth"));
		if (birthCell != null) {
			var parsed = birth(birthCell);
			if (parsed == null) {
				problems.add(new Problem(number, "birth", "registry.import.birth", List.of(birthCell.getText()), false));
			}
			else if (parsed instanceof LocalDate date) {
				birthDate = date;
			}
			else {
				birthYear = (Integer) parsed;
			}
		}
		String nationalId = null;
		var idCell = cell(row, columns.get("nationalId"));
		if (idCell != null) {
			var raw = idCell.getType() == CellType.NUMBER ? idCell.asNumber().toPlainString() : idCell.getText().replaceAll("[\\s.]", "");
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
		if (oldId != null && !nationalIds.validOldId(oldId.replaceAll("\\s", ""))) {
			problems.add(new Problem(number, "oldId", "registry.oldId.format", List.of(), false));
			oldId = null;
		}
		var email = text(row, columns.get("email"));
		var phone = text(row, columns.get("phone"));
		if (problems.stream().anyMatch(p -> !p.warning())) {
			return new RowResult(number, Outcome.ERROR, null, problems);
		}
		var ethnic = text(row, columns.get("ethnicGroup"));
		var religion = text(row, columns.get("religion"));
		var data = new PersonData(family, middle == null ? "" : middle, given, null, sex, birthDate, birthYear,
				ethnic == null ? null : codes.codeFor("ethnic-groups", ethnic).orElse(ethnic),
				religion == null ? null : codes.codeFor("religions", religion).orElse(religion), nationalId,
				oldId == null ? null : oldId.replaceAll("\\s", ""), null, null, phone, email, null);
		if (nationalId != null) {
			var result = nationalIds.check(nationalId, data.birthYear(), sex);
			result.errors().forEach(f -> problems.add(new Problem(number, "nationalId", f.messageKey(), f.arguments(), false)));
			result.warnings().forEach(f -> problems.add(new Problem(number, "nationalId", f.messageKey(), f.arguments(), true)));
			if (!result.valid()) {
				return new RowResult(number, Outcome.ERROR, null, problems);
			}
			var holder = jdbc.sql("select id from registry.person where national_id = :n").param("n", nationalId)
				.query(UUID.class).optional();
			if (holder.isPresent()) {
				return new RowResult(number, Outcome.UNCHANGED, data, problems);
			}
			return validated(new RowResult(number, Outcome.NEW, data, problems));
		}
		var match = duplicates.findMatch(data);
		if (match.isPresent()) {
			var existing = profiles.load(match.get()).map(Profile::data);
			if (existing.isPresent() && same(existing.get(), data)) {
				return new RowResult(number, Outcome.UNCHANGED, data, problems);
			}
			if (duplicates.openFor(match.get(), data)) {
				return new RowResult(number, Outcome.UNCHANGED, data, problems);
			}
			problems.add(new Problem(number, null, "registry.import.duplicate", List.of(), true));
			return validated(new RowResult(number, Outcome.DUPLICATE_REVIEW, data, problems));
		}
		return validated(new RowResult(number, Outcome.NEW, data, problems));
	}

	/** The same rules as the forms; a broken rule makes the row an error. */
	private RowResult validated(RowResult result) {
		try {
			profiles.validate(result.data(), null);
			return result;
		}
		catch (Profiles.InvalidProfileException e) {
			var problems = new ArrayList<>(result.problems());
			e.errors().forEach(err -> problems.add(new Problem(result.row(), err.field(), err.messageKey(),
					List.of(err.arguments()), false)));
			return new RowResult(result.row(), Outcome.ERROR, null, problems);
		}
	}

	private static boolean same(PersonData a, PersonData b) {
		return Objects.equals(NameTokens.key(a.familyName(), a.middleName(), a.givenName()),
				NameTokens.key(b.familyName(), b.middleName(), b.givenName())) && a.sex() == b.sex()
				&& Objects.equals(a.birthYear(), b.birthYear()) && Objects.equals(a.birthDate(), b.birthDate())
				&& Objects.equals(a.phone(), b.phone()) && Objects.equals(a.email(), b.email());
	}

	/** A LocalDate, an Integer year, or null when the cell is no date. */
	static @Nullable Object birth(Cell cell) {
		if (cell.getType() == CellType.NUMBER) {
			var number = cell.asNumber();
			if (number.compareTo(BigDecimal.valueOf(1800)) >= 0 && number.compareTo(BigDecimal.valueOf(2200)) < 0
					&& number.scale() <= 0) {
				return number.intValue();
			}
			if (number.compareTo(BigDecimal.ONE) >= 0 && number.compareTo(BigDecimal.valueOf(80_000)) < 0) {
				return LocalDate.of(1899, 12, 30).plusDays(number.longValue()); // Excel serial date
			}
			return null;
		}
		var text = cell.getText().strip();
		if (YEAR.matcher(text).matches()) {
			return Integer.valueOf(text);
		}
		var m = DMY.matcher(text);
		if (m.matches()) {
			int year = Integer.parseInt(m.group(3));
			if (m.group(3).length() == 2) {
				year += year > LocalDate.now().getYear() % 100 ? 1900 : 2000;
			}
			try {
				return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
			}
			catch (java.time.DateTimeException e) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable Cell cell(Row row, @Nullable Integer column) {
		if (column == null) {
			return null;
		}
		var cell = row.getOptionalCell(column).orElse(null);
		if (cell == null || cell.getType() == CellType.EMPTY || cell.getText() == null || cell.getText().isBlank()) {
			return null;
		}
		return cell;
	}

	private static @Nullable String text(Row row, @Nullable Integer column) {
		var cell = cell(row, column);
		if (cell == null) {
			return null;
		}
		var text = cell.getType() == CellType.NUMBER ? cell.asNumber().toPlainString() : cell.getText();
		var value = VietnameseText.nfc(text);
		return value.isEmpty() ? null : value;
	}

	private static boolean blank(Row row) {
		for (var cell : row) {
			if (cell != null && cell.getType() != CellType.EMPTY && cell.getText() != null && !cell.getText().isBlank()) {
				return false;
			}
		}
		return true;
	}
}
