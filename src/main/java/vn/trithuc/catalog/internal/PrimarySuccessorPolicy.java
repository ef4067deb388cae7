package vn.trithuc.catalog.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import vn.trithuc.shared.VietnameseText;

/**
 * Which successor of a split unit is the one to choose when a single answer is needed (e.g. to move a
 * person's hometown forward): the only successor; else the one that kept the old code (Phường Dịch Vọng 00166
 * → Phường Cầu Giấy 00166); else the one with the same name; else the lowest code.
 */
final class PrimarySuccessorPolicy {

	record Candidate(String code, String name) {
	}

	private PrimarySuccessorPolicy() {
	}

	static int choose(String oldCode, String oldName, List<Candidate> successors) {
		if (successors.isEmpty()) {
			throw new IllegalArgumentException("no successors");
		}
		if (successors.size() == 1) {
			return 0;
		}
		for (int i = 0; i < successors.size(); i++) {
			if (Objects.equals(successors.get(i).code(), oldCode)) {
				return i;
			}
		}
		var folded = VietnameseText.fold(oldName);
		for (int i = 0; i < successors.size(); i++) {
			if (VietnameseText.fold(successors.get(i).name()).equals(folded)) {
				return i;
			}
		}
		var lowest = successors.stream().map(Candidate::code).filter(Objects::nonNull)
			.min(Comparator.naturalOrder()).orElse(null);
		for (int i = 0; i < successors.size(); i++) {
			if (Objects.equals(successors.get(i).code(), lowest)) {
				return i;
			}
		}
		return 0;
	}
}
