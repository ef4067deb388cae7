package vn.trithuc.registry.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.trithuc.registry.internal.PeopleSearch;

/**
 * Links of a search page that keep the query and the selected facets: a facet value toggles (selects it, or removes
 * it when selected), pages move, exports and saving carry the same search. Templates call the methods.
 */
public final class SearchLinks {

	private final String path;
	private final String q;
	private final Map<String, String> filters;
	private final boolean experts;

	SearchLinks(String path, String q, Map<String, String> filters) {
		this(path, q, filters, false);
	}

	/** @param experts an expert-finder search: every link carries mode=experts (exports, saving) */
	SearchLinks(String path, String q, Map<String, String> filters, boolean experts) {
		this.experts = experts;
		this.path = path;
		this.q = q;
		this.filters = new LinkedHashMap<>();
		for (var facet : PeopleSearch.FACETS) { // a stable order, so equal searches have equal links
			var value = filters.get(facet);
			if (value != null && !value.isBlank()) {
				this.filters.put(facet, value);
			}
		}
	}

	public boolean selected(String facet, String value) {
		return value.equals(filters.get(facet));
	}

	/** The search with {@code facet} set to {@code value}, or without it when that value is selected. */
	public String toggle(String facet, String value) {
		var next = new LinkedHashMap<>(filters);
		if (value.equals(next.get(facet))) {
			next.remove(facet);
		}
		else {
			next.put(facet, value);
		}
		if (facet.equals("province")) {
			next.remove("commune");
		}
		return path + suffix(q, next, -1, experts);
	}

	public String clear() {
		return path + suffix(q, Map.of(), -1, experts);
	}

	public String page(int page) {
		return path + suffix(q, filters, page, experts);
	}

	/** The query string of this search, without a page ("q=...&sex=MALE"). */
	public String query() {
		var s = suffix(q, filters, -1, experts);
		return s.isEmpty() ? "" : s.substring(1);
	}

	public Map<String, String> filters() {
		return filters;
	}

	public String q() {
		return q;
	}

	public boolean experts() {
		return experts;
	}

	static String suffix(String q, Map<String, String> filters, int page, boolean experts) {
		var parts = new ArrayList<String>();
		if (experts) {
			parts.add("mode=experts");
		}
		if (q != null && !q.isBlank()) {
			parts.add("q=" + encode(q));
		}
		filters.forEach((k, v) -> parts.add(k + "=" + encode(v)));
		if (page >= 0) {
			parts.add("page=" + page);
		}
		return parts.isEmpty() ? "" : "?" + String.join("&", parts);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
