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

	/**
	 * The timelines of the given people only, one person at a time, read set-based in batches (people unknown or
	 * merged are skipped). For keeping copies current after a bulk load without reading everybody.
	 */
	default void forEachTimeline(Collection<PersonId> people, Consumer<List<PersonFacts>> consumer) {
		people.stream().distinct().map(this::timeline).forEach(consumer);
	}

	/** Every person in the registry (merged records excluded). */
	List<PersonId> people();

	/** What the given people hold on {@code date} (title standards of job positions); merged or unknown people are left out. */
	Map<PersonId, Qualifications> qualifications(Collection<PersonId> people, LocalDate date);

	/** Display names of the given people that exist. */
	Map<PersonId, String> displayNames(Collection<PersonId> people);

	/**
	 * Intellectuals on {@code date} counted by the org unit of their position then (people without a position are
	 * left out): all of them, doctorates (a doctor's or doctor of science degree), and the young (aged at most
	 * {@code youngAge} that day). For indicators that other modules compute instead of asking units to type them.
	 */
	default Map<java.util.UUID, UnitCounts> countsByOrgUnit(LocalDate date, int youngAge) {
		var counts = new java.util.HashMap<java.util.UUID, UnitCounts>();
		forEachTimeline(timeline -> timeline.stream().filter(f -> f.validOn(date) && f.orgUnit() != null).findFirst()
			.ifPresent(f -> {
				var age = f.ageOn(date);
				boolean doctorate = "TIEN_SI".equals(f.degree()) || "TIEN_SI_KHOA_HOC".equals(f.degree());
				counts.merge(f.orgUnit(), new UnitCounts(1, doctorate ? 1 : 0, age != null && age <= youngAge ? 1 : 0),
						UnitCounts::plus);
			}));
		return counts;
	}

	/** Intellectuals, doctorates and young intellectuals of a unit (or several added up). */
	record UnitCounts(int intellectuals, int doctorates, int young) {

		public static final UnitCounts NONE = new UnitCounts(0, 0, 0);

		public UnitCounts plus(UnitCounts other) {
			return new UnitCounts(intellectuals + other.intellectuals, doctorates + other.doctorates, young + other.young);
		}
	}
}
