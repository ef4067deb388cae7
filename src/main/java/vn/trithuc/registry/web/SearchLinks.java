package vn.trithuc.registry.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.PeopleSearch.Sort;

/**
 * Links of a search page that keep the query, the selected facets and the order asked for: a facet value toggles
 * (selects it, or removes it when selected), a column header sorts by it (again: reversed), exports and saving carry
 * the same search. Templates call the methods.
 */
public final class SearchLinks {

	private final String path;
	private final String q;
	private final Map<String, String> filters;
	private final boolean experts;
	private final @Nullable Sort sort;

	/** @param query the search shown; an expert-finder search makes every link carry mode=experts (exports, saving) */
	SearchLinks(String path, String q, PeopleSearch.Query query) {
		this.experts = query.experts();
		this.path = path;
		this.q = q;
		this.sort = query.sort();
		this.filters = new LinkedHashMap<>();
		for (var facet : PeopleSearch.FACETS) { // a stable order, so equal searches have equal links
			var value = query.filters().get(facet);
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
		return path + suffix(q, next, sort, -1, experts);
	}

	public String clear() {
		return path + suffix(q, Map.of(), sort, -1, experts);
	}

	public String page(int page) {
		return path + suffix(q, filters, sort, page, experts);
	}

	/** The order the list is in: the one asked for, else by name when nothing is searched (null: best match first). */
	private @Nullable Sort shown() {
		return sort != null || experts || !q.isBlank() ? sort : new Sort(Sort.Key.NAME, false);
	}

	/** The first page sorted by {@code key} ("name", "birth", "unit"): ascending, or reversed when already sorted by it. */
	public String sortBy(String key) {
		var by = Sort.Key.valueOf(key.toUpperCase(Locale.ROOT));
		var shown = shown();
		return path + suffix(q, filters, new Sort(by, shown != null && shown.key() == by && !shown.descending()), -1, experts);
	}

	/** "ascending" or "descending" when the list is sorted by {@code key} (a header's {@code aria-sort}), else null. */
	public @Nullable String ariaSort(String key) {
		var shown = shown();
		return shown == null || !shown.key().name().equalsIgnoreCase(key) ? null
				: shown.descending() ? "descending" : "ascending";
	}

	/** The sort asked for as a parameter value ("birth,desc"), null when none: for the forms that carry the search. */
	public @Nullable String sort() {
		return sort == null ? null : sort.parameter();
	}

	public Map<String, String> filters() {
		return filters;
	}

	public boolean experts() {
		return experts;
	}

	static String suffix(String q, Map<String, String> filters, @Nullable Sort sort, int page, boolean experts) {
		var parts = new ArrayList<String>();
		if (experts) {
			parts.add("mode=experts");
		}
		if (q != null && !q.isBlank()) {
			parts.add("q=" + encode(q));
		}
		filters.forEach((k, v) -> parts.add(k + "=" + encode(v)));
		if (sort != null) {
			parts.add("sort=" + sort.parameter());
		}
		if (page >= 0) {
			parts.add("page=" + page);
		}
		return parts.isEmpty() ? "" : "?" + String.join("&", parts);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
