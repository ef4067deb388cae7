package vn.trithuc.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a person holds on a date, as job-position title standards look at it: every degree held (level and field),
 * the political theory, state management, foreign language and IT levels recorded (catalog codes; which is higher is
 * the caller's business), and the job position of their current position.
 *
 * @param jobPosition the job position (free text) of the position started last, null when none
 */
public record Qualifications(PersonId person, List<Degree> degrees, List<String> politicalTheoryLevels,
		List<String> stateManagementLevels, List<String> foreignLanguageLevels, List<String> itLevels,
		@Nullable String jobPosition) {

	public Qualifications {
		degrees = List.copyOf(degrees);
		politicalTheoryLevels = List.copyOf(politicalTheoryLevels);
		stateManagementLevels = List.copyOf(stateManagementLevels);
		foreignLanguageLevels = List.copyOf(foreignLanguageLevels);
		itLevels = List.copyOf(itLevels);
	}

	/** A degree held: education-levels code and fields-of-study code (null when unknown). */
	public record Degree(String level, @Nullable String fieldOfStudy) {
	}
}
