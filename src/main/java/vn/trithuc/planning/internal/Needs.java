package vn.trithuc.planning.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.shared.SpreadsheetUploads;
import vn.trithuc.shared.VietnameseText;

/**
 * Planned needs: how many intellectuals of a field and degree a unit needs in a year. Entered one by one or imported
 * from .xlsx (all rows or none); a line for the same unit, field, degree and year replaces the earlier one.
 */
@Component
public class Needs {

	/** The columns of the import file, in order. */
	public static final List<String> COLUMNS = List.of("Mã đơn vị", "Ngành, lĩnh vực đào tạo", "Trình độ", "Năm", "Số lượng",
			"Ghi chú");
	public static final int MAX_COUNT = 100_000;
	public static final int YEARS_AHEAD = 20;

	private final JdbcClient jdbc;
	private final Levels levels;
	private final Clock clock;

	Needs(JdbcClient jdbc, Levels levels, Clock clock) {
		this.jdbc = jdbc;
		this.levels = levels;
		this.clock = clock;
	}

	public record Need(UUID id, UUID orgUnit, String field, String degree, int year, int count, @Nullable String note,
			String recordedBy, OffsetDateTime recordedAt) {
	}

	/** One line to store; validated by {@link #check}. */
	public record Line(UUID orgUnit, String field, String degree, int year, int count, @Nullable String note) {
	}

	/** A problem of a line: a message key and its arguments; row 0 = the whole file. */
	public record Problem(int row, String key, List<Object> arguments) {
	}

	public static final class Refused extends RuntimeException {

		private final List<Problem> problems;

		Refused(List<Problem> problems) {
			super(problems.toString());
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return problems;
		}
	}

	public List<Need> list(Scope scope, @Nullable Integer year) {
		return jdbc.sql("""
				select id, org_unit, field_of_study, degree, year, count, note, recorded_by, recorded_at from planning.need
				where (cast(:year as int) is null or year = :year) order by year, org_unit, field_of_study, degree""")
			.param("year", year)
			.query((rs, n) -> new Need(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class)))
			.list().stream().filter(n -> scope.includes(n.orgUnit())).toList();
	}

	public List<Integer> years(Scope scope) {
		return list(scope, null).stream().map(Need::year).distinct().sorted().toList();
	}

	/** Stores one line (replacing the same unit, field, degree and year). */
	@Transactional
	public void save(Line line, Scope scope, String actor) {
		var problems = check(1, line, scope);
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		upsert(line, actor);
	}

	@Transactional
	public boolean delete(UUID id, Scope scope) {
		var found = jdbc.sql("select org_unit from planning.need where id = :id").param("id", id).query(UUID.class).optional();
		if (found.isEmpty() || !scope.includes(found.get())) {
			return false;
		}
		return jdbc.sql("delete from planning.need where id = :id").param("id", id).update() == 1;
	}

	List<Problem> check(int row, Line line, Scope scope) {
		var problems = new ArrayList<Problem>();
		if (!scope.includes(line.orgUnit())) {
			problems.add(new Problem(row, "planning.needs.unitOutOfScope", List.of()));
		}
		if (levels.rank(CodeListKind.FIELD_OF_STUDY, line.field()).isEmpty()) {
			problems.add(new Problem(row, "planning.needs.fieldUnknown", List.of(line.field())));
		}
		if (levels.rank(CodeListKind.EDUCATION_LEVEL, line.degree()).isEmpty()) {
			problems.add(new Problem(row, "planning.needs.degreeUnknown", List.of(line.degree())));
		}
		int thisYear = LocalDate.now(clock).getYear();
		if (line.year() < thisYear || line.year() > thisYear + YEARS_AHEAD) {
			problems.add(new Problem(row, "planning.needs.yearRange", List.of(String.valueOf(thisYear), String.valueOf(thisYear + YEARS_AHEAD))));
		}
		if (line.count() < 0 || line.count() > MAX_COUNT) {
			problems.add(new Problem(row, "planning.needs.countRange", List.of()));
		}
		return problems;
	}

	private void upsert(Line line, String actor) {
		jdbc.sql("""
				insert into planning.need (id, org_unit, field_of_study, degree, year, count, note, recorded_by, recorded_at)
				values (:id, :unit, :field, :degree, :year, :count, :note, :actor, :at)
				on conflict (org_unit, field_of_study, degree, year) do update set count = excluded.count, note = excluded.note,
				  recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
			.param("id", UUID.randomUUID()).param("unit", line.orgUnit()).param("field", line.field()).param("degree", line.degree())
			.param("year", line.year()).param("count", line.count()).param("note", line.note() == null || line.note().isBlank() ? null : line.note().strip())
			.param("actor", actor).param("at", OffsetDateTime.now(clock)).update();
	}

	/**
	 * Imports an .xlsx of needs (columns {@link #COLUMNS}): every row or none.
	 *
	 * @param unitByCode the unit in force today with that code
	 * @return how many lines were stored
	 */
	@Transactional
	public int importFile(byte[] content, Scope scope, Function<String, Optional<UUID>> unitByCode, String actor) {
		if (!SpreadsheetUploads.inflatesWithinLimits(content)) {
			throw new Refused(List.of(new Problem(0, SpreadsheetUploads.INFLATED_TOO_LARGE, List.of())));
		}
		List<Row> rows;
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
			rows = workbook.getFirstSheet().read();
		}
		catch (IOException | RuntimeException e) {
			throw new Refused(List.of(new Problem(0, "planning.needs.import.unreadable", List.of())));
		}
		if (rows.isEmpty()) {
			throw new Refused(List.of(new Problem(0, "planning.needs.import.empty", List.of())));
		}
		var problems = new ArrayList<Problem>();
		var header = rows.get(0);
		for (int c = 0; c < COLUMNS.size(); c++) {
			var found = SpreadsheetUploads.text(header, c);
			if (!VietnameseText.fold(COLUMNS.get(c)).equals(VietnameseText.fold(found))) {
				problems.add(new Problem(1, "planning.needs.import.column", List.of(c + 1, COLUMNS.get(c), found)));
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		var lines = new ArrayList<Line>();
		var seen = new HashSet<String>();
		for (var row : rows.subList(1, rows.size())) {
			int n = row.getRowNum();
			var cells = SpreadsheetUploads.cells(row, COLUMNS.size());
			if (cells == null) {
				continue;
			}
			int before = problems.size();
			var unit = cells[0].isEmpty() ? Optional.<UUID>empty() : unitByCode.apply(cells[0]);
			if (unit.isEmpty()) {
				problems.add(new Problem(n, "planning.needs.import.unit", List.of(cells[0])));
			}
			var field = levels.match(CodeListKind.FIELD_OF_STUDY, cells[1]);
			if (field.isEmpty()) {
				problems.add(new Problem(n, "planning.needs.fieldUnknown", List.of(cells[1])));
			}
			var degree = levels.match(CodeListKind.EDUCATION_LEVEL, cells[2]);
			if (degree.isEmpty()) {
				problems.add(new Problem(n, "planning.needs.degreeUnknown", List.of(cells[2])));
			}
			var year = integer(cells[3]);
			if (year == null) {
				problems.add(new Problem(n, "planning.needs.import.number", List.of(COLUMNS.get(3), cells[3])));
			}
			var count = integer(cells[4]);
			if (count == null) {
				problems.add(new Problem(n, "planning.needs.import.number", List.of(COLUMNS.get(4), cells[4])));
			}
			if (problems.size() > before) {
				continue;
			}
			var line = new Line(unit.get(), field.get().code(), degree.get().code(), year, count, cells[5]);
			problems.addAll(check(n, line, scope));
			if (!seen.add(line.orgUnit() + "|" + line.field() + "|" + line.degree() + "|" + line.year())) {
				problems.add(new Problem(n, "planning.needs.import.twice", List.of()));
			}
			lines.add(line);
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		if (lines.isEmpty()) {
			throw new Refused(List.of(new Problem(0, "planning.needs.import.empty", List.of())));
		}
		lines.forEach(line -> upsert(line, actor));
		return lines.size();
	}

	private static @Nullable Integer integer(String text) {
		var t = text.strip();
		try {
			return Integer.valueOf(t);
		}
		catch (NumberFormatException e) {
			try {
				var d = Double.parseDouble(text.strip());
				return d == Math.rint(d) && Math.abs(d) < 1e9 ? (int) d : null;
			}
			catch (NumberFormatException e2) {
				return null;
			}
		}
	}

}
