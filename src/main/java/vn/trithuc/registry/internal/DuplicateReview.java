package vn.trithuc.registry.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Officers decide on people routed to duplicate review. */
@Service
@Transactional
public class DuplicateReview {

	private final DuplicateRule rule;
	private final Profiles profiles;

	DuplicateReview(DuplicateRule rule, Profiles profiles) {
		this.rule = rule;
		this.profiles = profiles;
	}

	/**
	 * A different person after all: registers them, with the position and degree of the import row they came from.
	 * @return the new person, empty if the candidate is gone
	 */
	public java.util.Optional<UUID> registerAsNew(UUID candidate, String actor) {
		var open = rule.findOpen(candidate);
		if (open.isEmpty() || !rule.resolve(candidate, "CREATED", actor)) {
			return java.util.Optional.empty();
		}
		var id = profiles.registerAnyway(open.get().proposal(), actor);
		profiles.addImported(id, open.get().unit(), open.get().degree(), actor);
		return java.util.Optional.of(id);
	}

	/** The same person as the matched one: nothing is created. */
	public boolean discard(UUID candidate, String actor) {
		return rule.resolve(candidate, "DISCARDED", actor);
	}
}
