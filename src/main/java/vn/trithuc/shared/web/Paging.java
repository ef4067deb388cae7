package vn.trithuc.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page links of a server-side paged list ({@code layout :: paging}): which page numbers to offer, and the address
 * of a page — the address of the page shown with its {@code page} parameter replaced, so a link keeps every other
 * parameter (search, filters, order). The fragment reads them as {@code ${@paging.links(page, pages)}}.
 */
@Component("paging")
public class Paging {

	/**
	 * The links of one page of a list.
	 *
	 * @param previous the address of the page before (null on the first)
	 * @param numbers the pages to link to by number, in order
	 * @param next the address of the page after (null on the last)
	 */
	public record Links(@Nullable String previous, List<PageNumber> numbers, @Nullable String next) {
	}

	/** A page number offered (from 0) and its address; where pages are left out (…), a gap: page -1, no address. */
	public record PageNumber(int page, @Nullable String href) {

		public boolean gap() {
			return href == null;
		}
	}

	/** The links of {@code page} of {@code pages} (from 0), to the address shown with another page. */
	public Links links(int page, int pages) {
		var numbers = numbers(page, pages).stream()
			.map(n -> n < 0 ? new PageNumber(n, null) : new PageNumber(n, link(n))).toList();
		return new Links(page > 0 ? link(page - 1) : null, numbers, page + 1 < pages ? link(page + 1) : null);
	}

	/**
	 * The pages (from 0) to link to from {@code page} of {@code pages}: the first, the last, the current one and its
	 * neighbours (three in a row at either end), -1 where pages are left out — never a single page, which is shown
	 * instead: 1 2 3 … 40, 1 … 17 18 19 … 40, 1 … 38 39 40.
	 */
	static List<Integer> numbers(int page, int pages) {
		pages = Math.max(1, pages);
		var shown = new TreeSet<Integer>();
		int from = Math.max(0, Math.min(page - 1, pages - 3));
		for (int p = from; p <= Math.min(pages - 1, from + 2); p++) {
			shown.add(p);
		}
		shown.add(0);
		shown.add(pages - 1);
		var out = new ArrayList<Integer>();
		int last = -1;
		for (int p : shown) {
			if (p == last + 2) {
				out.add(last + 1);
			}
			else if (p > last + 2) {
				out.add(-1);
			}
			out.add(p);
			last = p;
		}
		return out;
	}

	/** The address of the page shown with {@code page} instead of its page (no page parameter for the first). */
	private static String link(int page) {
		var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		// the query as the browser sent it (already encoded): only the page parameter is replaced
		var uri = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
		return (page == 0 ? uri.replaceQueryParam("page") : uri.replaceQueryParam("page", page)).build().toUriString();
	}
}
