package vn.trithuc.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.trithuc.catalog.internal.Spreadsheets.row;
import static vn.trithuc.catalog.internal.Spreadsheets.xlsx;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.catalog.internal.CodeListAdministration;
import vn.trithuc.catalog.internal.Problem;

/** Code lists on the real database: the initial load, cached lookups, versions, add, retire and import. */
@IntegrationTest
class CodeListsTest {

	@Autowired
	CodeLists codeLists;
	@Autowired
	CodeListAdministration administration;

	@Test
	void every_list_is_loaded_as_version_1_with_the_counts_of_its_file() {
		var expected = Map.ofEntries(Map.entry(CodeListKind.ETHNIC_GROUP, 54), Map.entry(CodeListKind.RELIGION, 16),
				Map.entry(CodeListKind.EDUCATION_LEVEL, 11), Map.entry(CodeListKind.DEGREE, 8),
				Map.entry(CodeListKind.ACADEMIC_TITLE, 2), Map.entry(CodeListKind.POLITICAL_THEORY_LEVEL, 4),
				Map.entry(CodeListKind.STATE_MANAGEMENT_LEVEL, 3), Map.entry(CodeListKind.FOREIGN_LANGUAGE_LEVEL, 9),
				Map.entry(CodeListKind.IT_LEVEL, 5), Map.entry(CodeListKind.FIELD_OF_STUDY, 24),
				Map.entry(CodeListKind.CIVIL_SERVANT_RANK, 15), Map.entry(CodeListKind.PROFESSIONAL_TITLE, 32),
				Map.entry(CodeListKind.PERSONNEL_CATEGORY, 8), Map.entry(CodeListKind.HONOUR_KIND, 27));
		assertThat(expected).hasSize(CodeListKind.values().length);
		expected.forEach((kind, count) -> assertThat(codeLists.entries(kind, 1)).as(kind.name()).hasSize(count));
		assertThat(codeLists.versions(CodeListKind.ETHNIC_GROUP)).last()
			.satisfies(v -> assertThat(v.change()).isEqualTo(CodeListVersion.Change.INITIAL));
	}

	@Test
	void ethnic_groups_follow_the_2008_codes() {
		var active = codeLists.active(CodeListKind.ETHNIC_GROUP);
		assertThat(active).hasSize(54);
		assertThat(active).extracting(CodeListEntry::name).startsWith("Kinh", "Tày", "Thái", "Mường", "Khơ me", "Hoa");
		assertThat(codeLists.find(CodeListKind.ETHNIC_GROUP, "01")).get().extracting(CodeListEntry::name).isEqualTo("Kinh");
		assertThat(codeLists.find(CodeListKind.ETHNIC_GROUP, "01").get().status()).isEqualTo(CodeListEntry.Status.VERIFIED);
		assertThat(codeLists.find(CodeListKind.ETHNIC_GROUP, "02").get().attributes()).containsEntry("minority", "true");
		assertThat(codeLists.find(CodeListKind.ETHNIC_GROUP, "99")).isEmpty();
	}

	@Test
	void adding_and_retiring_make_new_versions_seen_at_once_despite_the_cache() {
		var kind = CodeListKind.HONOUR_KIND;
		int before = codeLists.currentVersion(kind);
		assertThat(codeLists.find(kind, "KY_NIEM_CHUONG_TRI_THUC")).isEmpty(); // cached as absent
		int added = administration.addEntry(kind, "KY_NIEM_CHUONG_TRI_THUC", "Kỷ niệm chương Vì sự nghiệp trí thức", null,
				CodeListEntry.Status.UNVERIFIED, "test");
		assertThat(added).isEqualTo(before + 1);
		assertThat(codeLists.find(kind, "KY_NIEM_CHUONG_TRI_THUC")).get().extracting(CodeListEntry::active).isEqualTo(true);
		assertThat(codeLists.active(kind)).hasSize(28);

		administration.retire(kind, "KY_NIEM_CHUONG_TRI_THUC", "test");
		var retired = codeLists.find(kind, "KY_NIEM_CHUONG_TRI_THUC").orElseThrow();
		assertThat(retired.active()).isFalse();
		assertThat(codeLists.active(kind)).hasSize(27);
		assertThat(codeLists.entries(kind)).hasSize(28);
		assertThat(codeLists.entries(kind, added)).filteredOn(e -> e.code().equals("KY_NIEM_CHUONG_TRI_THUC"))
			.singleElement().extracting(CodeListEntry::active).isEqualTo(true);

		assertThatThrownBy(() -> administration.addEntry(kind, "KY_NIEM_CHUONG_TRI_THUC", "Lại", null,
				CodeListEntry.Status.UNVERIFIED, "test")).isInstanceOf(Problem.Refused.class)
			.satisfies(e -> assertThat(((Problem.Refused) e).problems()).extracting(Problem::key)
				.containsExactly("catalog.import.error.entry.codeRetired"));
		assertThat(codeLists.currentVersion(kind)).isEqualTo(before + 2);
	}

	@Test
	void an_imported_version_shows_its_differences_first_and_keeps_the_old_version_readable() {
		var kind = CodeListKind.RELIGION;
		int before = codeLists.currentVersion(kind);
		var rows = new java.util.ArrayList<String[]>();
		rows.add(row("Mã", "Tên", "Thứ tự", "Trạng thái", "note"));
		for (var entry : codeLists.active(kind)) {
			if (entry.code().equals("13")) {
				continue; // Bà-la-môn giáo: retired by the new version
			}
			var name = entry.code().equals("03") ? "Đạo Tin Lành" : entry.name();
			rows.add(row(entry.code(), name, String.valueOf(entry.sortOrder()), entry.status().name().toLowerCase(),
					entry.attributes().get("note")));
		}
		rows.add(row("15", "Giáo hội Phật đường Nam tông Minh Sư đạo", "15", "unverified", ""));
		var id = administration.prepareImport(kind, "ton-giao-2026.xlsx", xlsx(rows.toArray(String[][]::new)), "test");

		var preview = administration.pendingImport(kind, id).orElseThrow();
		assertThat(codeLists.currentVersion(kind)).as("nothing applied before the preview is confirmed").isEqualTo(before);
		assertThat(preview.diff().added()).extracting(r -> r.code()).containsExactly("15");
		assertThat(preview.diff().renamed()).extracting(r -> r.code() + ": " + r.oldName() + " → " + r.newName())
			.containsExactly("03: Tin lành → Đạo Tin Lành");
		assertThat(preview.diff().retired()).extracting(CodeListEntry::code).containsExactly("13");
		assertThat(preview.stale()).isFalse();

		int version = administration.applyImport(kind, id, "test");
		assertThat(version).isEqualTo(before + 1);
		assertThat(codeLists.find(kind, "03").orElseThrow().name()).isEqualTo("Đạo Tin Lành");
		assertThat(codeLists.find(kind, "13").orElseThrow().active()).isFalse();
		assertThat(codeLists.entries(kind, before)).filteredOn(e -> e.code().equals("03")).singleElement()
			.extracting(CodeListEntry::name).isEqualTo("Tin lành");
		assertThat(codeLists.versions(kind).get(0).change()).isEqualTo(CodeListVersion.Change.IMPORTED);

		assertThatThrownBy(() -> administration.applyImport(kind, id, "test")).isInstanceOf(Problem.Refused.class);
		assertThat(codeLists.currentVersion(kind)).isEqualTo(version);
	}

	@Test
	void bad_files_are_refused_whole_and_change_nothing() {
		var kind = CodeListKind.POLITICAL_THEORY_LEVEL;
		int before = codeLists.currentVersion(kind);
		var refused = org.assertj.core.api.Assertions.catchThrowableOfType(Problem.Refused.class,
				() -> administration.prepareImport(kind, "llct.xlsx", xlsx(row("code", "name"), row("SO_CAP", "Sơ cấp"),
						row("SO_CAP", "Sơ cấp lặp"), row("CAO_CAP", "Cao cấp")), "test"));
		assertThat(refused.problems()).extracting(p -> p.key() + " " + p.args())
			.containsExactly("catalog.import.error.duplicateCode [3, A, SO_CAP, 2]");
		var tooBig = new byte[1024 * 1024 + 1];
		assertThatThrownBy(() -> administration.prepareImport(kind, "llct.xlsx", tooBig, "test"))
			.isInstanceOf(Problem.Refused.class)
			.satisfies(e -> assertThat(((Problem.Refused) e).problems().get(0).key()).isEqualTo("catalog.import.error.tooLarge"));
		assertThat(codeLists.currentVersion(kind)).isEqualTo(before);
		assertThat(codeLists.active(kind)).hasSize(4);
	}
}
