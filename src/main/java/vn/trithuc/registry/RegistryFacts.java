package vn.trithuc.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Read API for statistics: each person's facts through time as {@link PersonFacts} periods, computed from the
 * effective-dated profile. Merged records have no facts (their history moved to the survivor).
 */
public interface RegistryFacts {

	/** The periods in which the person counted as an intellectual, oldest first; empty when unknown or merged. */
	List<PersonFacts> timeline(PersonId person);

	/** The person's facts on {@code date}, empty when not an intellectual then (or unknown). */
	default Optional<PersonFacts> asOf(PersonId person, LocalDate date) {
		return timeline(person).stream().filter(f -> f.validOn(date)).findFirst();
	}

	/** Every person's timeline, one person at a time (streamed: fine for a million people). */
	void forEachTimeline(Consumer<List<PersonFacts>> consumer);

	/** Every person in the registry (merged records excluded). */
	List<PersonId> people();

	/** What the given people hold on {@code date} (title standards of job positions); merged or unknown people are left out. */
	Map<PersonId, Qualifications> qualifications(Collection<PersonId> people, LocalDate date);

	/** Display names of the given people that exist. */
	Map<PersonId, String> displayNames(Collection<PersonId> people);
}
