package vn.trithuc.documents;

import org.springframework.stereotype.Component;

import vn.trithuc.documents.internal.DocxWriter;
import vn.trithuc.documents.internal.HtmlWriter;
import vn.trithuc.documents.internal.PdfWriter;

/**
 * Renders official documents: DOCX (Times New Roman, for editing and filing) and PDF (Liberation Serif
 * embedded, for printing), plus the HTML that feeds the PDF and the on-screen preview. Stateless.
 */
@Component
public class Documents {

	/** Office Open XML (.docx), media type {@link #DOCX_MEDIA_TYPE}. */
	public byte[] docx(OfficialDocument document) {
		return DocxWriter.write(document);
	}

	/** PDF (A4, Liberation Serif embedded: metric-compatible with Times New Roman), media type application/pdf. */
	public byte[] pdf(OfficialDocument document) {
		return PdfWriter.write(HtmlWriter.write(document));
	}

	/**
	 * A standalone XHTML page of the document, the same markup the PDF is made from: for an on-screen preview
	 * (e.g. in an iframe). Charts show as inline SVG.
	 */
	public String html(OfficialDocument document) {
		return HtmlWriter.write(document).html();
	}

	public static final String DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
