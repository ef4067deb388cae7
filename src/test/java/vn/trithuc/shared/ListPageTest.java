package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ListPageTest {

	private final List<Integer> rows = IntStream.range(0, 250).boxed().toList();

	@Test
	void a_page_holds_its_rows_and_says_how_many_there_are() {
		var second = ListPage.of(rows, 1, 100);
		assertThat(second.rows()).hasSize(100).startsWith(100).endsWith(199);
		assertThat(second.page()).isEqualTo(1);
		assertThat(second.pages()).isEqualTo(3);
		assertThat(second.total()).isEqualTo(250);
		assertThat(ListPage.of(rows, 2, 100).rows()).hasSize(50).startsWith(200);
	}

	@Test
	void a_page_out_of_range_shows_the_nearest_and_an_empty_list_one_empty_page() {
		assertThat(ListPage.of(rows, -5, 100).page()).isZero();
		var beyond = ListPage.of(rows, 99, 100);
		assertThat(beyond.page()).isEqualTo(2);
		assertThat(beyond.rows()).startsWith(200);
		var empty = ListPage.of(List.<Integer>of(), 3, 100);
		assertThat(empty.rows()).isEmpty();
		assertThat(empty.pages()).isEqualTo(1);
		assertThat(empty.page()).isZero();
	}
}
