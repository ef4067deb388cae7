package vn.trithuc.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.VietnameseText;

/**
 * What a new version of a code list read from a spreadsheet must satisfy, and how it differs from the
 * current version. No Spring, no database: the caller passes the current entries and the codes of the lists
 * referred to.
 */
public final class CodeListImportRules {

	static final int MAX_CODE = 40;
	static final int MAX_NAME = 300;

	/** A checked row of the file. */
	public record ImportRow(int row, String code, String name, int sortOrder, CodeListEntry.Status status,
			Map<String, String> attributes) {
	}

	public record Renamed(String code, String oldName, String newName) {
	}

	/** Added, renamed, retired, otherwise changed (sort order, status, extra columns) and unchanged entries. */
	public record Diff(List<ImportRow> added, List<Renamed> renamed, List<CodeListEntry> retired, List<ImportRow> changed,
			int unchanged) {

		public boolean empty() {
			return added.isEmpty() && renamed.isEmpty() && retired.isEmpty() && changed.isEmpty();
		}
	}

	private static final Map<String, String> CORE_ALIASES = Map.ofEntries(Map.entry("code", "code"),
			Map.entry("ma", "code"), Map.entry("ma so", "code"), Map.entry("name", "name"), Map.entry("ten", "name"),
			Map.entry("sort_order", "sort_order"), Map.entry("thu tu", "sort_order"), Map.entry("stt", "sort_order"),
			Map.entry("status", "status"), Map.entry("trang thai", "status"));

	private CodeListImportRules() {
	}

	/** The columns of a list, as the file must name them. */
	static List<String> columns(CodeListKind kind) {
		var columns = new ArrayList<>(List.of("code", "name", "sort_order", "status"));
		columns.addAll(kind.attributes());
		return columns;
	}

	/** The list another list's column refers to (its values must be codes of that list). */
	static Optional<CodeListKind> reference(CodeListKind kind, String attribute) {
		if (kind == CodeListKind.DEGREE && attribute.equals("education_level")) {
			return Optional.of(CodeListKind.EDUCATION_LEVEL);
		}
		if (kind == CodeListKind.EDUCATION_LEVEL && attribute.equals("equivalent_to")) {
			return Optional.of(CodeListKind.EDUCATION_LEVEL);
		}
		return Optional.empty();
	}

	/**
	 * Checks the file against the list.
	 *
	 * @param current entries of the current version
	 * @param referenced for each list referred to by a column, its codes (other than {@code kind} itself)
	 * @return the rows, or refused with every problem found
	 */
	static List<ImportRow> check(CodeListKind kind, SpreadsheetFile.Sheet sheet, List<CodeListEntry> current,
			Map<CodeListKind, Set<String>> referenced) {
		var problems = new ArrayList<Problem>();
		var columnIndex = header(kind, sheet.header(), problems);
		if (!problems.isEmpty()) {
			throw new Problem.Refused(problems);
		}
		var byCode = current.stream().collect(Collectors.toMap(CodeListEntry::code, Function.identity()));
		int codeWidth = numericCodeWidth(current);
		var rows = new ArrayList<ImportRow>();
		var firstRowOf = new HashMap<String, Integer>();
		int codeColumn = columnIndex.get("code");
		int nameColumn = columnIndex.get("name");
		for (var line : sheet.lines()) {
			int before = problems.size();
			var code = pad(line.cell(codeColumn).strip(), codeWidth);
			var name = line.cell(nameColumn).strip();
			if (code.isEmpty()) {
				problems.add(Problem.at(line.number(), codeColumn, "missingCode"));
			}
			else if (code.length() > MAX_CODE) {
				problems.add(Problem.at(line.number(), codeColumn, "tooLong", MAX_CODE));
			}
			else if (firstRowOf.containsKey(code)) {
				problems.add(Problem.at(line.number(), codeColumn, "duplicateCode", code, firstRowOf.get(code)));
			}
			else {
				firstRowOf.put(code, line.number());
				var existing = byCode.get(code);
				if (existing != null && !existing.active()) {
					problems.add(Problem.at(line.number(), codeColumn, "retiredCode", code,
							Formats.DATE.format(existing.retiredOn())));
				}
			}
			if (name.isEmpty()) {
				problems.add(Problem.at(line.number(), nameColumn, "missingName"));
			}
			else if (name.length() > MAX_NAME) {
				problems.add(Problem.at(line.number(), nameColumn, "tooLong", MAX_NAME));
			}
			int sortOrder = rows.size() + 1;
			if (columnIndex.containsKey("sort_order")) {
				var text = line.cell(columnIndex.get("sort_order")).strip();
				if (!text.isEmpty()) {
					try {
						sortOrder = Integer.parseInt(text);
					}
					catch (NumberFormatException e) {
						problems.add(Problem.at(line.number(), columnIndex.get("sort_order"), "sortOrder", text));
					}
				}
			}
			var status = CodeListEntry.Status.UNVERIFIED;
			if (columnIndex.containsKey("status")) {
				var text = line.cell(columnIndex.get("status")).strip();
				var parsed = status(text);
				if (parsed == null) {
					problems.add(Problem.at(line.number(), columnIndex.get("status"), "status", text));
				}
				else {
					status = parsed;
				}
			}
			var attributes = new LinkedHashMap<String, String>();
			for (var attribute : kind.attributes()) {
				var index = columnIndex.get(attribute);
				attributes.put(attribute, index == null ? "" : line.cell(index).strip());
			}
			if (problems.size() == before) {
				rows.add(new ImportRow(line.number(), code, name, sortOrder, status, attributes));
			}
		}
		// references: after all rows are known (a list may refer to its own codes)
		var fileCodes = firstRowOf.keySet();
		for (var row : rows) {
			for (var attribute : kind.attributes()) {
				var target = reference(kind, attribute);
				var value = row.attributes().get(attribute);
				if (target.isEmpty() || value.isEmpty()) {
					continue;
				}
				var known = target.get() == kind ? fileCodes : referenced.getOrDefault(target.get(), Set.of());
				if (!known.contains(value)) {
					problems.add(Problem.at(row.row(), columnIndex.get(attribute), "unknownCode", value,
							target.get().slug()));
				}
			}
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(Problem.of("empty"));
		}
		if (!problems.isEmpty()) {
			problems.sort(java.util.Comparator.comparingInt(p -> p.args().isEmpty() || !(p.args().get(0) instanceof Integer i) ? 0 : i));
			throw new Problem.Refused(problems);
		}
		return rows;
	}

	/** Which column holds what; problems for missing, unknown and repeated headers. */
	private static Map<String, Integer> header(CodeListKind kind, List<String> header, List<Problem> problems) {
		var columns = columns(kind);
		var expected = String.join(", ", columns);
		var index = new LinkedHashMap<String, Integer>();
		for (int i = 0; i < header.size(); i++) {
			var text = header.get(i).strip();
			if (text.isEmpty()) {
				continue;
			}
			var folded = VietnameseText.fold(text).replace('-', '_');
			var column = CORE_ALIASES.getOrDefault(folded, kind.attributes().contains(folded) ? folded : null);
			if (column == null) {
				problems.add(Problem.of("unknownColumn", Problem.columnLetter(i), text, expected));
			}
			else if (index.containsKey(column)) {
				problems.add(Problem.of("duplicateColumn", Problem.columnLetter(i), text));
			}
			else {
				index.put(column, i);
			}
		}
		for (var required : List.of("code", "name")) {
			if (!index.containsKey(required)) {
				problems.add(Problem.of("missingColumn", required, expected));
			}
		}
		return index;
	}

	private static CodeListEntry.Status status(String text) {
		return switch (VietnameseText.fold(text)) {
			case "", "unverified", "chua xac minh" -> CodeListEntry.Status.UNVERIFIED;
			case "verified", "da xac minh" -> CodeListEntry.Status.VERIFIED;
			default -> null;
		};
	}

	/** When every current code is digits of one width (ethnic groups 01–54), Excel's number 1 means code 01. */
	private static int numericCodeWidth(List<CodeListEntry> current) {
		var widths = current.stream().map(CodeListEntry::code).filter(c -> c.chars().allMatch(Character::isDigit))
			.map(String::length).collect(Collectors.toSet());
		boolean allNumeric = !current.isEmpty() && current.stream().allMatch(e -> e.code().chars().allMatch(Character::isDigit));
		return allNumeric && widths.size() == 1 ? widths.iterator().next() : 0;
	}

	private static String pad(String code, int width) {
		if (width == 0 || code.isEmpty() || code.length() >= width || !code.chars().allMatch(Character::isDigit)) {
			return code;
		}
		return "0".repeat(width - code.length()) + code;
	}

	/** How the checked rows differ from the current version. */
	static Diff diff(List<CodeListEntry> current, List<ImportRow> rows) {
		var byCode = current.stream().collect(Collectors.toMap(CodeListEntry::code, Function.identity()));
		var added = new ArrayList<ImportRow>();
		var renamed = new ArrayList<Renamed>();
		var changed = new ArrayList<ImportRow>();
		int unchanged = 0;
		for (var row : rows) {
			var existing = byCode.get(row.code());
			if (existing == null) {
				added.add(row);
			}
			else if (!existing.name().equals(row.name())) {
				renamed.add(new Renamed(row.code(), existing.name(), row.name()));
			}
			else if (existing.sortOrder() != row.sortOrder() || existing.status() != row.status()
					|| !sameAttributes(existing.attributes(), row.attributes())) {
				changed.add(row);
			}
			else {
				unchanged++;
			}
		}
		var inFile = rows.stream().map(ImportRow::code).collect(Collectors.toSet());
		var retired = current.stream().filter(CodeListEntry::active).filter(e -> !inFile.contains(e.code())).toList();
		return new Diff(added, renamed, retired, changed, unchanged);
	}

	/**
	 * The entries of the new version: the file's rows, then every current entry absent from the file, retired
	 * from {@code today} if it was active (never deleted).
	 */
	static List<CodeListEntry> apply(CodeListKind kind, List<CodeListEntry> current, List<ImportRow> rows,
			java.time.LocalDate today) {
		var result = new ArrayList<CodeListEntry>();
		var inFile = new java.util.HashSet<String>();
		for (var row : rows) {
			inFile.add(row.code());
			result.add(new CodeListEntry(kind, row.code(), row.name(), row.sortOrder(), row.status(), null, row.attributes()));
		}
		for (var entry : current) {
			if (!inFile.contains(entry.code())) {
				result.add(entry.active() ? new CodeListEntry(kind, entry.code(), entry.name(), entry.sortOrder(),
						entry.status(), today, entry.attributes()) : entry);
			}
		}
		return result;
	}

	private static boolean sameAttributes(Map<String, String> a, Map<String, String> b) {
		var keys = new java.util.HashSet<>(a.keySet());
		keys.addAll(b.keySet());
		return keys.stream().allMatch(k -> Objects.equals(a.getOrDefault(k, ""), b.getOrDefault(k, "")));
	}
}
