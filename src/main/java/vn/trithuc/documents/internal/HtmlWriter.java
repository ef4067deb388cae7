package vn.trithuc.documents.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.trithuc.documents.Block;
import vn.trithuc.documents.ChartImage;
import vn.trithuc.documents.DocumentFormat;
import vn.trithuc.documents.OfficialDocument;

/**
 * The document as XHTML: the on-screen preview and, unchanged, the input of the PDF. Charts are
 * {@code <object type="application/x-trithuc-chart">} elements: browsers show the inline SVG inside, the PDF
 * renderer draws the chart itself (real text) in their place.
 */
public final class HtmlWriter {

	public static final String CHART_TYPE = "application/x-trithuc-chart";
	/** Width of the text column in millimetres (A4 210 − 30 − 15). */
	static final double TEXT_WIDTH_MM = 165;

	private static final String CSS = """
			@page { size: A4; margin: 20mm 15mm 20mm 30mm;
			  @top-center { content: counter(page); font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; } }
			@page :first { @top-center { content: none; } }
			body { font-family: 'Times New Roman', 'Liberation Serif', Tinos, serif; font-size: 14pt; line-height: 1.25; margin: 0; color: #000; }
			p { margin: 0; }
			.c { text-align: center; } .b { font-weight: bold; } .i { font-style: italic; } .u { text-decoration: underline; }
			table.head, table.closing { width: 100%; border-collapse: collapse; }
			table.head td, table.closing td { vertical-align: top; text-align: center; padding: 0; border: none; }
			table.head td.issuer { width: 44%; } table.head td.national { width: 56%; }
			.party .national-title { font-size: 15pt; } .state .issuer, .state .issuer-number { font-size: 13pt; }
			.state .national-title { font-size: 12pt; white-space: nowrap; } .state table.head td.issuer { width: 40%; } .state table.head td.national { width: 60%; } .state .motto { font-size: 14pt; }
			hr.rule { width: 35%; border: none; border-top: 0.75pt solid #000; margin: 1pt auto; }
			hr.summary-rule { width: 30%; border: none; border-top: 0.75pt solid #000; margin: 8pt auto 0 auto; height: 0; }
			.kind { font-size: 16pt; font-weight: bold; text-align: center; margin-top: 18pt; }
			.summary { font-size: 14pt; font-weight: bold; text-align: center; }
			.body p, .body .h { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
			.h { font-weight: bold; } .h3 { font-style: italic; }
			table.data { width: 100%; border-collapse: collapse; margin: 3pt 0 9pt 0; font-size: 12pt; line-height: 1.15;
			  -fs-table-paginate: paginate; page-break-inside: auto; }
			table.data th, table.data td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
			table.data th { text-align: center; font-weight: bold; }
			table.data td.num { text-align: right; } table.data td.strong { font-weight: bold; }
			.table-title { text-align: center; font-weight: bold; font-size: 13pt; margin-top: 6pt; }
			.figure { text-align: center; margin: 6pt 0; page-break-inside: avoid; }
			.figure object, .figure svg { display: block; margin: 0 auto; }
			.caption { text-align: center; font-style: italic; font-size: 13pt; }
			table.closing { margin-top: 12pt; page-break-inside: avoid; }
			table.closing td.recipients { text-align: left; width: 50%; font-size: 11pt; }
			table.closing .recipients-title { font-size: 12pt; font-weight: bold; font-style: italic; }
			.party table.closing .recipients-title { font-size: 14pt; font-style: normal; text-decoration: underline; }
			.signature-space { height: 60pt; }
			.annex { page-break-before: always; }
			.annex-title { text-align: center; font-weight: bold; }
			.annex-subtitle { text-align: center; font-style: italic; margin-bottom: 6pt; }
			""";

	private final StringBuilder out = new StringBuilder(16_384);
	private final List<ChartImage> charts = new ArrayList<>();

	private HtmlWriter() {
	}

	/** The XHTML and the charts its objects refer to by index ({@code data-chart}). */
	public record Result(String html, List<ChartImage> charts) {
	}

	public static Result write(OfficialDocument document) {
		var writer = new HtmlWriter();
		writer.document(document);
		return new Result(writer.out.toString(), List.copyOf(writer.charts));
	}

	private void document(OfficialDocument d) {
		var party = d.format() == DocumentFormat.PARTY;
		out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\"><head><meta charset=\"UTF-8\"/>");
		out.append("<title>").append(esc(d.kind().toUpperCase(Locale.ROOT) + " " + d.numberLine())).append("</title>");
		out.append("<style>").append(CSS).append("</style></head>");
		out.append("<body class=\"").append(party ? "party" : "state").append("\">");
		// header: bodies | national title, then number | place and date on one line
		out.append("<table class=\"head\"><tr><td class=\"issuer\">");
		line("", d.higherBody().toUpperCase(Locale.ROOT));
		line("b", d.issuingBody().toUpperCase(Locale.ROOT));
		if (party) {
			line("", "*");
		}
		else {
			out.append("<hr class=\"rule\"/>");
		}
		out.append("</td><td class=\"national\">");
		var national = d.nationalTitle();
		for (int i = 0; i < national.size(); i++) {
			var last = i == national.size() - 1;
			line("b national-title" + (last ? " u" : "") + (i == 1 ? " motto" : ""), national.get(i));
		}
		out.append("</td></tr><tr><td class=\"issuer-number\">");
		line("", d.numberLine());
		out.append("</td><td>");
		line("i date", d.dateLine());
		out.append("</td></tr></table>");

		line("kind", d.kind().toUpperCase(Locale.ROOT));
		out.append("<p class=\"summary\">");
		var lines = d.summary().split("\n");
		for (int i = 0; i < lines.length; i++) {
			out.append(i > 0 ? "<br/>" : "").append(esc(lines[i]));
		}
		out.append("</p>");
		if (party) {
			line("c", "-----");
		}
		else {
			out.append("<hr class=\"summary-rule\"/>");
		}
		out.append("<div class=\"body\" style=\"margin-top: 12pt\">");
		blocks(d.body());
		out.append("</div>");
		closing(d);
		for (var annex : d.annexes()) {
			out.append("<div class=\"annex\">");
			line("annex-title", annex.title());
			if (annex.subtitle() != null) {
				line("annex-subtitle", annex.subtitle());
			}
			out.append("<div class=\"body\">");
			blocks(annex.content());
			out.append("</div></div>");
		}
		out.append("</body></html>");
	}

	private void blocks(List<Block> blocks) {
		for (var block : blocks) {
			if (block instanceof Block.Heading h) {
				line("h h" + h.level(), h.text());
			}
			else if (block instanceof Block.Paragraph p) {
				line("", p.text());
			}
			else if (block instanceof Block.Bullet b) {
				line("", "- " + b.text());
			}
			else if (block instanceof Block.Table t) {
				table(t);
			}
			else if (block instanceof Block.Figure f) {
				figure(f);
			}
		}
	}

	private void table(Block.Table t) {
		if (t.title() != null) {
			out.append("<div class=\"table-title\">").append(esc(t.title())).append("</div>");
		}
		out.append("<table class=\"data\"><thead><tr>");
		for (var h : t.header()) {
			out.append("<th>").append(esc(h)).append("</th>");
		}
		out.append("</tr></thead><tbody>");
		for (var row : t.rows()) {
			out.append("<tr>");
			for (int c = 0; c < t.header().size(); c++) {
				if (c >= row.size()) {
					out.append("<td></td>");
					continue;
				}
				var cell = row.get(c);
				var classes = (cell.numeric() ? "num" : "") + (cell.strong() ? " strong" : "");
				out.append("<td class=\"").append(classes.strip()).append("\">").append(esc(cell.text())).append("</td>");
			}
			out.append("</tr>");
		}
		out.append("</tbody></table>");
	}

	private void figure(Block.Figure f) {
		var chart = f.chart();
		int index = charts.size();
		charts.add(chart);
		double widthMm = Math.min(TEXT_WIDTH_MM, chart.width() * 25.4 / 96);
		double heightMm = widthMm * chart.height() / chart.width();
		out.append("<div class=\"figure\"><object type=\"").append(CHART_TYPE).append("\" data-chart=\"").append(index)
				.append("\" style=\"width: ").append(String.format(Locale.ROOT, "%.1fmm; height: %.1fmm", widthMm, heightMm))
				.append("\">").append(chart.svg()).append("</object>");
		if (f.caption() != null) {
			line("caption", f.caption());
		}
		out.append("</div>");
	}

	private void closing(OfficialDocument d) {
		var signature = d.signature();
		if (signature == null && d.recipients().isEmpty()) {
			return;
		}
		out.append("<table class=\"closing\"><tr><td class=\"recipients\">");
		if (!d.recipients().isEmpty()) {
			line("recipients-title", "Nơi nhận:");
			for (var recipient : d.recipients()) {
				line("", "- " + recipient);
			}
		}
		out.append("</td><td class=\"signature\">");
		if (signature != null) {
			if (signature.onBehalfOf() != null) {
				line("b", signature.onBehalfOf().toUpperCase(Locale.ROOT));
			}
			line("b", signature.title().toUpperCase(Locale.ROOT));
			out.append("<div class=\"signature-space\"></div>");
			line("b", signature.name());
		}
		out.append("</td></tr></table>");
	}

	private void line(String classes, @Nullable String text) {
		out.append(classes.isEmpty() ? "<p>" : "<p class=\"" + classes + "\">").append(esc(text)).append("</p>");
	}

	/** XML-escaped, NFC (Vietnamese typed on some keyboards arrives decomposed). */
	static String esc(@Nullable String text) {
		if (text == null) {
			return "";
		}
		var nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		var sb = new StringBuilder(nfc.length() + 16);
		for (int i = 0; i < nfc.length(); i++) {
			char c = nfc.charAt(i);
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '"' -> sb.append("&quot;");
				default -> sb.append(c);
			}
		}
		return sb.toString();
	}
}
