package vn.trithuc.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Numbered page links: which numbers, and addresses that keep every other parameter as the browser sent it. */
class PagingTest {

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void the_first_the_last_and_the_current_page_with_its_neighbours_and_a_gap_only_for_two_pages_or_more() {
		// pages from 0; -1 a gap (…): 1 2 3 … 40, 1 … 17 18 19 … 40, 1 … 38 39 40
		assertThat(Paging.numbers(0, 40)).containsExactly(0, 1, 2, -1, 39);
		assertThat(Paging.numbers(17, 40)).containsExactly(0, -1, 16, 17, 18, -1, 39);
		assertThat(Paging.numbers(39, 40)).containsExactly(0, -1, 37, 38, 39);
		// one page left out is shown, not hidden behind a gap
		assertThat(Paging.numbers(3, 40)).containsExactly(0, 1, 2, 3, 4, -1, 39);
		assertThat(Paging.numbers(36, 40)).containsExactly(0, -1, 35, 36, 37, 38, 39);
		assertThat(Paging.numbers(0, 1)).containsExactly(0);
		assertThat(Paging.numbers(1, 2)).containsExactly(0, 1);
		assertThat(Paging.numbers(2, 5)).containsExactly(0, 1, 2, 3, 4);
		assertThat(Paging.numbers(0, 0)).containsExactly(0);
	}

	@Test
	void a_link_is_the_address_shown_with_another_page() {
		var request = new MockHttpServletRequest("GET", "/registry/people");
		request.setQueryString("q=Nguy%E1%BB%85n+Th%E1%BB%8B&sex=FEMALE&page=5&sort=birth,desc");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

		var links = new Paging().links(5, 40);
		// the page parameter goes last
		assertThat(links.previous()).isEqualTo("/registry/people?q=Nguy%E1%BB%85n+Th%E1%BB%8B&sex=FEMALE&sort=birth,desc&page=4");
		assertThat(links.next()).isEqualTo("/registry/people?q=Nguy%E1%BB%85n+Th%E1%BB%8B&sex=FEMALE&sort=birth,desc&page=6");
		assertThat(links.numbers()).extracting(Paging.PageNumber::page).containsExactly(0, -1, 4, 5, 6, -1, 39);
		// the first page has no page parameter; a gap no address
		assertThat(links.numbers().get(0).href()).isEqualTo("/registry/people?q=Nguy%E1%BB%85n+Th%E1%BB%8B&sex=FEMALE&sort=birth,desc");
		assertThat(links.numbers().get(1).gap()).isTrue();
		assertThat(links.numbers().get(6).href()).endsWith("&sort=birth,desc&page=39");

		// a list without parameters; its first page has no page before it, its last none after it
		var plain = new MockHttpServletRequest("GET", "/registry/import/7a1e");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(plain));
		var first = new Paging().links(0, 3);
		assertThat(first.previous()).isNull();
		assertThat(first.next()).isEqualTo("/registry/import/7a1e?page=1");
		assertThat(first.numbers()).extracting(Paging.PageNumber::href)
			.isEqualTo(List.of("/registry/import/7a1e", "/registry/import/7a1e?page=1", "/registry/import/7a1e?page=2"));
		assertThat(new Paging().links(2, 3).next()).isNull();
	}
}
