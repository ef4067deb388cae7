package vn.trithuc.registry.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.ProfileVisibility;
import vn.trithuc.registry.internal.RegistryCodes;
import vn.trithuc.registry.internal.SpreadsheetText;
import vn.trithuc.identity.SecurityAudit;
import vn.trithuc.shared.Formats;

/**
 * Exports a search result (the same query as the page, every page of it) as .xlsx or UTF-8 .csv with BOM,
 * streamed row by row, with the caller's masking and formula-looking values neutralised.
 */
@RestController
class ExportController {

	/** Every column the export dialog offers (party membership only to callers who may see it). */
	private static final List<String> ALL_COLUMNS = List.of("familyName", "middleName", "givenName", "sex", "birth",
			"ethnicGroup", "nationalId", "degree", "field", "title", "category", "unit", "party", "talent", "phone", "email");
	/** The columns exported when none are chosen (and checked first in the dialog). */
	static final List<String> DEFAULT_COLUMNS = List.of("familyName", "middleName", "givenName", "sex", "birth",
			"ethnicGroup", "nationalId", "degree", "category", "unit", "phone", "email");

	static List<String> columns(boolean seesParty) {
		return ALL_COLUMNS.stream().filter(c -> seesParty || !c.equals("party")).toList();
	}

	private final PeopleSearch search;
	private final MessageSource messages;
	private final SecurityAudit audit;
	private final ProfileVisibility visibility;
	private final RegistryCodes codes;

	ExportController(PeopleSearch search, MessageSource messages, SecurityAudit audit, ProfileVisibility visibility,
			RegistryCodes codes) {
		this.visibility = visibility;
		this.codes = codes;
		this.search = search;
		this.messages = messages;
		this.audit = audit;
	}

	/*
	 * Written straight to the response on the request thread (chunked, row by row): an asynchronous
	 * StreamingResponseBody would race Spring Session's commit on the response thread.
	 */
	@GetMapping("/registry/people/export.xlsx")
	void xlsx(@RequestParam(defaultValue = "") String q, @RequestParam Map<String, String> params,
			@RequestParam(name = "cols", required = false) List<String> cols,
			@RequestParam(defaultValue = "false") boolean fullIds,
			Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
		var caller = Callers.of(authentication);
		var query = PeopleController.query(q, 0, params);
		var columns = chosen(cols, caller);
		boolean full = fullIds && visibility.seesNationalId(caller, false);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("xlsx"));
		audited("xlsx", query, columns, full, rows -> {
			var workbook = new Workbook(response.getOutputStream(), "TriThuc", "1.0");
			var sheet = workbook.newWorksheet(messages.getMessage("registry.export.sheet", null, locale));
			// widths, frozen header: written with the sheet's head, so before the first flush
			for (int c = 0; c < columns.size(); c++) {
				sheet.width(c, width(columns.get(c)));
				sheet.value(0, c, header(columns.get(c), locale));
				sheet.style(0, c).bold().set();
			}
			sheet.freezePane(0, 1);
			var unitNames = new HashMap<UUID, String>();
			search.each(query, caller, found -> {
				var person = full ? found : found.withMaskedNationalId();
				int row = (int) ++rows[0];
				for (int c = 0; c < columns.size(); c++) {
					write(sheet, row, c, person, columns.get(c), unitNames, locale);
				}
				if (row % 1000 == 0) {
					try {
						sheet.flush();
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
			});
			// the filter arrows on the header, over every written row (the sheet's tail is written at finish)
			sheet.setAutoFilter(0, 0, (int) rows[0], columns.size() - 1);
			workbook.finish();
		});
	}

	/** Writes an export, counting its rows in {@code rows[0]}. */
	@FunctionalInterface
	private interface Export {
		void write(long[] rows) throws IOException;
	}

	/**
	 * Writes an export and records it in the security audit log: what was asked (text, filters, columns, full IDs) and
	 * how many rows went out — also when the download broke off (the client gone, which it can cause at will after
	 * reading the rows it wanted): then it says so.
	 */
	private void audited(String format, PeopleSearch.Query query, List<String> columns, boolean fullIds, Export export)
			throws IOException {
		long[] rows = { 0 };
		boolean complete = false;
		try {
			export.write(rows);
			complete = true;
		}
		finally {
			audit.recordPersonalDataExport("registry people list (." + format + ") q=" + query.text() + " filters="
					+ query.filters() + " columns=" + columns + (fullIds ? " full national IDs" : "")
					+ (complete ? "" : " broken off"), rows[0]);
		}
	}

	/** Excel's date format: shown as 11/11/1966 and sorted and filtered as a date. */
	static final String EXCEL_DATE = "dd/mm/yyyy";

	/**
	 * One cell: a full birth date as a real date (Excel has none before 1900: such a date stays text), everything else
	 * as text (a national ID or phone keeps its leading zeros); values unique to a person inline, so that no table of
	 * them grows with the export.
	 */
	private void write(Worksheet sheet, int r, int c, PeopleSearch.Row person, String column, Map<UUID, String> unitNames,
			Locale locale) {
		if (column.equals("birth") && person.birthDate() != null && person.birthDate().getYear() >= 1900) {
			sheet.value(r, c, person.birthDate());
			sheet.style(r, c).format(EXCEL_DATE).set();
			return;
		}
		var text = SpreadsheetText.neutralise(value(person, column, unitNames, locale));
		if (text.isEmpty()) {
			return;
		}
		switch (column) {
			case "nationalId", "phone", "email" -> sheet.inlineString(r, c, text);
			default -> sheet.value(r, c, text);
		}
	}

	/** Column widths by kind, in characters (a streamed sheet cannot measure its cells). */
	static double width(String column) {
		return switch (column) {
			case "sex", "talent" -> 10;
			case "birth" -> 12;
			case "familyName", "middleName", "givenName", "phone" -> 14;
			case "ethnicGroup", "party" -> 16;
			case "nationalId" -> 18;
			case "degree", "title", "category" -> 20;
			case "email" -> 28;
			case "field", "unit" -> 36;
			default -> 16;
		};
	}

	@GetMapping("/registry/people/export.csv")
	void csv(@RequestParam(defaultValue = "") String q, @RequestParam Map<String, String> params,
			@RequestParam(name = "cols", required = false) List<String> cols,
			@RequestParam(defaultValue = "false") boolean fullIds,
			Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
		var caller = Callers.of(authentication);
		var query = PeopleController.query(q, 0, params);
		var columns = chosen(cols, caller);
		boolean full = fullIds && visibility.seesNationalId(caller, false);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("csv"));
		audited("csv", query, columns, full, rows -> {
			Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			writer.write(csvLine(columns.stream().map(c -> header(c, locale)).toList()));
			var unitNames = new HashMap<UUID, String>();
			search.each(query, caller, found -> {
				var person = full ? found : found.withMaskedNationalId();
				try {
					writer.write(csvLine(values(person, columns, unitNames, locale)));
					rows[0]++;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			writer.flush();
		});
	}

	/** The chosen columns the caller may have, in the dialog's order; the default set when none is chosen. */
	private List<String> chosen(List<String> cols, vn.trithuc.registry.internal.Caller caller) {
		var allowed = columns(visibility.seesPartyMembership(caller, false));
		if (cols == null || cols.isEmpty()) {
			return DEFAULT_COLUMNS;
		}
		var picked = allowed.stream().filter(cols::contains).toList();
		return picked.isEmpty() ? DEFAULT_COLUMNS : picked;
	}

	private String header(String column, Locale locale) {
		return messages.getMessage("registry.export.col." + column, null, locale);
	}

	private List<String> values(PeopleSearch.Row p, List<String> columns, Map<UUID, String> unitNames, Locale locale) {
		var values = new java.util.ArrayList<String>(columns.size());
		for (var column : columns) {
			values.add(SpreadsheetText.neutralise(value(p, column, unitNames, locale)));
		}
		return values;
	}

	/** @param unitNames the units named so far in this export (a province has a few hundred units, not one per row) */
	private String value(PeopleSearch.Row p, String column, Map<UUID, String> unitNames, Locale locale) {
		return switch (column) {
			case "familyName" -> p.familyName();
			case "middleName" -> p.middleName();
			case "givenName" -> p.givenName();
			case "sex" -> messages.getMessage(p.sex().messageKey(), null, locale);
			case "birth" -> p.birthDate() != null ? Formats.DATE.format(p.birthDate())
					: p.birthYear() == null ? "" : p.birthYear().toString();
			case "ethnicGroup" -> codes.name("ethnic-groups", p.ethnicGroup());
			case "nationalId" -> s(p.nationalId());
			case "degree" -> label("registry.degree.", p.highestDegree(), locale);
			case "field" -> String.join("; ", p.fields().stream().map(f -> codes.name("fields-of-study", f)).toList());
			case "title" -> codes.name("academic-titles", p.academicTitle());
			case "category" -> label("registry.category.", p.personnelCategory(), locale);
			case "unit" -> p.currentOrgUnit() == null ? ""
					: unitNames.computeIfAbsent(p.currentOrgUnit(), u -> codes.orgUnitName(u.toString()));
			case "party" -> p.partyMember() == null ? "" : messages.getMessage("registry.party." + p.partyMember(), null, locale);
			case "talent" -> p.talent() ? messages.getMessage("registry.talent.true", null, locale) : "";
			case "phone" -> s(p.phone());
			case "email" -> s(p.email());
			default -> "";
		};
	}

	private String label(String prefix, String code, Locale locale) {
		return code == null ? "" : messages.getMessage(prefix + code, null, code, locale);
	}

	private static String s(Object value) {
		return value == null ? "" : value.toString();
	}

	static String csvLine(List<String> values) {
		var line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			var v = values.get(i);
			if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
				line.append('"').append(v.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(v);
			}
		}
		return line.append("\r\n").toString();
	}

	private static String attachment(String extension) {
		return ContentDisposition.attachment()
			.filename("tri-thuc-" + LocalDate.now(Formats.ZONE) + "." + extension, StandardCharsets.UTF_8).build().toString();
	}
}
