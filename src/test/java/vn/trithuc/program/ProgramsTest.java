package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.trithuc.IntegrationTest;

/** The seed program loaded as structured data into the real database, read back and amended. */
@IntegrationTest
class ProgramsTest {

	@Autowired
	Programs programs;

	ProgramId id;

	@BeforeEach
	void seedLoaded() {
		id = programs.importSeedProgram("test");
	}

	@Test
	void the_import_is_idempotent() {
		assertThat(programs.importSeedProgram("test")).isEqualTo(id);
		assertThat(programs.programs()).filteredOn(p -> !p.referenceOnly()).extracting(ProgramSummary::id).containsOnlyOnce(id);
		assertThat(programs.seedProgram()).contains(id);
	}

	@Test
	void the_seed_program_holds_the_counts_of_the_text() {
		// as issued: other tests amend the shared program from 2025 on
		var program = programs.find(id, LocalDate.of(2024, 12, 31)).orElseThrow();
		assertThat(program.items(ItemKind.PURPOSE)).hasSize(3);
		assertThat(program.items(ItemKind.REQUIREMENT)).hasSize(3);
		assertThat(program.items(ItemKind.GENERAL_OBJECTIVE)).hasSize(4);
		assertThat(program.items(ItemKind.OBJECTIVE_2030)).hasSize(4);
		assertThat(program.items(ItemKind.VISION_2045)).hasSize(2);
		assertThat(program.items(ItemKind.TASK)).hasSize(22);
		assertThat(program.taskSections()).extracting(s -> s.items().size()).containsExactly(5, 3, 6, 4, 4);
		assertThat(program.taskSections()).extracting(ProgramDocument.Section::taskGroup)
			.containsExactly(TaskGroup.values());
		assertThat(program.items(ItemKind.TASK)).allMatch(t -> t.taskGroup() != null);
		assertThat(program.items(ItemKind.ASSIGNMENT)).hasSize(4);
		assertThat(program.items(ItemKind.RECIPIENT)).hasSize(10);
		assertThat(program.taskSections().get(0).heading())
			.isEqualTo("Nâng cao nhận thức về vị trí, vai trò, tầm quan trọng của đội ngũ trí thức");
	}

	@Test
	void the_header_keeps_the_unknown_number_and_day() {
		var program = programs.find(id, null).orElseThrow();
		var summary = program.summary();
		assertThat(summary.number()).isNull();
		assertThat(summary.numberKnown()).isFalse();
		assertThat(summary.fullNumber()).isEqualTo("-CTr/HU");
		assertThat(summary.issued()).isEqualTo(new PartialDate(2024, 3, null));
		assertThat(summary.issuerName()).isEqualTo("Huyện ủy Đam Rông");
		assertThat(program.issuerHeading()).isEqualTo("HUYỆN ỦY ĐAM RÔNG");
		assertThat(program.higherIssuerHeading()).isEqualTo("ĐẢNG BỘ TỈNH LÂM ĐỒNG");
		assertThat(program.place()).isEqualTo("Đam Rông");
		assertThat(program.issuerOrgUnitId()).isNull(); // linked when the organisation tree exists
	}

	@Test
	void the_cascade_runs_from_the_resolution_to_this_program() {
		var program = programs.find(id, null).orElseThrow();
		assertThat(program.cascade()).extracting(ProgramSummary::fullNumber)
			.containsExactly("45-NQ/TW", "20-KH/TW", "77-CTr/TU");
		assertThat(program.cascade()).extracting(ProgramSummary::issued).containsExactly(new PartialDate(2023, 11, 24),
				new PartialDate(2023, 11, 28), new PartialDate(2024, 3, 6));
		assertThat(program.cascade()).allMatch(ProgramSummary::referenceOnly);
		var provincial = programs.find(program.cascade().get(2).id(), null).orElseThrow();
		assertThat(provincial.cascade()).extracting(ProgramSummary::fullNumber).containsExactly("45-NQ/TW", "20-KH/TW");
		assertThat(program.legalBases()).extracting(ProgramDocument.LegalBasis::citation).containsExactly(
				"Chương trình số 77-CTr/TU, ngày 06/3/2024 của Tỉnh ủy",
				"Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII",
				"Kế hoạch số 20-KH/TW, ngày 28/11/2023 của Bộ Chính trị");
	}

	@Test
	void section_four_assigns_the_tasks_to_the_grassroots_and_the_monitoring_to_the_commission() {
		var program = programs.find(id, null).orElseThrow();
		assertThat(program.assignments()).extracting(ProgramDocument.Assignment::unitName,
				ProgramDocument.Assignment::responsibility)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("Các tổ chức cơ sở đảng trực thuộc Huyện ủy", Responsibility.CARRIES_TASKS),
					org.assertj.core.groups.Tuple.tuple("Ủy ban nhân dân huyện", Responsibility.CONCRETISES_POLICIES),
					org.assertj.core.groups.Tuple.tuple("Mặt trận Tổ quốc và các đoàn thể huyện", Responsibility.SUPERVISES_AND_MOBILISES),
					org.assertj.core.groups.Tuple.tuple("Ban Tuyên giáo Huyện ủy", Responsibility.LEADS_AND_MONITORS));
		var items = program.items(ItemKind.ASSIGNMENT);
		for (int i = 0; i < 4; i++) {
			assertThat(items.get(i).text()).startsWith(program.assignments().get(i).unitName());
			assertThat(program.assignments().get(i).itemId()).isEqualTo(items.get(i).id());
		}
	}

	@Test
	void targets_come_only_from_later_documents_each_with_its_source() {
		var program = programs.find(id, null).orElseThrow();
		assertThat(program.targets()).isNotEmpty().allSatisfy(target -> {
			assertThat(target.sourceDocument()).isEqualTo("2711/QĐ-TTg");
			assertThat(target.sourceDocument()).isNotEqualTo(program.summary().fullNumber());
		});
		assertThat(program.targets()).extracting(ProgramDocument.Target::indicatorCode).contains("RND_STAFF_PER_10000");
		assertThat(program.targets()).filteredOn(t -> t.indicatorCode().equals("RND_STAFF_PER_10000"))
			.singleElement().satisfies(t -> {
				assertThat(t.value()).isEqualByComparingTo("12");
				assertThat(t.year()).isEqualTo(2030);
			});
	}

	@Test
	void an_amendment_keeps_the_old_version_readable_as_of_an_earlier_day() {
		var program = programs.find(id, null).orElseThrow();
		var task = program.taskSections().get(2).items().get(3); // III.3, the registry task
		var original = task.text();
		programs.amendItem(id, task.id(), task.version(), new Programs.Amendment(
				original + " Cập nhật dữ liệu định kỳ 6 tháng.", LocalDate.of(2025, 7, 1), "15-QĐ/HU",
				"Bổ sung yêu cầu cập nhật cơ sở dữ liệu", "test"));

		var before = programs.find(id, LocalDate.of(2025, 6, 30)).orElseThrow().taskSections().get(2).items().get(3);
		var after = programs.find(id, LocalDate.of(2025, 7, 1)).orElseThrow().taskSections().get(2).items().get(3);
		var latest = programs.find(id, null).orElseThrow().taskSections().get(2).items().get(3);
		assertThat(before.text()).isEqualTo(original);
		assertThat(before.revision()).isEqualTo(1);
		assertThat(after.text()).endsWith("Cập nhật dữ liệu định kỳ 6 tháng.");
		assertThat(after.decisionNumber()).isEqualTo("15-QĐ/HU");
		assertThat(latest.text()).isEqualTo(after.text());
		assertThat(latest.revisions()).isEqualTo(2);
		assertThat(programs.history(id, task.id())).extracting(ProgramDocument.Revision::text)
			.containsExactly(original, after.text());

		// the same form sent twice: the second one is refused instead of silently overwriting
		assertThatThrownBy(() -> programs.amendItem(id, task.id(), task.version(), new Programs.Amendment("khác",
				LocalDate.of(2025, 8, 1), "16-QĐ/HU", "lý do", "test")))
			.isInstanceOf(OptimisticLockingFailureException.class);
		// an amendment cannot take effect before the last one
		assertThatThrownBy(() -> programs.amendItem(id, task.id(), latest.version(), new Programs.Amendment("khác",
				LocalDate.of(2025, 1, 1), "16-QĐ/HU", "lý do", "test")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void an_added_task_is_absent_before_its_date() {
		var added = programs.addItem(id, "III.5", new Programs.Amendment("Tổ chức diễn đàn trí thức trẻ hằng năm.",
				LocalDate.of(2025, 3, 1), "12-QĐ/HU", "Bổ sung theo kết luận của Ban Thường vụ", "test"));
		List<ProgramDocument.Item> before = programs.find(id, LocalDate.of(2025, 2, 28)).orElseThrow().taskSections().get(4).items();
		List<ProgramDocument.Item> after = programs.find(id, LocalDate.of(2025, 3, 1)).orElseThrow().taskSections().get(4).items();
		assertThat(before).extracting(ProgramDocument.Item::id).doesNotContain(added);
		assertThat(after).extracting(ProgramDocument.Item::id).contains(added);
		assertThat(after).filteredOn(i -> i.id().equals(added)).singleElement()
			.satisfies(i -> assertThat(i.taskGroup()).isEqualTo(TaskGroup.ROLE_OF_INTELLECTUALS));
		// the text as issued still has its 22 tasks
		assertThat(programs.find(id, LocalDate.of(2024, 12, 31)).orElseThrow().items(ItemKind.TASK)).hasSize(22);
	}
}
