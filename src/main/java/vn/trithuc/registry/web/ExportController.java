package vn.trithuc.registry.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.SpreadsheetText;
import vn.trithuc.shared.Formats;

/**
 * Exports a search result (the same query as the page, every page of it) as .xlsx or UTF-8 .csv with BOM,
 * streamed row by row, with the caller's masking and formula-looking values neutralised.
 */
@RestController
class ExportController {

	private static final List<String> COLUMNS = List.of("familyName", "middleName", "givenName", "sex", "birth",
			"ethnicGroup", "nationalId", "degree", "category", "phone", "email");

	private final PeopleSearch search;
	private final MessageSource messages;

	ExportController(PeopleSearch search, MessageSource messages) {
		this.search = search;
		this.messages = messages;
	}

	/*
	 * Written straight to the response on the request thread (chunked, row by row): an asynchronous
	 * StreamingResponseBody would race Spring Session's commit on the response thread.
	 */
	@GetMapping("/registry/people/export.xlsx")
	void xlsx(@RequestParam(defaultValue = "") String q, @RequestParam Map<String, String> params,
			Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
		var caller = Callers.of(authentication);
		var query = PeopleController.query(q, 0, params);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("xlsx"));
		var out = response.getOutputStream();
		{
			var workbook = new Workbook(out, "TriThuc", "1.0");
			var sheet = workbook.newWorksheet(messages.getMessage("registry.export.sheet", null, locale));
			for (int c = 0; c < COLUMNS.size(); c++) {
				sheet.value(0, c, header(COLUMNS.get(c), locale));
				sheet.style(0, c).bold().set();
			}
			int[] row = { 1 };
			search.each(new PeopleSearch.Query(q, query.filters(), 0, 1), caller, person -> {
				var values = values(person, locale);
				for (int c = 0; c < values.size(); c++) {
					sheet.value(row[0], c, values.get(c));
				}
				if (row[0] % 1000 == 0) {
					try {
						sheet.flush();
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
				row[0]++;
			});
			workbook.finish();
		}
	}

	@GetMapping("/registry/people/export.csv")
	void csv(@RequestParam(defaultValue = "") String q, @RequestParam Map<String, String> params,
			Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
		var caller = Callers.of(authentication);
		var query = PeopleController.query(q, 0, params);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("csv"));
		var out = response.getOutputStream();
		{
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			writer.write(csvLine(COLUMNS.stream().map(c -> header(c, locale)).toList()));
			search.each(new PeopleSearch.Query(q, query.filters(), 0, 1), caller, person -> {
				try {
					writer.write(csvLine(values(person, locale)));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			writer.flush();
		}
	}

	private String header(String column, Locale locale) {
		return switch (column) {
			case "degree" -> messages.getMessage("registry.col.degree", null, locale);
			case "category" -> messages.getMessage("registry.col.category", null, locale);
			default -> messages.getMessage("registry.field." + column, null, locale);
		};
	}

	private List<String> values(PeopleSearch.Row p, Locale locale) {
		var birth = p.birthDate() != null ? Formats.DATE.format(p.birthDate())
				: p.birthYear() == null ? "" : p.birthYear().toString();
		return List.of(p.familyName(), p.middleName(), p.givenName(), messages.getMessage(p.sex().messageKey(), null, locale),
				birth, s(p.ethnicGroup()), s(p.nationalId()), label("registry.degree.", p.highestDegree(), locale),
				label("registry.category.", p.personnelCategory(), locale), s(p.phone()), s(p.email()))
			.stream().map(SpreadsheetText::neutralise).toList();
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
