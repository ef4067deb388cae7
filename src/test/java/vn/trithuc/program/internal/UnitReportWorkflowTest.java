package vn.trithuc.program.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trithuc.program.ReportAction;
import vn.trithuc.program.ReportStatus;
import vn.trithuc.program.Timeliness;
import vn.trithuc.program.UnitReports.IllegalTransitionException;

/** The unit report workflow and the deadline rule, without Spring. */
class UnitReportWorkflowTest {

	@Test
	void a_report_goes_draft_submitted_returned_resubmitted_accepted() {
		var status = ReportStatus.DRAFT;
		status = UnitReportWorkflow.next(status, ReportAction.SUBMIT, null);
		assertThat(status).isEqualTo(ReportStatus.SUBMITTED);
		status = UnitReportWorkflow.next(status, ReportAction.RETURN, "thiếu số liệu quán triệt");
		assertThat(status).isEqualTo(ReportStatus.RETURNED);
		status = UnitReportWorkflow.next(status, ReportAction.SUBMIT, null);
		assertThat(status).isEqualTo(ReportStatus.RESUBMITTED);
		status = UnitReportWorkflow.next(status, ReportAction.ACCEPT, null);
		assertThat(status).isEqualTo(ReportStatus.ACCEPTED);
		assertThat(status.editable()).isFalse();
	}

	@Test
	void an_accepted_report_is_reopened_only_with_a_reason_and_is_then_editable_again() {
		assertThatThrownBy(() -> UnitReportWorkflow.next(ReportStatus.ACCEPTED, ReportAction.REOPEN, " "))
			.isInstanceOf(IllegalTransitionException.class).hasMessageContaining("comment");
		var reopened = UnitReportWorkflow.next(ReportStatus.ACCEPTED, ReportAction.REOPEN, "Sai số liệu chỉ số");
		assertThat(reopened).isEqualTo(ReportStatus.RETURNED);
		assertThat(reopened.editable()).isTrue();
	}

	@Test
	void returning_needs_a_comment() {
		assertThatThrownBy(() -> UnitReportWorkflow.next(ReportStatus.SUBMITTED, ReportAction.RETURN, null))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@ParameterizedTest(name = "{1} is refused from {0}")
	@CsvSource({ "DRAFT, RETURN", "DRAFT, ACCEPT", "DRAFT, REOPEN", "SUBMITTED, SUBMIT", "SUBMITTED, REOPEN",
			"RETURNED, ACCEPT", "RETURNED, RETURN", "RESUBMITTED, SUBMIT", "ACCEPTED, SUBMIT", "ACCEPTED, RETURN",
			"ACCEPTED, ACCEPT" })
	void illegal_steps_are_refused(ReportStatus from, ReportAction action) {
		assertThat(UnitReportWorkflow.allowed(from, action)).isFalse();
		assertThatThrownBy(() -> UnitReportWorkflow.next(from, action, "một lý do"))
			.isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
				assertThat(e.from()).isEqualTo(from);
				assertThat(e.action()).isEqualTo(action);
			});
	}

	@Test
	void only_drafts_and_returned_reports_are_editable() {
		assertThat(ReportStatus.values()).filteredOn(ReportStatus::editable)
			.containsExactly(ReportStatus.DRAFT, ReportStatus.RETURNED);
	}

	@Test
	void a_report_sent_on_the_deadline_day_in_vietnam_is_on_time_and_the_next_day_late() {
		var policy = new ReportDeadlinePolicy(Clock.fixed(Instant.parse("2024-07-01T03:00:00Z"), ZoneOffset.UTC));
		var deadline = LocalDate.of(2024, 6, 21);
		// 21/6 23:30 in Hà Nội is 16:30 UTC
		assertThat(policy.timeliness(Instant.parse("2024-06-21T16:30:00Z"), deadline)).isEqualTo(Timeliness.ON_TIME);
		// 22/6 00:30 in Hà Nội is still 21/6 in UTC: late all the same
		assertThat(policy.timeliness(Instant.parse("2024-06-21T17:30:00Z"), deadline)).isEqualTo(Timeliness.LATE);
	}

	@Test
	void a_report_not_sent_is_not_due_until_the_deadline_day_is_over_then_missing() {
		var deadline = LocalDate.of(2024, 6, 21);
		var onDeadlineEvening = new ReportDeadlinePolicy(Clock.fixed(Instant.parse("2024-06-21T16:00:00Z"), ZoneOffset.UTC));
		var nextMorning = new ReportDeadlinePolicy(Clock.fixed(Instant.parse("2024-06-21T18:00:00Z"), ZoneOffset.UTC));
		assertThat(onDeadlineEvening.timeliness(null, deadline)).isEqualTo(Timeliness.NOT_DUE);
		assertThat(nextMorning.timeliness(null, deadline)).isEqualTo(Timeliness.MISSING);
	}
}
