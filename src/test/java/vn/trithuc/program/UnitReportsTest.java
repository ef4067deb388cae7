package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.trithuc.IntegrationTest;

/** Reporting periods and unit reports on the real database: workflow, lock, completeness and timeliness. */
@IntegrationTest
class UnitReportsTest {

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;

	ProgramId program;

	@BeforeEach
	void seedLoaded() {
		program = programs.importSeedProgram("test");
	}

	@Test
	void the_cut_offs_proposed_for_a_period_come_from_the_rules_data() {
		var sixMonths = reports.proposedDates(PeriodKind.SIX_MONTH, 2024).orElseThrow();
		assertThat(sixMonths.cutoffFrom()).isEqualTo(LocalDate.of(2023, 12, 15));
		assertThat(sixMonths.cutoffTo()).isEqualTo(LocalDate.of(2024, 6, 14));
		assertThat(sixMonths.deadline()).isEqualTo(LocalDate.of(2024, 6, 21));
		var year = reports.proposedDates(PeriodKind.ANNUAL, 2024).orElseThrow();
		assertThat(year.cutoffFrom()).isEqualTo(LocalDate.of(2023, 12, 15));
		assertThat(year.cutoffTo()).isEqualTo(LocalDate.of(2024, 12, 14));
		assertThat(reports.proposedDates(PeriodKind.AD_HOC, 2024)).isEmpty();
	}

	@Test
	void a_report_is_submitted_returned_resubmitted_accepted_and_then_locked() {
		var unit = reports.addUnit(program, "Đảng ủy xã kiểm thử luồng " + UUID.randomUUID(), null);
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất kiểm thử luồng", future(), "lan");
		var reportId = line(period, unit).id();
		var report = reports.report(reportId).orElseThrow();
		assertThat(report.status()).isEqualTo(ReportStatus.DRAFT);
		var task = programs.find(program, LocalDate.of(2024, 12, 31)).orElseThrow().items(ItemKind.TASK).get(0);

		reports.save(reportId, report.version(), new UnitReports.Content("Đã quán triệt cho 120 đảng viên.", "Thiếu kinh phí.",
				"Đề nghị hỗ trợ tài liệu.", Map.of(task.id(), new UnitReports.TaskProgress(TaskStatus.IN_PROGRESS, 60, "Đang triển khai")),
				Map.of("RND_STAFF_PER_10000", new BigDecimal("3.5"))), "hai");
		report = reports.report(reportId).orElseThrow();
		assertThat(report.content().tasks()).containsEntry(task.id(), new UnitReports.TaskProgress(TaskStatus.IN_PROGRESS, 60, "Đang triển khai"));
		assertThat(report.content().indicators().get("RND_STAFF_PER_10000")).isEqualByComparingTo("3.5");

		reports.act(reportId, report.version(), ReportAction.SUBMIT, null, "hai");
		report = reports.report(reportId).orElseThrow();
		var submittedVersion = report.version();
		assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(report.timeliness()).isEqualTo(Timeliness.ON_TIME);
		var frozen = report;
		assertThatThrownBy(() -> reports.save(reportId, frozen.version(), frozen.content(), "hai"))
			.isInstanceOf(IllegalStateException.class);

		reports.act(reportId, report.version(), ReportAction.RETURN, "thiếu số liệu quán triệt", "lan");
		report = reports.report(reportId).orElseThrow();
		assertThat(report.status()).isEqualTo(ReportStatus.RETURNED);
		// a stale page cannot act on the report any more
		assertThatThrownBy(() -> reports.act(reportId, submittedVersion, ReportAction.ACCEPT, null, "lan"))
			.isInstanceOf(OptimisticLockingFailureException.class);

		reports.act(reportId, report.version(), ReportAction.SUBMIT, null, "hai");
		report = reports.report(reportId).orElseThrow();
		assertThat(report.status()).isEqualTo(ReportStatus.RESUBMITTED);
		reports.act(reportId, report.version(), ReportAction.ACCEPT, null, "lan");
		report = reports.report(reportId).orElseThrow();
		assertThat(report.status()).isEqualTo(ReportStatus.ACCEPTED);
		assertThat(report.acceptedBy()).isEqualTo("lan");
		var accepted = report;
		assertThatThrownBy(() -> reports.act(reportId, accepted.version(), ReportAction.SUBMIT, null, "hai"))
			.isInstanceOf(UnitReports.IllegalTransitionException.class);

		assertThat(report.events()).extracting(UnitReports.Event::action, UnitReports.Event::to, UnitReports.Event::by)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ReportAction.SUBMIT, ReportStatus.SUBMITTED, "hai"),
					org.assertj.core.groups.Tuple.tuple(ReportAction.RETURN, ReportStatus.RETURNED, "lan"),
					org.assertj.core.groups.Tuple.tuple(ReportAction.SUBMIT, ReportStatus.RESUBMITTED, "hai"),
					org.assertj.core.groups.Tuple.tuple(ReportAction.ACCEPT, ReportStatus.ACCEPTED, "lan"));
		assertThat(report.events().get(1).comment()).isEqualTo("thiếu số liệu quán triệt");

		reports.act(reportId, report.version(), ReportAction.REOPEN, "Sai số liệu chỉ số", "lan");
		report = reports.report(reportId).orElseThrow();
		assertThat(report.status()).isEqualTo(ReportStatus.RETURNED);
		assertThat(report.acceptedAt()).isNull();
		assertThat(report.timeliness()).isEqualTo(Timeliness.ON_TIME); // counted from the first sending
	}

	@Test
	void completeness_counts_expected_submitted_and_on_time_reports_per_period() {
		var a = reports.addUnit(program, "Đảng ủy xã đủ số A " + UUID.randomUUID(), null);
		var b = reports.addUnit(program, "Đảng ủy xã đủ số B " + UUID.randomUUID(), null);
		var c = reports.addUnit(program, "Đảng ủy xã đủ số C " + UUID.randomUUID(), null);
		var past = reports.openPeriod(program, PeriodKind.SIX_MONTH, "6 tháng kiểm thử đã quá hạn",
				new UnitReports.PeriodDates(LocalDate.of(2024, 6, 1), LocalDate.of(2023, 12, 15), LocalDate.of(2024, 6, 14),
						LocalDate.of(2024, 6, 21)), "lan");
		var open = reports.openPeriod(program, PeriodKind.ANNUAL, "Năm kiểm thử chưa đến hạn", future(), "lan");
		submit(line(past, a).id());                  // after the deadline: late
		submit(line(open, a).id());                  // before the deadline: on time
		submit(line(open, b).id());

		var completeness = reports.completeness(program);
		var expectedPast = reports.reports(past).size();
		assertThat(completeness.totals().get(past)).isEqualTo(new UnitReports.Totals(expectedPast, 1, 0));
		assertThat(completeness.totals().get(open)).isEqualTo(new UnitReports.Totals(reports.reports(open).size(), 2, 2));
		assertThat(completeness.cell(a, past)).isEqualTo(Timeliness.LATE);
		assertThat(completeness.cell(b, past)).isEqualTo(Timeliness.MISSING);
		assertThat(completeness.cell(a, open)).isEqualTo(Timeliness.ON_TIME);
		assertThat(completeness.cell(c, open)).isEqualTo(Timeliness.NOT_DUE);
		assertThat(completeness.units()).extracting(UnitReports.ReportingUnit::id).contains(a, b, c);
		assertThat(completeness.periods()).extracting(UnitReports.Period::id).contains(past, open);
	}

	private void submit(UUID reportId) {
		reports.act(reportId, reports.report(reportId).orElseThrow().version(), ReportAction.SUBMIT, null, "hai");
	}

	private UnitReports.ReportLine line(UUID period, UUID unit) {
		return reports.reports(period).stream().filter(l -> l.unitId().equals(unit)).findFirst().orElseThrow();
	}

	private static UnitReports.PeriodDates future() {
		var today = LocalDate.now();
		return new UnitReports.PeriodDates(today.minusDays(10), today.minusMonths(6), today.minusDays(1), today.plusDays(30));
	}
}
