package vn.trithuc.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import vn.trithuc.documents.Block;
import vn.trithuc.documents.DocumentFormat;
import vn.trithuc.documents.OfficialDocument;

/**
 * DOCX with POI XWPF: A4, margins of Decree 30/2020 (top/bottom 20 mm, left 30 mm, right 15 mm), Times New
 * Roman, the two-column header as a borderless table, page numbers at the top from page 2.
 */
public final class DocxWriter {

	public static final String FONT = "Times New Roman";
	/** A4 in twips (1/20 pt). */
	static final int PAGE_WIDTH = 11906, PAGE_HEIGHT = 16838;
	static final int MARGIN_TOP = 1134, MARGIN_BOTTOM = 1134, MARGIN_LEFT = 1701, MARGIN_RIGHT = 850;
	static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

	private final XWPFDocument doc = new XWPFDocument();
	private final OfficialDocument source;

	private DocxWriter(OfficialDocument source) {
		this.source = source;
	}

	public static byte[] write(OfficialDocument document) {
		return new DocxWriter(document).render();
	}

	private byte[] render() {
		try (doc) {
			page();
			header();
			title();
			blocks(source.body());
			closing();
			for (var annex : source.annexes()) {
				var p = paragraph(ParagraphAlignment.CENTER, 0);
				p.setPageBreak(true);
				text(p, annex.title(), 14, true, false);
				if (annex.subtitle() != null) {
					text(paragraph(ParagraphAlignment.CENTER, 0), annex.subtitle(), 14, false, true);
				}
				paragraph(ParagraphAlignment.CENTER, 0);
				blocks(annex.content());
			}
			var out = new ByteArrayOutputStream();
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void page() {
		var fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(FONT);
		fonts.setHAnsi(FONT);
		fonts.setCs(FONT);
		fonts.setEastAsia(FONT);
		doc.createStyles().setDefaultFonts(fonts);
		var sectPr = doc.getDocument().getBody().addNewSectPr();
		var size = sectPr.addNewPgSz();
		size.setW(BigInteger.valueOf(PAGE_WIDTH));
		size.setH(BigInteger.valueOf(PAGE_HEIGHT));
		var margins = sectPr.addNewPgMar();
		margins.setTop(BigInteger.valueOf(MARGIN_TOP));
		margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
		margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
		margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
		margins.setHeader(BigInteger.valueOf(567));
		margins.setFooter(BigInteger.valueOf(567));
		// page numbers from page 2: the first page has its own (empty) header
		doc.createHeader(HeaderFooterType.FIRST);
		var header = doc.createHeader(HeaderFooterType.DEFAULT);
		var number = header.createParagraph();
		number.setAlignment(ParagraphAlignment.CENTER);
		var field = number.getCTP().addNewFldSimple();
		field.setInstr("PAGE");
		var run = field.addNewR();
		var props = run.addNewRPr();
		var rFonts = props.addNewRFonts();
		rFonts.setAscii(FONT);
		rFonts.setHAnsi(FONT);
		props.addNewSz().setVal(BigInteger.valueOf(28));
		run.addNewT().setStringValue("2");
		if (!sectPr.isSetTitlePg()) {
			sectPr.addNewTitlePg();
		}
	}

	private void header() {
		var party = source.format() == DocumentFormat.PARTY;
		var table = borderless(2, 2, new int[] { party ? 4100 : 3700, TEXT_WIDTH - (party ? 4100 : 3700) });
		// row 1: bodies | national title
		var left = table.getRow(0).getCell(0);
		var first = cellParagraph(left, ParagraphAlignment.CENTER);
		text(first, source.higherBody().toUpperCase(), party ? 14 : 13, false, false);
		text(cellParagraph(left, ParagraphAlignment.CENTER), source.issuingBody().toUpperCase(), party ? 14 : 13, true,
				false);
		if (party) {
			text(cellParagraph(left, ParagraphAlignment.CENTER), "*", 14, false, false);
		}
		else {
			rule(cellParagraph(left, ParagraphAlignment.CENTER), 1300);
		}
		var right = table.getRow(0).getCell(1);
		var national = source.nationalTitle();
		for (int i = 0; i < national.size(); i++) {
			var run = text(cellParagraph(right, ParagraphAlignment.CENTER), national.get(i), party ? 15 : (i == 0 ? 12 : 13),
					true, false);
			if (i == national.size() - 1) {
				run.setUnderline(UnderlinePatterns.SINGLE);
			}
		}
		// row 2: number | place and date, on one line
		text(cellParagraph(table.getRow(1).getCell(0), ParagraphAlignment.CENTER), source.numberLine(), party ? 14 : 13,
				false, false);
		text(cellParagraph(table.getRow(1).getCell(1), ParagraphAlignment.CENTER), source.dateLine(), 14, false, true);
	}

	private void title() {
		paragraph(ParagraphAlignment.CENTER, 0);
		var kind = paragraph(ParagraphAlignment.CENTER, 0);
		kind.setSpacingBefore(240);
		text(kind, source.kind().toUpperCase(), 16, true, false);
		for (var line : source.summary().split("\n")) {
			text(paragraph(ParagraphAlignment.CENTER, 0), line, 14, true, false);
		}
		if (source.format() == DocumentFormat.PARTY) {
			text(paragraph(ParagraphAlignment.CENTER, 0), "-----", 14, false, false);
		}
		else {
			rule(paragraph(ParagraphAlignment.CENTER, 0), 3500);
		}
		paragraph(ParagraphAlignment.CENTER, 0);
	}

	private void blocks(List<Block> blocks) {
		for (var block : blocks) {
			if (block instanceof Block.Heading h) {
				text(body(ParagraphAlignment.BOTH), h.text(), 14, true, h.level() == 3);
			}
			else if (block instanceof Block.Paragraph para) {
				text(body(ParagraphAlignment.BOTH), para.text(), 14, false, false);
			}
			else if (block instanceof Block.Bullet b) {
				text(body(ParagraphAlignment.BOTH), "- " + b.text(), 14, false, false);
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
			text(paragraph(ParagraphAlignment.CENTER, 0), t.title(), 13, true, false);
		}
		int columns = t.header().size();
		var widths = new int[columns];
		int first = columns > 1 ? Math.max(TEXT_WIDTH / columns, TEXT_WIDTH * 3 / 10) : TEXT_WIDTH;
		widths[0] = first;
		for (int i = 1; i < columns; i++) {
			widths[i] = (TEXT_WIDTH - first) / (columns - 1);
		}
		var table = doc.createTable(t.rows().size() + 1, columns);
		table.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
		table.setWidth(TEXT_WIDTH);
		table.setTableAlignment(TableRowAlign.CENTER);
		grid(table, widths);
		for (int c = 0; c < columns; c++) {
			var cell = table.getRow(0).getCell(c);
			cell.setVerticalAlignment(XWPFVertAlign.CENTER);
			text(cellParagraph(cell, ParagraphAlignment.CENTER), t.header().get(c), 12, true, false);
		}
		table.getRow(0).setRepeatHeader(true);
		for (int r = 0; r < t.rows().size(); r++) {
			var row = t.rows().get(r);
			for (int c = 0; c < columns; c++) {
				var cell = table.getRow(r + 1).getCell(c);
				if (c >= row.size()) {
					cellParagraph(cell, ParagraphAlignment.LEFT);
					continue;
				}
				var value = row.get(c);
				text(cellParagraph(cell, value.numeric() ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT), value.text(),
						12, value.strong(), false);
			}
		}
		paragraph(ParagraphAlignment.LEFT, 0);
	}

	private void figure(Block.Figure f) {
		var chart = f.chart();
		double widthPt = chart.width() * 0.75, heightPt = chart.height() * 0.75;
		double max = TEXT_WIDTH / 20.0;
		if (widthPt > max) {
			heightPt = heightPt * max / widthPt;
			widthPt = max;
		}
		var p = paragraph(ParagraphAlignment.CENTER, 0);
		try {
			p.createRun().addPicture(new ByteArrayInputStream(chart.png()), Document.PICTURE_TYPE_PNG, "chart.png",
					Units.toEMU(widthPt), Units.toEMU(heightPt));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InvalidFormatException e) {
			throw new IllegalStateException(e);
		}
		if (f.caption() != null) {
			text(paragraph(ParagraphAlignment.CENTER, 0), f.caption(), 13, false, true);
		}
	}

	private void closing() {
		var signature = source.signature();
		if (signature == null && source.recipients().isEmpty()) {
			return;
		}
		paragraph(ParagraphAlignment.LEFT, 0);
		var table = borderless(1, 2, new int[] { TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2 });
		var left = table.getRow(0).getCell(0);
		if (!source.recipients().isEmpty()) {
			var heading = cellParagraph(left, ParagraphAlignment.LEFT);
			var run = text(heading, "Nơi nhận:", source.format() == DocumentFormat.PARTY ? 14 : 12, true,
					source.format() == DocumentFormat.STATE);
			if (source.format() == DocumentFormat.PARTY) {
				run.setUnderline(UnderlinePatterns.SINGLE);
			}
			for (var recipient : source.recipients()) {
				text(cellParagraph(left, ParagraphAlignment.LEFT), "- " + recipient, 11, false, false);
			}
		}
		else {
			cellParagraph(left, ParagraphAlignment.LEFT);
		}
		var right = table.getRow(0).getCell(1);
		if (signature != null) {
			if (signature.onBehalfOf() != null) {
				text(cellParagraph(right, ParagraphAlignment.CENTER), signature.onBehalfOf().toUpperCase(), 14, true, false);
			}
			text(cellParagraph(right, ParagraphAlignment.CENTER), signature.title().toUpperCase(), 14, true, false);
			for (int i = 0; i < 4; i++) {
				cellParagraph(right, ParagraphAlignment.CENTER);
			}
			text(cellParagraph(right, ParagraphAlignment.CENTER), signature.name(), 14, true, false);
		}
		else {
			cellParagraph(right, ParagraphAlignment.CENTER);
		}
	}

	// --- helpers ---

	private XWPFTable borderless(int rows, int columns, int[] widths) {
		var table = doc.createTable(rows, columns);
		var none = org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType.NONE;
		table.setTopBorder(none, 0, 0, "auto");
		table.setBottomBorder(none, 0, 0, "auto");
		table.setLeftBorder(none, 0, 0, "auto");
		table.setRightBorder(none, 0, 0, "auto");
		table.setInsideHBorder(none, 0, 0, "auto");
		table.setInsideVBorder(none, 0, 0, "auto");
		table.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
		table.setWidth(TEXT_WIDTH);
		grid(table, widths);
		return table;
	}

	private static void grid(XWPFTable table, int[] widths) {
		var grid = table.getCTTbl().getTblGrid();
		if (grid == null) {
			grid = table.getCTTbl().addNewTblGrid();
		}
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int w : widths) {
			grid.addNewGridCol().setW(BigInteger.valueOf(w));
		}
		for (var row : table.getRows()) {
			for (int c = 0; c < widths.length && c < row.getTableCells().size(); c++) {
				var tcPr = row.getCell(c).getCTTc().isSetTcPr() ? row.getCell(c).getCTTc().getTcPr()
						: row.getCell(c).getCTTc().addNewTcPr();
				var w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
				w.setType(STTblWidth.DXA);
				w.setW(BigInteger.valueOf(widths[c]));
			}
		}
	}

	/** The cell's first (empty) paragraph, then new ones. */
	private static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment alignment) {
		var paragraphs = cell.getParagraphs();
		var p = paragraphs.size() == 1 && paragraphs.get(0).getRuns().isEmpty() && !paragraphs.get(0).getCTP().isSetPPr()
				? paragraphs.get(0) : cell.addParagraph();
		p.setAlignment(alignment);
		p.setSpacingAfter(0);
		p.setSpacingBefore(0);
		p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
		return p;
	}

	private XWPFParagraph paragraph(ParagraphAlignment alignment, int after) {
		var p = doc.createParagraph();
		p.setAlignment(alignment);
		p.setSpacingAfter(after);
		p.setSpacingBefore(0);
		p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
		return p;
	}

	private XWPFParagraph body(ParagraphAlignment alignment) {
		var p = paragraph(alignment, 120);
		p.setIndentationFirstLine(567);
		p.setSpacingBetween(1.15, LineSpacingRule.AUTO);
		return p;
	}

	/** A short centred line (Decree 30: under the issuing body and the summary). */
	private static void rule(XWPFParagraph p, int widthTwips) {
		p.setBorderBottom(Borders.SINGLE);
		var cellWidth = TEXT_WIDTH;
		int indent = Math.max(0, (cellWidth - widthTwips) / 4);
		p.setIndentationLeft(indent);
		p.setIndentationRight(indent);
	}

	private static org.apache.poi.xwpf.usermodel.XWPFRun text(XWPFParagraph p, @Nullable String text, int size,
			boolean bold, boolean italic) {
		var run = p.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setItalic(italic);
		run.setText(text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC));
		return run;
	}
}
