package vn.trithuc.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trithuc.catalog.internal.PrimarySuccessorPolicy.Candidate;

class PrimarySuccessorPolicyTest {

	@Test
	void the_only_successor_is_primary() {
		assertThat(PrimarySuccessorPolicy.choose("24877", "Xã Rô Men", List.of(new Candidate("24877", "Xã Đam Rông 2"))))
			.isZero();
	}

	@Test
	void a_split_unit_prefers_the_successor_that_kept_its_code() {
		var successors = List.of(new Candidate("00160", "Phường Nghĩa Đô"), new Candidate("00166", "Phường Cầu Giấy"));
		assertThat(PrimarySuccessorPolicy.choose("00166", "Phường Dịch Vọng", successors)).isEqualTo(1);
	}

	@Test
	void without_the_code_the_same_name_wins_ignoring_tone_placement() {
		var successors = List.of(new Candidate("00160", "Phường Nghĩa Đô"), new Candidate("00175", "Phường Yên Hòa"));
		assertThat(PrimarySuccessorPolicy.choose("00172", "Phường Yên Hoà", successors)).isEqualTo(1);
	}

	@Test
	void otherwise_the_lowest_code_wins() {
		var successors = List.of(new Candidate("26188", "Phường Tân Triều"), new Candidate("26041", "Phường Trấn Biên"));
		assertThat(PrimarySuccessorPolicy.choose("25996", "Phường Tân Phong", successors)).isEqualTo(1);
	}

	@Test
	void no_successor_is_a_programming_error() {
		assertThatThrownBy(() -> PrimarySuccessorPolicy.choose("1", "x", List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
