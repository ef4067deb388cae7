package vn.trithuc.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Inspections and supervision of the units carrying out a program: findings, and recommendations each
 * followed to closure (open → answered by the unit → closed by the commission with a note).
 */
public interface Inspections {

	UUID plan(ProgramId program, UUID unitId, Kind kind, LocalDate plannedOn, String by);

	/** Records the visit: when it was held and what was found. */
	void record(UUID inspectionId, LocalDate heldOn, String findings);

	UUID recommend(UUID inspectionId, String text, LocalDate dueOn);

	/**
	 * The unit answers what it did.
	 *
	 * @throws OptimisticLockingFailureException when the recommendation changed since {@code expectedVersion}
	 * @throws IllegalStateException when it is already closed
	 */
	void respond(UUID recommendationId, int expectedVersion, String response, String by);

	/** The commission closes it with a note (after an answer, or on its own finding). */
	void close(UUID recommendationId, int expectedVersion, String note, String by);

	List<Inspection> inspections(ProgramId program);

	Optional<Inspection> inspection(UUID inspectionId);

	/** The inspection a recommendation belongs to. */
	Optional<UUID> inspectionOf(UUID recommendationId);

	enum Kind {
		INSPECTION, SUPERVISION;

		public String messageKey() {
			return "program.inspectionKind." + name();
		}
	}

	enum RecommendationStatus {
		OPEN, RESPONDED, CLOSED;

		public String messageKey() {
			return "program.recommendationStatus." + name();
		}
	}

	record Inspection(UUID id, ProgramId program, UUID unitId, String unitName, Kind kind, LocalDate plannedOn,
			@Nullable LocalDate heldOn, @Nullable String findings, List<Recommendation> recommendations) {

		public long open() {
			return recommendations.stream().filter(r -> r.status() != RecommendationStatus.CLOSED).count();
		}
	}

	record Recommendation(UUID id, int version, int position, String text, LocalDate dueOn,
			RecommendationStatus status, @Nullable String response, @Nullable Instant respondedAt,
			@Nullable String respondedBy, @Nullable String closingNote, @Nullable Instant closedAt,
			@Nullable String closedBy, boolean overdue) {
	}
}
