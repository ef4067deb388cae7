package vn.trithuc.documents;

/**
 * A chart rendered once and reused: SVG for the page, PNG for DOCX, and the chart itself, drawn again as
 * vectors with real (searchable) text into PDFs. Sizes are CSS pixels (96 per inch); the PNG has twice as
 * many for print.
 */
public record ChartImage(BarChart chart, int width, int height, String svg, byte[] png) {
}
