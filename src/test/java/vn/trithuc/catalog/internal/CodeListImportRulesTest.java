package vn.trithuc.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.trithuc.catalog.internal.Spreadsheets.row;
import static vn.trithuc.catalog.internal.Spreadsheets.xlsx;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListEntry.Status;
import vn.trithuc.catalog.CodeListKind;

/** The rules a new version of a code list must satisfy, on spreadsheets built in memory; no Spring. */
class CodeListImportRulesTest {

	static final CodeListKind KIND = CodeListKind.RELIGION;
	static final List<CodeListEntry> CURRENT = List.of(entry("00", "Không", null), entry("01", "Phật giáo", null),
			entry("02", "Công giáo", null), entry("07", "Tôn giáo Baha'i", LocalDate.of(2026, 1, 15)));

	static CodeListEntry entry(String code, String name, LocalDate retiredOn) {
		return new CodeListEntry(KIND, code, name, Integer.parseInt(code), Status.UNVERIFIED, retiredOn, Map.of("note", ""));
	}

	static SpreadsheetFile.Sheet sheet(String[]... rows) {
		return SpreadsheetFile.read("ton-giao.xlsx", xlsx(rows));
	}

	static List<Problem> problems(Runnable action) {
		try {
			action.run();
		}
		catch (Problem.Refused refused) {
			return refused.problems();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void a_good_file_gives_added_renamed_and_retired_entries() {
		var rows = CodeListImportRules.check(KIND, sheet(row("Mã", "Tên", "Thứ tự", "Trạng thái", "note"),
				row("00", "Không", "0", "unverified", ""), row("01", "Phật giáo Việt Nam", "1", "", ""),
				row("15", "Đạo Cao Đài Tây Ninh", "15", "đã xác minh", "")), CURRENT, Map.of());
		var diff = CodeListImportRules.diff(CURRENT, rows);
		assertThat(diff.added()).extracting(CodeListImportRules.ImportRow::code).containsExactly("15");
		assertThat(diff.added().get(0).status()).isEqualTo(Status.VERIFIED);
		assertThat(diff.renamed()).containsExactly(new CodeListImportRules.Renamed("01", "Phật giáo", "Phật giáo Việt Nam"));
		assertThat(diff.retired()).extracting(CodeListEntry::code).containsExactly("02");
		assertThat(diff.unchanged()).isEqualTo(1);

		var applied = CodeListImportRules.apply(KIND, CURRENT, rows, LocalDate.of(2026, 11, 26));
		assertThat(applied).extracting(CodeListEntry::code).containsExactlyInAnyOrder("00", "01", "15", "02", "07");
		assertThat(applied).filteredOn(e -> e.code().equals("02")).singleElement()
			.extracting(CodeListEntry::retiredOn).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(applied).filteredOn(e -> e.code().equals("07")).singleElement()
			.extracting(CodeListEntry::retiredOn).isEqualTo(LocalDate.of(2026, 1, 15));
	}

	@Test
	void a_number_cell_gets_the_leading_zero_back_when_all_codes_have_one_width() {
		var file = SpreadsheetFile.read("x.csv", "code,name\n1,Phật giáo\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(CodeListImportRules.check(KIND, file, CURRENT, Map.of())).extracting(CodeListImportRules.ImportRow::code)
			.containsExactly("01");
	}

	@Test
	void wrong_headers_are_refused_naming_the_column() {
		var problems = problems(() -> CodeListImportRules.check(KIND, sheet(row("Mã", "Tên gọi", "Ghi chú riêng"),
				row("01", "Phật giáo", "")), CURRENT, Map.of()));
		assertThat(problems).extracting(Problem::key).containsExactly("catalog.import.error.unknownColumn",
				"catalog.import.error.unknownColumn", "catalog.import.error.missingColumn");
		assertThat(problems.get(0).args()).containsExactly("B", "Tên gọi", "code, name, sort_order, status, note");
		assertThat(problems.get(2).args().get(0)).isEqualTo("name");
	}

	@Test
	void duplicate_codes_retired_codes_and_missing_names_are_refused_by_row_and_column() {
		var problems = problems(() -> CodeListImportRules.check(KIND, sheet(row("code", "name", "sort_order"),
				row("01", "Phật giáo", "1"), row("02", "", "2"), row("01", "Phật giáo (lặp)", "x"),
				row("07", "Tôn giáo Baha'i", "7")), CURRENT, Map.of()));
		assertThat(problems).extracting(p -> p.key() + " " + p.args()).containsExactly(
				"catalog.import.error.missingName [3, B]",
				"catalog.import.error.duplicateCode [4, A, 01, 2]",
				"catalog.import.error.sortOrder [4, C, x]",
				"catalog.import.error.retiredCode [5, A, 07, 15/01/2026]");
	}

	@Test
	void a_code_unknown_in_the_referenced_list_is_refused() {
		var degrees = List.of(new CodeListEntry(CodeListKind.DEGREE, "KY_SU", "Kỹ sư", 1, Status.UNVERIFIED, null,
				Map.of("education_level", "DAI_HOC")));
		var problems = problems(() -> CodeListImportRules.check(CodeListKind.DEGREE,
				sheet(row("code", "name", "education_level"), row("KY_SU", "Kỹ sư", "DAI_HOC"),
						row("CU_NHAN", "Cử nhân", "DH")),
				degrees, Map.of(CodeListKind.EDUCATION_LEVEL, Set.of("DAI_HOC", "THAC_SI"))));
		assertThat(problems).extracting(p -> p.key() + " " + p.args())
			.containsExactly("catalog.import.error.unknownCode [3, C, DH, education-levels]");
	}

	@Test
	void files_that_are_not_spreadsheets_are_refused() {
		assertThat(problems(() -> SpreadsheetFile.read("ton-giao.xlsx", "not a zip".getBytes())))
			.extracting(Problem::key).containsExactly("catalog.import.error.unreadable");
		var truncated = java.util.Arrays.copyOf(xlsx(row("code", "name"), row("01", "Phật giáo")), 200);
		assertThat(problems(() -> SpreadsheetFile.read("ton-giao.xlsx", truncated))).extracting(Problem::key)
			.containsExactly("catalog.import.error.unreadable");
		assertThat(problems(() -> SpreadsheetFile.read("ton-giao.xls", new byte[] { 1 }))).extracting(Problem::key)
			.containsExactly("catalog.import.error.fileType");
		assertThat(problems(() -> SpreadsheetFile.read("a.csv", new byte[] { (byte) 0xC3, (byte) 0x28 })))
			.extracting(Problem::key).containsExactly("catalog.import.error.notUtf8");
	}

	@Test
	void column_letters_follow_excel() {
		assertThat(Problem.columnLetter(0)).isEqualTo("A");
		assertThat(Problem.columnLetter(25)).isEqualTo("Z");
		assertThat(Problem.columnLetter(26)).isEqualTo("AA");
	}
}
