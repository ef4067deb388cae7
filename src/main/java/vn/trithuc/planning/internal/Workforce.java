package vn.trithuc.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import vn.trithuc.registry.PersonFacts;
import vn.trithuc.registry.RegistryFacts;

/** The intellectual workforce as planning sees it, read through the registry's public API. */
@Component
public class Workforce {

	private final RegistryFacts registry;

	Workforce(RegistryFacts registry) {
		this.registry = registry;
	}

	/** The people who count as intellectuals on {@code date} and whose unit then lies in {@code scope}. */
	public List<PersonFacts> asOf(LocalDate date, Scope scope) {
		var people = new ArrayList<PersonFacts>();
		registry.forEachTimeline(timeline -> timeline.stream()
			.filter(f -> f.validOn(date) && scope.includes(f.orgUnit()))
			.findFirst()
			.ifPresent(people::add));
		return people;
	}

	/** Every person's timeline (for flows over the years). */
	public void forEachTimeline(Consumer<List<PersonFacts>> consumer) {
		registry.forEachTimeline(consumer);
	}
}
