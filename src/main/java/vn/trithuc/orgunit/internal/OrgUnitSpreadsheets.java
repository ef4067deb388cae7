package vn.trithuc.orgunit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnitRuleViolation;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.SpreadsheetUploads;
import vn.trithuc.shared.VietnameseText;

/**
 * The tree as of a date to .xlsx, and a unit list from .xlsx with the same columns: every row is checked first;
 * any problem and nothing is imported, the report names the row and the column.
 */
@Service
public class OrgUnitSpreadsheets {

	/** The columns, in order, of the export and of the import (the header row must match exactly). */
	public static final List<String> COLUMNS = List.of("Mã", "Tên", "Tên viết tắt", "Loại", "Mã đơn vị cấp trên",
			"Ngày thành lập", "Địa chỉ", "Điện thoại", "Thư điện tử", "Người đứng đầu", "Chức vụ");

	/** One problem of an import: {@code row} is the spreadsheet row number (1 = header), 0 for the file. */
	public record Problem(int row, String key, List<Object> arguments) {
	}

	public record ImportResult(int imported, List<Problem> problems) {
	}

	private final OrgUnitDirectory directory;
	private final OrgUnitOperations operations;

	OrgUnitSpreadsheets(OrgUnitDirectory directory, OrgUnitOperations operations) {
		this.directory = directory;
		this.operations = operations;
	}

	/** Writes the units in force on {@code date}, depth first; {@code kindName} gives the Vietnamese kind names. */
	@Transactional(readOnly = true)
	public void export(LocalDate date, Function<OrgUnitKind, String> kindName, OutputStream out) {
		var all = directory.allInForce(date);
		var byParent = new HashMap<@Nullable OrgUnitId, List<OrgUnit>>();
		var codes = new HashMap<OrgUnitId, String>();
		all.forEach(u -> {
			byParent.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
			codes.put(u.id(), u.code());
		});
		byParent.values().forEach(list -> list.sort(OrgUnitDirectory.TREE_ORDER));
		var ordered = new ArrayList<OrgUnit>();
		var stack = new ArrayList<>(byParent.getOrDefault(null, List.of()));
		java.util.Collections.reverse(stack);
		while (!stack.isEmpty()) {
			var unit = stack.remove(stack.size() - 1);
			ordered.add(unit);
			var children = new ArrayList<>(byParent.getOrDefault(unit.id(), List.of()));
			java.util.Collections.reverse(children);
			stack.addAll(children);
		}
		try {
			var workbook = new Workbook(out, "TriThuc", "1.0");
			var sheet = workbook.newWorksheet(Formats.DATE.format(date).replace('/', '-'));
			for (int c = 0; c < COLUMNS.size(); c++) {
				sheet.value(0, c, COLUMNS.get(c));
				sheet.style(0, c).bold().set();
			}
			int r = 1;
			for (var u : ordered) {
				var values = new String[] { u.code(), u.name(), u.shortName(), kindName.apply(u.kind()),
						u.parentId() == null ? null : codes.get(u.parentId()), Formats.DATE.format(u.validFrom()),
						u.address(), u.phone(), u.email(), u.headName(), u.headTitle() };
				for (int c = 0; c < values.length; c++) {
					if (values[c] != null) {
						sheet.value(r, c, values[c]);
					}
				}
				r++;
			}
			sheet.freezePane(0, 1);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Imports a unit list: all rows or none. {@code kindOf} maps a cell of the «Loại» column (a kind's Vietnamese
	 * name or its code) to the kind.
	 */
	@Transactional(rollbackFor = Exception.class)
	public ImportResult importUnits(InputStream in, Function<String, Optional<OrgUnitKind>> kindOf) {
		var problems = new ArrayList<Problem>();
		List<Row> rows;
		byte[] content;
		try {
			content = in.readAllBytes();
		}
		catch (IOException e) {
			return new ImportResult(0, List.of(new Problem(0, "orgunit.import.unreadable", List.of())));
		}
		if (!SpreadsheetUploads.inflatesWithinLimits(content)) {
			return new ImportResult(0, List.of(new Problem(0, SpreadsheetUploads.INFLATED_TOO_LARGE, List.of())));
		}
		try (var workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(content))) {
			var sheet = workbook.getFirstSheet();
			rows = sheet.read();
		}
		catch (IOException | RuntimeException e) {
			return new ImportResult(0, List.of(new Problem(0, "orgunit.import.unreadable", List.of())));
		}
		if (rows.isEmpty()) {
			return new ImportResult(0, List.of(new Problem(0, "orgunit.import.empty", List.of())));
		}
		var header = rows.get(0);
		for (int c = 0; c < COLUMNS.size(); c++) {
			var found = SpreadsheetUploads.text(header, c);
			if (!COLUMNS.get(c).equals(found)) {
				problems.add(new Problem(1, "orgunit.import.column", List.of(c + 1, COLUMNS.get(c), found)));
			}
		}
		if (!problems.isEmpty()) {
			return new ImportResult(0, problems);
		}
		record Parsed(int row, NewUnit unit, String parentCode, LocalDate date) {
		}
		var parsed = new ArrayList<Parsed>();
		var seen = new HashSet<String>();
		var inFile = new HashMap<String, LocalDate>();
		for (var row : rows.subList(1, rows.size())) {
			int n = row.getRowNum();
			var cells = SpreadsheetUploads.cells(row, COLUMNS.size());
			if (cells == null) {
				continue;
			}
			int before = problems.size();
			var code = cells[0];
			if (code.isEmpty()) {
				problems.add(new Problem(n, "orgunit.import.required", List.of(COLUMNS.get(0))));
			}
			else if (!seen.add(code.toLowerCase(Locale.ROOT))) {
				problems.add(new Problem(n, "orgunit.rule.codeTwice", List.of(code)));
			}
			else {
				try {
					UnitCodePolicy.check(code, operations.findFactsByCode(code));
				}
				catch (OrgUnitRuleViolation v) {
					problems.add(new Problem(n, v.key(), List.of(v.arguments())));
				}
			}
			if (cells[1].isEmpty()) {
				problems.add(new Problem(n, "orgunit.import.required", List.of(COLUMNS.get(1))));
			}
			var kind = kindOf.apply(cells[3]);
			if (kind.isEmpty()) {
				problems.add(new Problem(n, "orgunit.import.kind", List.of(cells[3])));
			}
			LocalDate date = null;
			try {
				date = cells[5].isEmpty() ? null : foundedOn(row, cells[5]);
				if (date == null) {
					problems.add(new Problem(n, "orgunit.import.required", List.of(COLUMNS.get(5))));
				}
			}
			catch (Formats.InvalidDateException e) {
				problems.add(new Problem(n, e.messageKey(), List.of(e.arguments())));
			}
			OrgUnitId parent = null;
			if (!cells[4].isEmpty()) {
				if (inFile.containsKey(cells[4].toLowerCase(Locale.ROOT))) {
					var parentFrom = inFile.get(cells[4].toLowerCase(Locale.ROOT));
					if (date != null && parentFrom != null && date.isBefore(parentFrom)) {
						problems.add(new Problem(n, "orgunit.import.parentLater", List.of(cells[4], Formats.DATE.format(parentFrom))));
					}
				}
				else {
					var facts = operations.findFactsByCode(cells[4]);
					if (facts.isEmpty()) {
						problems.add(new Problem(n, "orgunit.rule.unknownCode", List.of(cells[4])));
					}
					else if (date != null) {
						try {
							UnitLifetimePolicy.requireInForce(facts.get(), date);
							parent = facts.get().id();
						}
						catch (OrgUnitRuleViolation v) {
							problems.add(new Problem(n, v.key(), List.of(v.arguments())));
						}
					}
				}
			}
			if (!code.isEmpty()) {
				inFile.put(code.toLowerCase(Locale.ROOT), date);
			}
			if (problems.size() == before) {
				parsed.add(new Parsed(n, new NewUnit(code, cells[1], cells[2], kind.get(), parent, null, cells[6], cells[7],
						cells[8], cells[9], cells[10]), cells[4], date));
			}
		}
		if (!problems.isEmpty()) {
			return new ImportResult(0, problems);
		}
		var created = new HashMap<String, OrgUnitId>();
		for (var row : parsed) {
			var unit = row.unit();
			if (!row.parentCode().isEmpty() && unit.parent() == null) {
				unit = new NewUnit(unit.code(), unit.name(), unit.shortName(), unit.kind(),
						created.get(row.parentCode().toLowerCase(Locale.ROOT)), null, unit.address(), unit.phone(),
						unit.email(), unit.headName(), unit.headTitle());
			}
			try {
				created.put(unit.code().toLowerCase(Locale.ROOT),
						operations.create(unit, row.date(), new Decision(null, null, "Nhập từ Excel")));
			}
			catch (OrgUnitRuleViolation v) {
				TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
				return new ImportResult(0, List.of(new Problem(row.row(), v.key(), List.of(v.arguments()))));
			}
		}
		return new ImportResult(parsed.size(), List.of());
	}


	public static Map<String, OrgUnitKind> kindsByFoldedName(Function<OrgUnitKind, String> kindName) {
		var map = new HashMap<String, OrgUnitKind>();
		for (var kind : OrgUnitKind.values()) {
			map.put(VietnameseText.fold(kindName.apply(kind)), kind);
			map.put(VietnameseText.fold(kind.name()), kind);
		}
		return map;
	}

	private static boolean isYear(java.math.BigDecimal number) {
		return number.stripTrailingZeros().scale() <= 0 && number.compareTo(java.math.BigDecimal.valueOf(1800)) >= 0
				&& number.compareTo(java.math.BigDecimal.valueOf(2200)) < 0;
	}

	/** A founding date as typed (dd/MM/yyyy) or kept by Excel in a date cell (a serial day number). */
	private static LocalDate foundedOn(org.dhatim.fastexcel.reader.Row row, String text) {
		var cell = row.getCell(5);
		// a whole number 1800–2199 is a year typed alone (the import wants a day): said so by the parser, not read as
		// a day of 1904–1906
		if (cell != null && cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER && !isYear(cell.asNumber())) {
			var day = Formats.excelSerialDay(cell.asNumber());
			if (day != null) {
				return day;
			}
		}
		return Formats.parseDate(text);
	}
}
