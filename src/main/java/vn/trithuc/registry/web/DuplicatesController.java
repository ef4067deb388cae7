package vn.trithuc.registry.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.registry.internal.DuplicateReview;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.DuplicateRule;

/** The duplicate-review list: people routed here instead of being created twice. */
@Controller
class DuplicatesController {

	private final DuplicateRule rule;
	private final DuplicateReview review;

	private final Profiles profiles;

	DuplicatesController(DuplicateRule rule, DuplicateReview review, Profiles profiles) {
		this.profiles = profiles;
		this.rule = rule;
		this.review = review;
	}

	@GetMapping("/registry/duplicates")
	String list(Authentication authentication, Model model) {
		var caller = Callers.of(authentication);
		model.addAttribute("candidates",
				rule.open().stream().filter(c -> profiles.find(c.matchedPerson(), caller).isPresent()).toList());
		return "registry/duplicates";
	}

	@PostMapping("/registry/duplicates/{id}/register")
	String register(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		reachable(id, authentication);
		var created = review.registerAsNew(id, authentication.getName()).orElseThrow(Exceptions::notFound);
		redirect.addFlashAttribute("success", "registry.created");
		return "redirect:/registry/people/" + created;
	}

	@PostMapping("/registry/duplicates/{id}/discard")
	String discard(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		reachable(id, authentication);
		if (!review.discard(id, authentication.getName())) {
			throw Exceptions.notFound();
		}
		redirect.addFlashAttribute("success", "registry.duplicates.discarded");
		return "redirect:/registry/duplicates";
	}

	/** A candidate is reviewed by whoever reaches the person it matched (an HR officer with a unit scope: theirs). */
	private void reachable(UUID candidate, Authentication authentication) {
		var open = rule.findOpen(candidate).orElseThrow(Exceptions::notFound);
		profiles.find(open.matchedPerson(), Callers.of(authentication)).orElseThrow(Exceptions::notFound);
	}
}
