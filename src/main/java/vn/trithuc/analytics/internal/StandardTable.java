package vn.trithuc.analytics.internal;

import java.util.List;
import java.util.Optional;

/**
 * A named standard table that reports need (Biểu 01, 02, …): which breakdown goes down the rows and which across
 * the columns, as of the date asked. The same definition gives the page, the .xlsx, the PDF and the DOCX.
 *
 * @param code the table's name in URLs and file names, e.g. {@code bieu-01}
 */
public record StandardTable(String code, Dimension rows, Dimension columns) {

	/** The standard tables, in the order reports number them. */
	public static final List<StandardTable> ALL = List.of(new StandardTable("bieu-01", Dimension.UNIT, Dimension.DEGREE),
			new StandardTable("bieu-02", Dimension.AGE_BAND, Dimension.SEX),
			new StandardTable("bieu-03", Dimension.FIELD, Dimension.DEGREE),
			new StandardTable("bieu-04", Dimension.SECTOR, Dimension.CATEGORY),
			new StandardTable("bieu-05", Dimension.ETHNIC_GROUP, Dimension.SEX),
			new StandardTable("bieu-06", Dimension.AREA, Dimension.REMOTE),
			new StandardTable("bieu-07", Dimension.DEGREE, Dimension.ACADEMIC_TITLE),
			new StandardTable("bieu-08", Dimension.AGE_BAND, Dimension.PARTY));

	public StandardTable {
		if (!code.matches("[a-z0-9-]+") || rows == columns || rows == Dimension.ALL || columns == Dimension.ALL) {
			throw new IllegalArgumentException("standard table " + code);
		}
	}

	/** Message key of the title, e.g. "Biểu 01: Cơ cấu trình độ theo cơ quan, đơn vị". */
	public String titleKey() {
		return "analytics.table." + code + ".title";
	}

	public static Optional<StandardTable> find(String code) {
		return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
	}
}
