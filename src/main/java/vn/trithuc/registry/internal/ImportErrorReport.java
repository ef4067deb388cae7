package vn.trithuc.registry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dry run as a workbook the officer can fix: the uploaded rows as they were read (legacy fonts already in
 * Unicode), each bad cell filled (red for an error, yellow for a warning) with a comment giving the message, and a
 * last column "Lỗi" listing every problem of the row. Fixing the cells and uploading this file again is the
 * intended way to correct an import.
 */
@Component
public class ImportErrorReport {

	private final SpreadsheetImport imports;
	private final JdbcClient jdbc;
	private final MessageSource messages;

	ImportErrorReport(SpreadsheetImport imports, JdbcClient jdbc, MessageSource messages) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** @return the .xlsx, empty if the job is unknown or its file could not be read at all */
	@Transactional(readOnly = true)
	public Optional<byte[]> workbook(UUID job, Locale locale) {
		var stored = jdbc.sql("select file_name, content from registry.import_job where id = :id").param("id", job)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).optional();
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		var report = imports.dryRun(job).orElseThrow();
		if (report.fileError() != null) {
			return Optional.empty();
		}
		var sheet = ImportSheets.read(stored.get().getKey(), stored.get().getValue());
		return Optional.of(write(sheet, report, locale));
	}

	private byte[] write(ImportSheets.Sheet sheet, SpreadsheetImport.Report report, Locale locale) {
		var byRow = new HashMap<Integer, List<SpreadsheetImport.Problem>>();
		report.problems().forEach(p -> byRow.computeIfAbsent(p.row(), r -> new ArrayList<>()).add(p));
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var ws = workbook.createSheet(messages.getMessage("registry.import.errors.sheet", null, "Kiem tra", locale));
			var error = fill(workbook, IndexedColors.ROSE);
			var warning = fill(workbook, IndexedColors.LIGHT_YELLOW);
			var headerStyle = workbook.createCellStyle();
			var bold = workbook.createFont();
			bold.setBold(true);
			headerStyle.setFont(bold);
			var drawing = ws.createDrawingPatriarch();
			var factory = workbook.getCreationHelper();
			int width = sheet.rows().stream().mapToInt(r -> r.cells().length).max().orElse(0);
			width = Math.max(width, report.columns().values().stream().mapToInt(i -> i + 1).max().orElse(0));
			for (var row : sheet.rows()) {
				var out_ = ws.createRow(row.number() - 1);
				for (int c = 0; c < row.cells().length; c++) {
					var cell = row.cells()[c];
					if (cell == null || cell.blank()) {
						continue;
					}
					var target = out_.createCell(c);
					if (cell.number() != null) {
						target.setCellValue(cell.number().doubleValue());
					}
					else {
						target.setCellValue(cell.text());
					}
					if (row.number() == report.headerRow()) {
						target.setCellStyle(headerStyle);
					}
				}
				if (row.number() == report.headerRow()) {
					var title = out_.createCell(width);
					title.setCellValue(messages.getMessage("registry.import.errors.column", null, "Lỗi", locale));
					title.setCellStyle(headerStyle);
				}
				var problems = byRow.get(row.number());
				if (problems == null) {
					continue;
				}
				var lines = new ArrayList<String>();
				var perCell = new LinkedHashMap<Integer, List<SpreadsheetImport.Problem>>();
				for (var problem : problems) {
					var text = message(problem, locale);
					lines.add((problem.column() == null ? "" : field(problem.column(), locale) + ": ") + text);
					var column = column(problem.column(), report.columns());
					if (column != null) {
						perCell.computeIfAbsent(column, k -> new ArrayList<>()).add(problem);
					}
				}
				perCell.forEach((column, list) -> {
					var target = out_.getCell(column) == null ? out_.createCell(column) : out_.getCell(column);
					boolean anyError = list.stream().anyMatch(p -> !p.warning());
					target.setCellStyle(anyError ? error : warning);
					var anchor = factory.createClientAnchor();
					anchor.setCol1(column);
					anchor.setCol2(column + 4);
					anchor.setRow1(row.number() - 1);
					anchor.setRow2(row.number() + 3);
					var comment = drawing.createCellComment(anchor);
					comment.setString(factory.createRichTextString(
							String.join("\n", list.stream().map(p -> message(p, locale)).toList())));
					comment.setAuthor("TriThức");
					target.setCellComment(comment);
				});
				var summary = out_.createCell(width);
				// sentences one after the other ("… tháng. Số định danh …"), not ".; "
				summary.setCellValue(String.join(" ", lines.stream()
					.map(line -> line.endsWith(".") || line.endsWith("?") ? line : line + ".").toList()));
				summary.setCellStyle(problems.stream().anyMatch(p -> !p.warning()) ? error : warning);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static CellStyle fill(XSSFWorkbook workbook, IndexedColors color) {
		var style = workbook.createCellStyle();
		style.setFillForegroundColor(color.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return style;
	}

	/** The sheet column of a problem's field; names split from "Họ và tên" point at that column. */
	static Integer column(String field, Map<String, Integer> columns) {
		if (field == null) {
			return null;
		}
		var column = columns.get(field);
		if (column == null && List.of("familyName", "middleName", "givenName").contains(field)) {
			column = columns.get("fullName");
		}
		if (column == null && List.of("birthDate", "birthYear").contains(field)) {
			column = columns.get("birth");
		}
		return column;
	}

	String message(SpreadsheetImport.Problem problem, Locale locale) {
		return messages.getMessage(problem.messageKey(), problem.arguments().toArray(), problem.messageKey(), locale);
	}

	String field(String field, Locale locale) {
		return messages.getMessage("registry.field." + field, null, field, locale);
	}
}
