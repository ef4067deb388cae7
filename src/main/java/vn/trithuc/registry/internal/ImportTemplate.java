package vn.trithuc.registry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.VisibilityState;
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

	private static final List<String> INSTRUCTIONS = List.of(
			"Hướng dẫn điền danh sách trí thức để nhập vào cơ sở dữ liệu",
			"",
			"1. Mỗi dòng của trang «Danh sách» là một người; không đổi tên các cột ở dòng đầu (có thể đổi thứ tự, bỏ cột không dùng).",
			"2. Họ và tên: ghi đủ họ, tên đệm và tên, có dấu (ví dụ: Nguyễn Thị Thu Hà).",
			"3. Giới tính, Dân tộc, Tôn giáo, Trình độ chuyên môn, Cơ quan, đơn vị: chọn trong danh sách của ô.",
			"4. Ngày sinh: ghi dạng ngày/tháng/năm (ví dụ 05/09/1985); nếu chỉ biết năm sinh thì ghi năm (1985).",
			"5. Số CCCD: 12 chữ số, giữ nguyên số 0 ở đầu; Số CMND cũ: 9 chữ số (nếu có).",
			"6. Người không có số CCCD mà trùng họ tên, ngày sinh với người đã có sẽ được chuyển vào danh sách nghi trùng để cán bộ xem.",
			"7. Tải tệp lên ở trang «Nhập từ Excel»: hệ thống kiểm tra trước, báo lỗi từng ô; chỉ ghi vào cơ sở dữ liệu khi bạn bấm «Ghi vào cơ sở dữ liệu».",
			"8. Nhập lại cùng một tệp không thêm người lần nữa.");

	private final RegistryCodes codes;
	private final RegistryScope scope;

	ImportTemplate(RegistryCodes codes, RegistryScope scope) {
		this.codes = codes;
		this.scope = scope;
	}

	/** The template, its unit list being the units {@code caller} may place people in. */
	public byte[] workbook(Caller caller) {
		var out = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(out, "TriThuc", "1.0");
			var list = workbook.newWorksheet("Danh sách");
			var help = workbook.newWorksheet("Hướng dẫn");
			var choices = workbook.newWorksheet("Danh mục");
			for (int c = 0; c < HEADERS.size(); c++) {
				list.value(0, c, HEADERS.get(c));
				list.style(0, c).bold().fillColor("DDEBF7").set();
				list.width(c, WIDTHS[c]);
			}
			list.freezePane(0, 1);
			for (int c : TEXT_COLUMNS) {
				list.range(1, c, ROWS, c).style().format("@").set();
			}
			choose(list, choices, 1, 0, List.of("Nam", "Nữ"));
			choose(list, choices, 3, 1, names(codes.choices("ethnic-groups")));
			choose(list, choices, 4, 2, names(codes.choices("religions")));
			choose(list, choices, 9, 3, names(codes.choices("education-levels")));
			choose(list, choices, 10, 4, scope.placeable(caller).stream().map(OrgUnit::name).distinct().toList());
			choices.setVisibilityState(VisibilityState.HIDDEN);
			help.width(0, 120);
			for (int r = 0; r < INSTRUCTIONS.size(); r++) {
				help.value(r, 0, INSTRUCTIONS.get(r));
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
	private static void choose(Worksheet list, Worksheet choices, int column, int at, List<String> values) {
		if (values.isEmpty()) {
			return;
		}
		for (int r = 0; r < values.size(); r++) {
			choices.value(r, at, values.get(r));
		}
		// another value may stay (information only): the import still reads names it can match and reports the others
		list.range(1, column, ROWS, column).validateWithList(choices.range(0, at, values.size() - 1, at))
			.allowBlank(true).errorStyle(DataValidationErrorStyle.INFORMATION).showErrorMessage(true)
			.errorTitle("Không có trong danh sách")
			.error("Giá trị này không có trong danh sách. Khi nhập, hệ thống sẽ đối chiếu và báo lỗi nếu không nhận ra.");
	}

	private static List<String> names(List<CodeListEntry> entries) {
		return entries.stream().map(CodeListEntry::name).distinct().toList();
	}
}
