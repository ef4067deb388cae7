package vn.trithuc.program.internal;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trithuc.program.ReportAction;
import vn.trithuc.program.ReportStatus;
import vn.trithuc.program.UnitReports.IllegalTransitionException;

/**
 * The unit report workflow: draft → submitted → returned with a comment → resubmitted → accepted. An
 * accepted report is locked; a correction reopens it (back to returned) with a reason. Only a draft or a
 * returned report can be edited.
 */
final class UnitReportWorkflow {

	private static final Map<ReportAction, Set<ReportStatus>> ALLOWED_FROM = Map.of(
			ReportAction.SUBMIT, Set.of(ReportStatus.DRAFT, ReportStatus.RETURNED),
			ReportAction.RETURN, Set.of(ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED),
			ReportAction.ACCEPT, Set.of(ReportStatus.SUBMITTED, ReportStatus.RESUBMITTED),
			ReportAction.REOPEN, Set.of(ReportStatus.ACCEPTED));

	private UnitReportWorkflow() {
	}

	/** The status after {@code action}, or an {@link IllegalTransitionException}. */
	static ReportStatus next(ReportStatus from, ReportAction action, @Nullable String comment) {
		if (!ALLOWED_FROM.get(action).contains(from)) {
			throw new IllegalTransitionException(from, action, "not allowed");
		}
		if (needsComment(action) && (comment == null || comment.isBlank())) {
			throw new IllegalTransitionException(from, action, "a comment is required");
		}
		return switch (action) {
			case SUBMIT -> from == ReportStatus.DRAFT ? ReportStatus.SUBMITTED : ReportStatus.RESUBMITTED;
			case RETURN, REOPEN -> ReportStatus.RETURNED;
			case ACCEPT -> ReportStatus.ACCEPTED;
		};
	}

	/** Returning needs a comment saying what is missing; reopening needs the reason for the correction. */
	static boolean needsComment(ReportAction action) {
		return action == ReportAction.RETURN || action == ReportAction.REOPEN;
	}

	static boolean allowed(ReportStatus from, ReportAction action) {
		return ALLOWED_FROM.get(action).contains(from);
	}
}
