package vn.trithuc.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Reporting on a program: the units expected to report, the reporting periods, one unit report per unit and
 * period with its workflow, and the completeness and timeliness of reporting.
 */
public interface UnitReports {

	List<ReportingUnit> units(ProgramId program);

	UUID addUnit(ProgramId program, String name, @Nullable UUID orgUnitId);

	/** The addresses reminders go to: the unit's reporting contact, and its leader for escalations. */
	void setContacts(UUID unitId, @Nullable String contactEmail, @Nullable String leaderEmail);

	List<Period> periods(ProgramId program);

	Optional<Period> period(UUID periodId);

	/** Cut-off and deadline proposed for a kind and year from the period rules (data, configurable). */
	Optional<PeriodDates> proposedDates(PeriodKind kind, int year);

	/** Opens a period and a draft report for every reporting unit. */
	UUID openPeriod(ProgramId program, PeriodKind kind, String name, PeriodDates dates, String by);

	List<ReportLine> reports(UUID periodId);

	Optional<Report> report(UUID reportId);

	/**
	 * Saves the content of an editable report.
	 *
	 * @throws OptimisticLockingFailureException when the report changed since {@code expectedVersion}
	 * @throws IllegalStateException when the report is not editable (submitted or accepted)
	 */
	void save(UUID reportId, int expectedVersion, Content content, String by);

	/**
	 * Takes a workflow step.
	 *
	 * @throws OptimisticLockingFailureException when the report changed since {@code expectedVersion}
	 * @throws IllegalTransitionException when the step is not allowed from the report's status
	 */
	void act(UUID reportId, int expectedVersion, ReportAction action, @Nullable String comment, String by);

	/**
	 * The reports of a unit and of every unit it carries on after a reorganisation (merged, split or dissolved
	 * units, transitively), each under the name of the unit that wrote it, latest period first.
	 */
	List<ReportLine> carriedReports(UUID unitId);

	/** The reporting units that carry on an ended one, in the order of the reorganisation (first = main carrier). */
	List<ReportingUnit> successors(UUID unitId);

	/** Units × periods with the state of each report, and the totals per period. */
	Completeness completeness(ProgramId program);

	/** A unit expected to report; {@code endedOn} = the last day before a reorganisation ended it (else null). */
	record ReportingUnit(UUID id, int position, String name, @Nullable UUID orgUnitId, @Nullable String contactEmail,
			@Nullable String leaderEmail, @Nullable LocalDate endedOn) {

		public boolean ended() {
			return endedOn != null;
		}
	}

	record PeriodDates(LocalDate opensOn, LocalDate cutoffFrom, LocalDate cutoffTo, LocalDate deadline) {
		public PeriodDates {
			if (cutoffFrom.isAfter(cutoffTo) || opensOn.isAfter(deadline)) {
				throw new IllegalArgumentException("cut-off from after cut-off to, or opening after deadline");
			}
		}
	}

	record Period(UUID id, ProgramId program, PeriodKind kind, String name, PeriodDates dates) {
	}

	record ReportLine(UUID id, UUID unitId, String unitName, ReportStatus status, @Nullable Instant firstSubmittedAt,
			Timeliness timeliness) {
	}

	record Content(@Nullable String narrative, @Nullable String difficulties, @Nullable String proposals,
			Map<UUID, TaskProgress> tasks, Map<String, BigDecimal> indicators) {
	}

	record TaskProgress(TaskStatus status, @Nullable Integer progress, @Nullable String note) {
		public TaskProgress {
			if (progress != null && (progress < 0 || progress > 100)) {
				throw new IllegalArgumentException("progress is a percentage");
			}
		}
	}

	record Report(UUID id, int version, Period period, ReportingUnit unit, ReportStatus status, Content content,
			@Nullable Instant firstSubmittedAt, @Nullable Instant acceptedAt, @Nullable String acceptedBy,
			Timeliness timeliness, List<Event> events) {
	}

	record Event(Instant at, String by, ReportAction action, @Nullable ReportStatus from, ReportStatus to,
			@Nullable String comment) {
	}

	/** Expected, submitted and on-time reports per period, and each unit's cell. */
	record Completeness(List<Period> periods, List<ReportingUnit> units, Map<UUID, Map<UUID, Timeliness>> cells,
			Map<UUID, Totals> totals) {

		/** The cell of a unit in a period, null when the unit was not expected then. */
		public @Nullable Timeliness cell(UUID unitId, UUID periodId) {
			var row = cells.get(unitId);
			return row == null ? null : row.get(periodId);
		}
	}

	record Totals(int expected, int submitted, int onTime) {
		public double submittedShare() {
			return expected == 0 ? 0 : (double) submitted / expected;
		}

		public double onTimeShare() {
			return expected == 0 ? 0 : (double) onTime / expected;
		}
	}

	/** A workflow step that the report's status does not allow, or a step missing its comment. */
	class IllegalTransitionException extends IllegalStateException {
		private final ReportStatus from;
		private final ReportAction action;

		public IllegalTransitionException(ReportStatus from, ReportAction action, String why) {
			super(action + " not allowed from " + from + ": " + why);
			this.from = from;
			this.action = action;
		}

		public ReportStatus from() {
			return from;
		}

		public ReportAction action() {
			return action;
		}
	}
}
