package vn.trithuc.shared;

import java.util.Set;

/**
 * An entry of the left navigation and of the home page, contributed by a module as a bean. Shown to a user
 * who holds one of {@code authorities} (e.g. {@code ROLE_SYSTEM_ADMINISTRATOR}).
 *
 * @param labelKey message key of the label
 * @param descriptionKey message key of the one-line description on the home page
 * @param path the page it leads to
 * @param order position in the navigation
 */
public record NavigationItem(String labelKey, String descriptionKey, String path, int order, Set<String> authorities) {

	public NavigationItem {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("navigation path must be absolute: " + path);
		}
		authorities = Set.copyOf(authorities);
	}

	public boolean visibleTo(java.util.Collection<String> granted) {
		return granted.stream().anyMatch(authorities::contains);
	}
}
