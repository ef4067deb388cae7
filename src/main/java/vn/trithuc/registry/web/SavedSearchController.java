package vn.trithuc.registry.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.registry.internal.SavedSearches;
import vn.trithuc.registry.internal.SavedSearches.InvalidSavedSearchException;
import vn.trithuc.registry.internal.SavedSearches.Kind;

/** A user's saved searches: save the current search under a name, list, run (scope applied again), delete. */
@Controller
class SavedSearchController {

	private final SavedSearches saved;

	SavedSearchController(SavedSearches saved) {
		this.saved = saved;
	}

	@GetMapping("/registry/searches")
	String list(Authentication authentication, Model model) {
		model.addAttribute("searches", saved.of(authentication.getName()));
		return "registry/searches";
	}

	@PostMapping("/registry/searches")
	String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "PEOPLE") String kind,
			@RequestParam(defaultValue = "") String q, @RequestParam Map<String, String> params,
			Authentication authentication, RedirectAttributes redirect) {
		var searchKind = "EXPERTS".equals(kind) ? Kind.EXPERTS : Kind.PEOPLE;
		var filters = PeopleController.query(q, 0, params).filters();
		var back = (searchKind == Kind.EXPERTS ? "/registry/experts" : "/registry/people")
				+ SearchLinks.suffix(q, filters, -1, false);
		try {
			saved.save(authentication.getName(), name, searchKind, q, filters);
			redirect.addFlashAttribute("success", "registry.saved.done");
		}
		catch (InvalidSavedSearchException e) {
			redirect.addFlashAttribute("savedError", e.messageKey());
		}
		return "redirect:" + back;
	}

	@GetMapping("/registry/searches/{id}")
	String run(@PathVariable UUID id, Authentication authentication) {
		var search = saved.find(id, authentication.getName()).orElseThrow(Exceptions::notFound);
		var path = search.kind() == Kind.EXPERTS ? "/registry/experts" : "/registry/people";
		return "redirect:" + path + SearchLinks.suffix(search.query(), search.filters(), -1, false);
	}

	@PostMapping("/registry/searches/{id}/delete")
	String delete(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		if (!saved.delete(id, authentication.getName())) {
			throw Exceptions.notFound();
		}
		redirect.addFlashAttribute("success", "registry.saved.deleted");
		return "redirect:/registry/searches";
	}
}
