package vn.trithuc.registry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.VisibilityState;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.orgunit.OrgUnit;

/**
 * The spreadsheet an officer fills in for the registry import: the columns the import recognises, with Vietnamese
 * headers; ID, phone and date columns kept as text (no lost leading zero, no date turned into a number); lists to
 * pick sex, ethnic group, religion, education level and the units the officer may place people in; a sheet of
 * instructions.
 */
@Component
public class ImportTemplate {

	/** Rows prepared with text formats and lists. */
	static final int ROWS = 2000;

	private static final List<String> HEADERS = List.of("Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Tôn giáo",
			"Số CCCD", "Số CMND", "Điện thoại", "Email", "Trình độ chuyên môn", "Cơ quan, đơn vị");
	private static final double[] WIDTHS = { 28, 10, 13, 14, 14, 16, 13, 14, 26, 22, 40 };
	/** Columns kept as text: national ID, old ID, phone, birth date. */
	private static final int[] TEXT_COLUMNS = { 2, 5, 6, 7 };

	private final RegistryCodes codes;
	private final RegistryScope scope;
	private final MessageSource messages;

	ImportTemplate(RegistryCodes codes, RegistryScope scope, MessageSource messages) {
		this.codes = codes;
		this.scope = scope;
		this.messages = messages;
	}

	/**
	 * The template, its unit list being the units {@code caller} may place people in. The column headers and the sex
	 * values are what the import reads (Vietnamese in every language); sheet names and instructions are the caller's.
	 */
	public byte[] workbook(Caller caller, Locale locale) {
		var out = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(out, "TriThuc", "1.0");
			var list = workbook.newWorksheet(text("registry.importTemplate.sheet.list", locale));
			var help = workbook.newWorksheet(text("registry.importTemplate.sheet.help", locale));
			var choices = workbook.newWorksheet(text("registry.importTemplate.sheet.choices", locale));
			for (int c = 0; c < HEADERS.size(); c++) {
				list.value(0, c, HEADERS.get(c));
				list.style(0, c).bold().fillColor("DDEBF7").set();
				list.width(c, WIDTHS[c]);
			}
			list.freezePane(0, 1);
			for (int c : TEXT_COLUMNS) {
				list.range(1, c, ROWS, c).style().format("@").set();
			}
			var notListed = new String[] { text("registry.importTemplate.notListed.title", locale),
					text("registry.importTemplate.notListed", locale) };
			choose(list, choices, 1, 0, List.of("Nam", "Nữ"), notListed);
			choose(list, choices, 3, 1, names(codes.choices("ethnic-groups")), notListed);
			choose(list, choices, 4, 2, names(codes.choices("religions")), notListed);
			choose(list, choices, 9, 3, names(codes.choices("education-levels")), notListed);
			choose(list, choices, 10, 4, scope.placement(caller).units().stream().map(OrgUnit::name).distinct().toList(),
					notListed);
			choices.setVisibilityState(VisibilityState.HIDDEN);
			help.width(0, 120);
			var instructions = text("registry.importTemplate.instructions", locale).split("\n");
			for (int r = 0; r < instructions.length; r++) {
				help.value(r, 0, instructions[r]);
			}
			help.style(0, 0).bold().fontSize(13).set();
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A drop-down list on {@code column} of the list sheet, its values in column {@code at} of the hidden sheet. */
	private static void choose(Worksheet list, Worksheet choices, int column, int at, List<String> values,
			String[] notListed) {
		if (values.isEmpty()) {
			return;
		}
		for (int r = 0; r < values.size(); r++) {
			choices.value(r, at, values.get(r));
		}
		// another value may stay (information only): the import still reads names it can match and reports the others
		list.range(1, column, ROWS, column).validateWithList(choices.range(0, at, values.size() - 1, at))
			.allowBlank(true).errorStyle(DataValidationErrorStyle.INFORMATION).showErrorMessage(true)
			.errorTitle(notListed[0]).error(notListed[1]);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static List<String> names(List<CodeListEntry> entries) {
		return entries.stream().map(CodeListEntry::name).distinct().toList();
	}
}
