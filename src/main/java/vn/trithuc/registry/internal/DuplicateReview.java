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

	/**
	 * The same person as the matched one: nothing is created; what the proposal knows that the profile lacks (a phone,
	 * an e-mail, an ethnic group …) is added to it. @return false if the candidate is gone
	 */
	public boolean discard(UUID candidate, String actor) {
		var open = rule.findOpen(candidate);
		if (open.isEmpty() || !rule.resolve(candidate, "DISCARDED", actor)) {
			return false;
		}
		profiles.complete(open.get().matchedPerson(), open.get().proposal(), actor);
		return true;
	}
}
