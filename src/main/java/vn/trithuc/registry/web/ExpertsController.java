package vn.trithuc.registry.web;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.ProfileVisibility;

/**
 * The expert finder (Tìm chuyên gia): a Vietnamese query ("trồng cà phê", "năng lượng sạch") over the fields of
 * study, expertise keywords and S&T works of the people in the caller's scope, best match first (field &gt; keyword
 * &gt; work title), with the same facets, exports and saved searches as the people search. Page and JSON API.
 */
@Controller
class ExpertsController {

	private final PeopleSearch search;
	private final ProfileVisibility visibility;

	ExpertsController(PeopleSearch search, ProfileVisibility visibility) {
		this.search = search;
		this.visibility = visibility;
	}

	@GetMapping("/registry/experts")
	String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam Map<String, String> params, Authentication authentication, Model model) {
		var caller = Callers.of(authentication);
		var query = query(q, page, PeopleController.PAGE_SIZE, params);
		model.addAttribute("q", q);
		model.addAttribute("filters", query.filters());
		var result = q.isBlank() ? null : search.search(query, caller);
		var links = new SearchLinks("/registry/experts", q, query);
		if (result != null && result.page() > 0 && result.page() >= result.pages()) {
			// a page past the end: the last page instead
			return "redirect:" + links.page(result.pages() - 1);
		}
		model.addAttribute("result", result);
		model.addAttribute("links", links);
		model.addAttribute("exportColumns", ExportController.columns(visibility.seesPartyMembership(caller, false)));
		model.addAttribute("exportsFullIds", visibility.seesNationalId(caller, false));
		model.addAttribute("defaultColumns", ExportController.DEFAULT_COLUMNS);
		return "registry/experts";
	}

	@GetMapping("/api/v1/registry/experts")
	@ResponseBody
	PeopleSearch.Result api(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam Map<String, String> params,
			Authentication authentication) {
		return search.search(query(q, page, size, params), Callers.of(authentication));
	}

	private static PeopleSearch.Query query(String q, int page, int size, Map<String, String> params) {
		var filters = PeopleController.query(q, page, params).filters();
		return new PeopleSearch.Query(q, filters, page, size, true);
	}
}
