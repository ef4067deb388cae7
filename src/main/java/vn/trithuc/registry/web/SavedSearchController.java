package vn.trithuc.registry.web;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.RegistryCodes;
import vn.trithuc.registry.internal.SavedSearches;
import vn.trithuc.registry.internal.SavedSearches.SavedSearch;
import vn.trithuc.registry.internal.SavedSearches.InvalidSavedSearchException;
import vn.trithuc.registry.internal.SavedSearches.Kind;

/** A user's saved searches: save the current search under a name, list, run (scope applied again), delete. */
@Controller
class SavedSearchController {

	private final SavedSearches saved;
	private final RegistryCodes codes;
	private final MessageSource messages;

	SavedSearchController(SavedSearches saved, RegistryCodes codes, MessageSource messages) {
		this.saved = saved;
		this.codes = codes;
		this.messages = messages;
	}

	/** A saved search and what it looks for, in words. */
	public record Listed(SavedSearch search, String criteria) {
	}

	@GetMapping("/registry/searches")
	String list(Authentication authentication, Locale locale, Model model) {
		model.addAttribute("searches", saved.of(authentication.getName()).stream()
			.map(s -> new Listed(s, criteria(s, locale))).toList());
		return "registry/searches";
	}

	/**
	 * The text and each filter with its value by name, as the search page shows them: "Từ khóa: nguyen; Lĩnh vực:
	 * Khoa học sự sống; Trình độ cao nhất: Thạc sĩ".
	 */
	String criteria(SavedSearch search, Locale locale) {
		var parts = new ArrayList<String>();
		if (!search.query().isBlank()) {
			var label = search.kind() == Kind.EXPERTS ? "registry.saved.expertise" : "registry.saved.keywords";
			parts.add(messages.getMessage(label, null, locale) + ": " + search.query());
		}
		for (var facet : PeopleSearch.FACETS) { // the order of the facets on the search page
			var value = search.filters().get(facet);
			if (value != null && !value.isBlank()) {
				parts.add(messages.getMessage("registry.facet." + facet, null, facet, locale) + ": " + valueName(facet, value, locale));
			}
		}
		return String.join("; ", parts);
	}

	private String valueName(String facet, String value, Locale locale) {
		return switch (facet) {
			case "unit" -> codes.orgUnitName(value);
			case "province", "commune", "hometown" -> adminUnitName(value);
			case "ethnicGroup" -> codes.name("ethnic-groups", value);
			case "field" -> codes.name("fields-of-study", value);
			case "title" -> codes.name("academic-titles", value);
			default -> messages.getMessage("registry." + facet + "." + value, null, value, locale);
		};
	}

	private String adminUnitName(String value) {
		try {
			return codes.adminUnitName(UUID.fromString(value)).orElse(value);
		}
		catch (IllegalArgumentException e) {
			return value;
		}
	}

	@PostMapping("/registry/searches")
	String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "PEOPLE") String kind,
			@RequestParam(defaultValue = "") String q, @RequestParam Map<String, String> params,
			Authentication authentication, RedirectAttributes redirect) {
		var searchKind = "EXPERTS".equals(kind) ? Kind.EXPERTS : Kind.PEOPLE;
		var query = PeopleController.query(q, 0, params);
		var filters = query.filters();
		// back to the search as it was shown (the order asked for too: a saved search keeps only what it looks for)
		var back = (searchKind == Kind.EXPERTS ? "/registry/experts" : "/registry/people")
				+ SearchLinks.suffix(q, filters, query.sort(), -1, false);
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
		return "redirect:" + path + SearchLinks.suffix(search.query(), search.filters(), null, -1, false);
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
