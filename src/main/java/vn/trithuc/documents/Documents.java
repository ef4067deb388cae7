package vn.trithuc.documents;

import org.springframework.stereotype.Component;

import vn.trithuc.documents.internal.DocxWriter;

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

	public static final String DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
