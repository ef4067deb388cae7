/** Rendering official DOCX/PDF documents and spreadsheets from module data; no business rules. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.documents;
