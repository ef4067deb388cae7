/**
 * Rendering official DOCX/PDF documents and spreadsheets from module data; no business rules.
 * <p>
 * The caller (e.g. {@code program} for an interim or final review report) builds an {@link
 * vn.trithuc.documents.OfficialDocument} (party format of Guide 36-HD/VPTW or state format of Decree 30/2020: header,
 * number, date, kind, summary, body {@link vn.trithuc.documents.Block}s, signature, recipients, annexes) and asks
 * {@link vn.trithuc.documents.Documents} for {@code docx}, {@code pdf} or the preview {@code html}. Charts come from
 * {@link vn.trithuc.documents.Charts}: one rendering reused as SVG (page), PNG (DOCX) and vectors with real text (PDF).
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.documents;
