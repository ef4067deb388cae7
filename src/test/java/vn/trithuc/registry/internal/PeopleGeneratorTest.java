package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PeopleGeneratorTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	private List<PeopleGenerator.Generated> generate(long seed, int n) {
		var generator = new PeopleGenerator(seed, List.of(), TODAY);
		return IntStream.range(0, n).mapToObj(i -> generator.next()).toList();
	}

	@Test
	void the_same_seed_gives_the_same_people() {
		assertThat(generate(45, 200)).isEqualTo(generate(45, 200));
		assertThat(generate(45, 50)).isNotEqualTo(generate(46, 50));
	}

	@Test
	void people_look_like_the_central_highlands_workforce() {
		var people = generate(45, 20_000);
		var kinh = people.stream().filter(p -> "01".equals(p.data().ethnicGroup())).count();
		assertThat(kinh).isBetween(14_000L, 16_400L);
		assertThat(people).filteredOn(p -> "15".equals(p.data().ethnicGroup())).isNotEmpty()
			.allSatisfy(p -> assertThat(p.data().givenName().startsWith("K'") || p.data().middleName().equals("Ka")).isTrue());
		assertThat(people).extracting(p -> p.data().ethnicGroup()).contains("28", "34", "20");
		var nguyen = people.stream().filter(p -> p.data().familyName().equals("Nguyễn")).count();
		assertThat(nguyen * 100 / kinh).isBetween(30L, 46L);
		assertThat(people).allSatisfy(p -> {
			int age = TODAY.getYear() - p.data().birthYear();
			assertThat(age).isBetween(23, 64);
			assertThat(p.parts()).anyMatch(part -> part.kind() == PartKind.DEGREE);
			assertThat(p.parts()).anyMatch(part -> part.kind() == PartKind.POSITION);
		});
		var party = people.stream().filter(PeopleGenerator.Generated::partyMember).count();
		assertThat(party).isBetween(5_000L, 8_000L);
		assertThat(people.stream().filter(p -> p.highestDegree().equals("TIEN_SI")).count()).isBetween(600L, 1_500L);
	}

	@Test
	void national_ids_are_unique_well_formed_and_agree_with_birth_year_and_sex() {
		var policy = new NationalIdPolicy();
		var ids = new HashSet<String>();
		var people = generate(7, 20_000);
		people.stream().filter(p -> p.data().nationalId() != null).forEach(p -> {
			var result = policy.check(p.data().nationalId(), p.data().birthYear(), p.data().sex());
			assertThat(result.valid()).isTrue();
			assertThat(result.warnings()).isEmpty();
			assertThat(ids.add(p.data().nationalId())).isTrue();
		});
		assertThat(ids.size()).isBetween(16_000, 18_000);
		assertThat(people.stream().map(PeopleGenerator.Generated::id).filter(Objects::nonNull).distinct().count())
			.isEqualTo(20_000);
	}
}
