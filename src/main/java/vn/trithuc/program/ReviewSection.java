package vn.trithuc.program;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The editable sections of a consolidated review report, in the order of DOMAIN.md's outline: part I situation,
 * leadership and dissemination, results per task group, assessment (strengths, limitations, causes, lessons);
 * part II tasks ahead; part III proposals.
 */
public enum ReviewSection {
	SITUATION(null), LEADERSHIP(null), RESULTS_1(TaskGroup.AWARENESS), RESULTS_2(TaskGroup.TRAINING_AND_TALENT),
	RESULTS_3(TaskGroup.STATE_MANAGEMENT_AND_POLICY), RESULTS_4(TaskGroup.RESOURCES_AND_INTEGRATION),
	RESULTS_5(TaskGroup.ROLE_OF_INTELLECTUALS), STRENGTHS(null), LIMITATIONS(null), CAUSES(null), LESSONS(null),
	TASKS_AHEAD(null), PROPOSALS(null);

	private final @Nullable TaskGroup taskGroup;

	ReviewSection(@Nullable TaskGroup taskGroup) {
		this.taskGroup = taskGroup;
	}

	/** The task group whose results the section reports, for RESULTS_n. */
	public @Nullable TaskGroup taskGroup() {
		return taskGroup;
	}

	public static ReviewSection results(TaskGroup group) {
		return valueOf("RESULTS_" + group.number());
	}

	/** The section of this name, empty for anything else (e.g. a made-up URL). */
	public static Optional<ReviewSection> parse(@Nullable String name) {
		for (var section : values()) {
			if (section.name().equals(name)) {
				return Optional.of(section);
			}
		}
		return Optional.empty();
	}

	public String messageKey() {
		return "program.reviewSection." + name();
	}
}
