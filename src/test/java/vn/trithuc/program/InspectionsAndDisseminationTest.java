package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.trithuc.IntegrationTest;
import vn.trithuc.program.Disseminations.Form;
import vn.trithuc.program.Disseminations.ParticipantGroup;
import vn.trithuc.program.Inspections.RecommendationStatus;

/** Inspections whose recommendations are followed to closure; dissemination sessions and their coverage. */
@IntegrationTest
class InspectionsAndDisseminationTest {

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	Inspections inspections;
	@Autowired
	Disseminations disseminations;

	@Test
	void a_recommendation_is_answered_by_the_unit_and_closed_by_the_commission() {
		var program = programs.importSeedProgram("test");
		var unit = reports.addUnit(program, "Đảng ủy xã kiểm tra " + UUID.randomUUID(), null);
		var inspection = inspections.plan(program, unit, Inspections.Kind.INSPECTION, LocalDate.of(2024, 9, 10), "lan");
		inspections.record(inspection, LocalDate.of(2024, 9, 12), "Chưa xây dựng kế hoạch cụ thể thực hiện Chương trình.");
		var plan = inspections.recommend(inspection, "Xây dựng kế hoạch thực hiện Chương trình hành động.", LocalDate.of(2024, 10, 31));
		var data = inspections.recommend(inspection, "Cập nhật danh sách trí thức của đơn vị.", LocalDate.now().plusMonths(1));

		var open = inspections.inspection(inspection).orElseThrow();
		assertThat(open.open()).isEqualTo(2);
		assertThat(open.recommendations()).extracting(Inspections.Recommendation::overdue).containsExactly(true, false);

		var first = open.recommendations().get(0);
		inspections.respond(plan, first.version(), "Đã ban hành Kế hoạch số 05-KH/ĐU ngày 20/10/2024.", "hai");
		assertThatThrownBy(() -> inspections.close(plan, first.version(), "xong", "lan"))
			.isInstanceOf(OptimisticLockingFailureException.class);
		var answered = inspections.inspection(inspection).orElseThrow().recommendations().get(0);
		assertThat(answered.status()).isEqualTo(RecommendationStatus.RESPONDED);
		assertThat(answered.respondedBy()).isEqualTo("hai");
		assertThatThrownBy(() -> inspections.close(plan, answered.version(), " ", "lan"))
			.isInstanceOf(IllegalArgumentException.class);
		inspections.close(plan, answered.version(), "Đã kiểm tra kế hoạch, đạt yêu cầu.", "lan");

		var after = inspections.inspection(inspection).orElseThrow();
		var closed = after.recommendations().get(0);
		assertThat(closed.status()).isEqualTo(RecommendationStatus.CLOSED);
		assertThat(closed.closedBy()).isEqualTo("lan");
		assertThat(closed.closedAt()).isNotNull();
		assertThat(closed.overdue()).isFalse();
		assertThat(after.open()).isEqualTo(1);
		assertThat(after.findings()).startsWith("Chưa xây dựng kế hoạch");
		assertThatThrownBy(() -> inspections.respond(plan, closed.version(), "thêm", "hai"))
			.isInstanceOf(IllegalStateException.class);
		assertThat(inspections.inspections(program)).extracting(Inspections.Inspection::id).contains(inspection);
		assertThat(data).isNotNull();
	}

	@Test
	void dissemination_coverage_counts_units_sessions_and_participants_in_the_range() {
		var program = programs.importSeedProgram("test");
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var a = reports.addUnit(program, "Chi bộ quán triệt A " + tag, null);
		var b = reports.addUnit(program, "Chi bộ quán triệt B " + tag, null);
		reports.addUnit(program, "Chi bộ quán triệt C " + tag, null);
		// a year of its own so that other tests' sessions do not count
		var year = 2031 + Math.floorMod(tag.hashCode(), 50);
		var before = disseminations.coverage(program, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		disseminations.record(program, a, LocalDate.of(year, 4, 2), Form.IN_PERSON, "Hội nghị quán triệt Nghị quyết 45-NQ/TW",
				Map.of(ParticipantGroup.PARTY_MEMBERS, 40, ParticipantGroup.INTELLECTUALS, 12), "hai");
		disseminations.record(program, a, LocalDate.of(year, 5, 6), Form.COMBINED, "Lồng ghép sinh hoạt chi bộ",
				Map.of(ParticipantGroup.PARTY_MEMBERS, 15), "hai");
		disseminations.record(program, b, LocalDate.of(year, 6, 1), Form.ONLINE, "Quán triệt trực tuyến",
				Map.of(ParticipantGroup.CIVIL_SERVANTS, 30, ParticipantGroup.PEOPLE, 100), "hai");
		disseminations.record(program, b, LocalDate.of(year + 1, 1, 3), Form.ONLINE, "Năm sau", Map.of(ParticipantGroup.PEOPLE, 5), "hai");

		var coverage = disseminations.coverage(program, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		assertThat(coverage.sessions() - before.sessions()).isEqualTo(3);
		assertThat(coverage.unitsCovered() - before.unitsCovered()).isEqualTo(2);
		assertThat(coverage.units()).isEqualTo(reports.units(program).size());
		assertThat(coverage.participants().get(ParticipantGroup.PARTY_MEMBERS) - before.participants().get(ParticipantGroup.PARTY_MEMBERS))
			.isEqualTo(55);
		assertThat(coverage.participantsTotal() - before.participantsTotal()).isEqualTo(197);
		assertThatThrownBy(() -> disseminations.record(program, UUID.randomUUID(), LocalDate.of(year, 1, 1), Form.ONLINE,
				"x", Map.of(), "hai")).isInstanceOf(IllegalArgumentException.class);
		assertThat(disseminations.sessions(program)).filteredOn(s -> s.unitName().endsWith(tag)).hasSize(4)
			.anySatisfy(s -> assertThat(s.total()).isEqualTo(52));
	}
}
