package vn.trithuc.shared;

import java.util.List;

/**
 * One page of a list held in memory, for a page that shows a long list in parts ({@code layout :: paging}): a page
 * number out of range shows the nearest page.
 * @param rows the rows of the page
 * @param page the page shown, from 0
 * @param pages the number of pages (at least 1)
 * @param total the rows of every page
 */
public record ListPage<T>(List<T> rows, int page, int pages, int total) {

	public static <T> ListPage<T> of(List<T> all, int requested, int size) {
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int page = Math.min(Math.max(0, requested), pages - 1);
		return new ListPage<>(all.subList(page * size, Math.min(all.size(), (page + 1) * size)), page, pages, all.size());
	}
}
