package vn.trithuc.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.trithuc.documents.ChartImage;
import vn.trithuc.documents.OfficialDocument;

/**
 * Consolidated review reports (báo cáo sơ kết / tổng kết, or the 6-month and annual reports) of a period and a
 * scope: drafted from the accepted unit reports, edited section by section (each save a revision), exported in
 * the party document format. The annex tables and the chart always show the current reports.
 */
public interface ReviewReports {

	/**
	 * Drafts a report for the period over the reporting units in the subtree of {@code scopeOrgUnit} (as of the
	 * period's cut-off end, following successor links; null = every reporting unit).
	 *
	 * @throws IllegalArgumentException for an unknown period
	 */
	UUID draft(UUID periodId, @Nullable UUID scopeOrgUnit, String by);

	List<ReviewLine> reviews(UUID periodId);

	Optional<Review> review(UUID reviewId);

	/**
	 * Saves a new text of one section as its next revision.
	 *
	 * @throws OptimisticLockingFailureException when someone saved the section since {@code expectedRevision}
	 * @throws IllegalArgumentException for an unknown review or an empty text
	 */
	void edit(UUID reviewId, ReviewSection section, int expectedRevision, String text, String by);

	/** Every revision of a section, the draft (1) first. */
	List<SectionText> history(UUID reviewId, ReviewSection section);

	/** The report as an official document (party format): for DOCX, PDF and preview. */
	OfficialDocument document(UUID reviewId);

	/** The chart of the report, the same image on the page, in the DOCX and in the PDF. */
	ChartImage chart(UUID reviewId);

	record ReviewLine(UUID id, String title, @Nullable String scopeName, Instant createdAt, String createdBy) {
	}

	record Review(UUID id, ProgramId program, UnitReports.Period period, @Nullable UUID scopeOrgUnit,
			@Nullable String scopeName, String title, Instant createdAt, String createdBy, List<SectionText> sections,
			Facts facts) {

		public SectionText section(ReviewSection section) {
			return sections.stream().filter(s -> s.section() == section).findFirst().orElseThrow();
		}
	}

	record SectionText(ReviewSection section, int revision, String text, Instant editedAt, String editedBy) {
	}

	/** What the report is assembled from, computed from the reports at the time it is read. */
	record Facts(List<UnitLine> units, List<TaskLine> tasks, List<IndicatorLine> indicators,
			Map<UUID, Map<String, BigDecimal>> indicatorsByUnit, Disseminations.Coverage dissemination) {

		public long accepted() {
			return units.stream().filter(u -> u.status() == ReportStatus.ACCEPTED).count();
		}

		public long submitted() {
			return units.stream().filter(u -> u.timeliness().submitted()).count();
		}

		public long onTime() {
			return units.stream().filter(u -> u.timeliness() == Timeliness.ON_TIME).count();
		}

		public List<TaskLine> tasks(TaskGroup group) {
			return tasks.stream().filter(t -> t.group() == group).toList();
		}
	}

	record UnitLine(UUID unitId, String unitName, ReportStatus status, @Nullable Instant firstSubmittedAt,
			Timeliness timeliness) {
	}

	/** One task of the program over the accepted reports: how many units report it done, in progress, … */
	record TaskLine(UUID itemId, TaskGroup group, String label, String text, int done, int inProgress, int notStarted,
			int overdue, @Nullable Integer averageProgress) {

		public int reported() {
			return done + inProgress + notStarted + overdue;
		}
	}

	/**
	 * An indicator over the accepted reports of this period and the period before, against its target (with the
	 * target's source document), as party reports tabulate them: previous / this period / change / % / target.
	 */
	record IndicatorLine(String code, String description, String unit, @Nullable BigDecimal previous,
			@Nullable BigDecimal current, @Nullable BigDecimal target, @Nullable String comparator,
			@Nullable Integer targetYear, @Nullable String targetSource) {

		/** How the indicator is named in tables, page and document alike: its description and unit of measure. */
		public String label() {
			return unit.isEmpty() ? description : description + " (" + unit + ")";
		}

		public @Nullable BigDecimal change() {
			return previous == null || current == null ? null : current.subtract(previous);
		}

		/** Current as a percentage of the target. */
		public @Nullable Double shareOfTarget() {
			return current == null || target == null || target.signum() == 0 ? null
					: current.doubleValue() * 100 / target.doubleValue();
		}
	}
}
