package vn.trithuc.planning.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import vn.trithuc.documents.Block;
import vn.trithuc.documents.ChartImage;
import vn.trithuc.documents.DocumentDate;
import vn.trithuc.documents.DocumentFormat;
import vn.trithuc.documents.DocumentNumber;
import vn.trithuc.documents.Documents;
import vn.trithuc.documents.OfficialDocument;
import vn.trithuc.planning.internal.PlanningSettings;

/**
 * The retirement forecast and the supply/need balance as official documents (state format, Decree 30/2020) through
 * the documents module: the same table as on screen and the same chart, rendered once (SVG on the page, PNG in DOCX,
 * vectors in PDF).
 */
@Component
class PlanningDocuments {

	/** A table of the document: header and rows (a total row emphasised by the caller). */
	record Table(List<String> header, List<List<Block.Cell>> rows) {
	}

	private final Documents documents;
	private final PlanningSettings settings;

	PlanningDocuments(Documents documents, PlanningSettings settings) {
		this.documents = documents;
		this.settings = settings;
	}

	OfficialDocument document(LocalDate today, String kind, String title, List<String> paragraphs, List<Table> tables, ChartImage chart,
			String chartCaption) {
		var body = new ArrayList<Block>();
		paragraphs.forEach(p -> body.add(new Block.Paragraph(p)));
		tables.forEach(t -> body.add(new Block.Table(null, t.header(), t.rows())));
		body.add(new Block.Figure(chart, chartCaption));
		return new OfficialDocument(DocumentFormat.STATE, "", settings.issuingBody(), DocumentNumber.unknown("BC"), settings.place(),
				DocumentDate.of(today), kind, title, body, null, List.of(), List.of());
	}

	ResponseEntity<byte[]> file(OfficialDocument document, String name, String extension) {
		boolean pdf = "pdf".equals(extension);
		var content = pdf ? documents.pdf(document) : documents.docx(document);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + extension).build().toString())
			.contentType(MediaType.parseMediaType(pdf ? MediaType.APPLICATION_PDF_VALUE : Documents.DOCX_MEDIA_TYPE)).body(content);
	}
}
