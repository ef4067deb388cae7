package vn.trithuc.analytics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.trithuc.analytics.internal.AnalyticsSettings;
import vn.trithuc.analytics.internal.StandardTable;
import vn.trithuc.analytics.internal.Statistics.Question;
import vn.trithuc.documents.BarChart;
import vn.trithuc.documents.Block;
import vn.trithuc.documents.ChartImage;
import vn.trithuc.documents.DocumentDate;
import vn.trithuc.documents.DocumentFormat;
import vn.trithuc.documents.DocumentNumber;
import vn.trithuc.documents.Documents;
import vn.trithuc.documents.OfficialDocument;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/**
 * The named standard tables (Biểu 01 …): each as of a date on screen with its chart, and the same table and the
 * same chart (rendered once on the server) in .xlsx, PDF and DOCX.
 */
@Controller
class StandardTableController {

	/** The chart shows the largest rows and columns; the table shows them all. */
	static final int CHART_ROWS = 10;
	static final int CHART_SERIES = 5;

	private final PivotTables pivotTables;
	private final Questions questions;
	private final Labels labels;
	private final Documents documents;
	private final AnalyticsSettings settings;
	private final vn.trithuc.analytics.internal.Statistics statistics;

	StandardTableController(PivotTables pivotTables, Questions questions, Labels labels, Documents documents,
			AnalyticsSettings settings, vn.trithuc.analytics.internal.Statistics statistics) {
		this.statistics = statistics;
		this.pivotTables = pivotTables;
		this.questions = questions;
		this.labels = labels;
		this.documents = documents;
		this.settings = settings;
	}

	@GetMapping("/analytics/tables")
	String list(@RequestParam(required = false) String asOf, @RequestParam(required = false) String boundaries,
			Authentication authentication, Model model) {
		questions.question(asOf, boundaries, authentication, model);
		model.addAttribute("tables", StandardTable.ALL);
		return "analytics/tables";
	}

	@GetMapping("/analytics/tables/{code}")
	String show(@PathVariable String code, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String boundaries, Authentication authentication, Locale locale, Model model) {
		var built = build(code, asOf, boundaries, authentication, locale, model);
		model.addAttribute("standard", built.definition());
		model.addAttribute("table", built.table());
		model.addAttribute("chart", vn.trithuc.documents.Charts.withoutStyleAttributes(built.chart().svg()).replaceFirst("<svg ",
				"<svg aria-hidden=\"true\" focusable=\"false\" class=\"chart\" "));
		model.addAttribute("seesPeople", false);
		return "analytics/table";
	}

	@GetMapping("/analytics/tables/{code}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String boundaries, Authentication authentication, Locale locale, Model model)
			throws IOException {
		if (!TypedDates.readable(asOf)) {
			return TypedDates.toPage("/analytics/tables/" + code);
		}
		var built = build(code, asOf, boundaries, authentication, locale, model);
		var out = new ByteArrayOutputStream();
		try (Workbook workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet(code);
			var bold = workbook.createCellStyle();
			var font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			var number = workbook.createCellStyle();
			number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			int r = 0;
			var title = sheet.createRow(r++).createCell(0);
			title.setCellValue(built.title());
			title.setCellStyle(bold);
			sheet.createRow(r++).createCell(0).setCellValue(built.subtitle());
			r++;
			var header = sheet.createRow(r++);
			var headers = built.header();
			for (int c = 0; c < headers.size(); c++) {
				var cell = header.createCell(c);
				cell.setCellValue(headers.get(c));
				cell.setCellStyle(bold);
			}
			for (var body : built.table().body()) {
				var row = sheet.createRow(r++);
				row.createCell(0).setCellValue(body.label());
				int c = 1;
				for (var cell : body.cells()) {
					var x = row.createCell(c++);
					x.setCellValue(cell.count());
					x.setCellStyle(number);
				}
				var x = row.createCell(c);
				x.setCellValue(body.total().count());
				x.setCellStyle(number);
			}
			var totals = sheet.createRow(r++);
			totals.createCell(0).setCellValue(labels.message("analytics.total", locale));
			int c = 1;
			for (var cell : built.table().columnTotals()) {
				var x = totals.createCell(c++);
				x.setCellValue(cell.count());
				x.setCellStyle(number);
			}
			var x = totals.createCell(c);
			x.setCellValue(built.table().total().count());
			x.setCellStyle(number);
			sheet.setColumnWidth(0, 40 * 256);
			// the same chart as on screen, as the PNG the DOCX carries
			int picture = workbook.addPicture(built.chart().png(), Workbook.PICTURE_TYPE_PNG);
			var anchor = workbook.getCreationHelper().createClientAnchor();
			anchor.setCol1(0);
			anchor.setRow1(r + 1);
			anchor.setCol2(Math.max(6, headers.size()));
			anchor.setRow2(r + 21);
			sheet.createDrawingPatriarch().createPicture(anchor, picture);
			workbook.write(out);
		}
		return file(out.toByteArray(), built, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@GetMapping("/analytics/tables/{code}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String boundaries, Authentication authentication, Locale locale, Model model) {
		if (!TypedDates.readable(asOf)) {
			return TypedDates.toPage("/analytics/tables/" + code);
		}
		var built = build(code, asOf, boundaries, authentication, locale, model);
		return file(documents.pdf(document(built, locale)), built, "pdf", MediaType.APPLICATION_PDF_VALUE);
	}

	@GetMapping("/analytics/tables/{code}.docx")
	ResponseEntity<byte[]> docx(@PathVariable String code, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String boundaries, Authentication authentication, Locale locale, Model model) {
		if (!TypedDates.readable(asOf)) {
			return TypedDates.toPage("/analytics/tables/" + code);
		}
		var built = build(code, asOf, boundaries, authentication, locale, model);
		return file(documents.docx(document(built, locale)), built, "docx", Documents.DOCX_MEDIA_TYPE);
	}

	record Built(StandardTable definition, Question question, PivotTables.Table table, ChartImage chart, String title,
			String subtitle, List<String> header) {
	}

	private Built build(String code, String asOf, String boundaries, Authentication authentication, Locale locale,
			Model model) {
		var definition = StandardTable.find(code)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		var q = questions.question(asOf, boundaries, authentication, model);
		var table = pivotTables.table(q, definition.rows(), definition.columns(), "count", locale);
		var title = labels.message(definition.titleKey(), locale);
		var subtitle = labels.format("analytics.tables.asOf", locale, Formats.DATE.format(q.asOf()),
				labels.message(q.boundaries().equals(q.asOf()) ? "analytics.boundaries.asOf" : "analytics.boundaries.current", locale));
		var header = new ArrayList<String>();
		header.add(labels.message(definition.rows().messageKey(), locale));
		table.columnValues().forEach(h -> header.add(h.label()));
		header.add(labels.message("analytics.total", locale));
		var rows = table.body().stream().limit(CHART_ROWS).toList();
		var series = new ArrayList<BarChart.Series>();
		for (int c = 0; c < Math.min(CHART_SERIES, table.columnValues().size()); c++) {
			final int column = c;
			series.add(new BarChart.Series(table.columnValues().get(c).label(),
					rows.stream().map(r -> r.cells().get(column).count()).toList()));
		}
		var chart = vn.trithuc.documents.Charts.bar(new BarChart(title, labels.message(definition.rows().messageKey(), locale),
				labels.message("analytics.count", locale), rows.stream().map(PivotTables.BodyRow::label).toList(), series));
		return new Built(definition, q, table, chart, title, subtitle, header);
	}

	private OfficialDocument document(Built built, Locale locale) {
		var rows = new ArrayList<List<Block.Cell>>();
		for (var body : built.table().body()) {
			var cells = new ArrayList<Block.Cell>();
			cells.add(Block.Cell.text(body.label()));
			body.cells().forEach(c -> cells.add(Block.Cell.number(c.count(), 0)));
			cells.add(Block.Cell.number(body.total().count(), 0).emphasised());
			rows.add(cells);
		}
		var totals = new ArrayList<Block.Cell>();
		totals.add(Block.Cell.text(labels.message("analytics.total", locale)).emphasised());
		built.table().columnTotals().forEach(c -> totals.add(Block.Cell.number(c.count(), 0).emphasised()));
		totals.add(Block.Cell.number(built.table().total().count(), 0).emphasised());
		rows.add(totals);
		var body = List.<Block>of(new Block.Paragraph(built.subtitle()), new Block.Table(null, built.header(), rows),
				new Block.Figure(built.chart(), labels.message("analytics.tables.chartCaption", locale)));
		return new OfficialDocument(DocumentFormat.STATE, "", settings.issuingBody(), DocumentNumber.unknown("TK"),
				settings.place(), DocumentDate.of(statistics.today()), labels.message("analytics.tables.kind", locale),
				built.title(), body, null, List.of(), List.of());
	}

	private static ResponseEntity<byte[]> file(byte[] content, Built built, String extension, String mediaType) {
		var name = built.definition().code() + "-" + built.question().asOf() + "." + extension;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(MediaType.parseMediaType(mediaType)).body(content);
	}
}
