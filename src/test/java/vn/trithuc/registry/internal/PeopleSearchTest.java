package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.hr;
import static vn.trithuc.registry.internal.RegistryFixtures.nationalId;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.withNationalId;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.Sex;

/** Search folding cases of issue 6, typo tolerance, exact national ID, Vietnamese order, facets. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleSearchTest {

	@Autowired
	Profiles profiles;
	@Autowired
	PeopleSearch search;

	/** a distinct family-like token keeps this class's people apart from other tests' */
	private final String tag = RegistryFixtures.uniqueToken("Tim");
	private UUID vanHoa;
	private UUID thiHoa;
	private UUID dang;
	private String vanHoaId;

	@BeforeAll
	void people() {
		vanHoaId = nationalId(1980, Sex.MALE);
		vanHoa = create(withNationalId(person("Nguyễn", "Văn " + tag, "Hoà", Sex.MALE, LocalDate.of(1980, 3, 4)), vanHoaId));
		thiHoa = create(person("Nguyễn", "Thị " + tag, "Hoa", Sex.FEMALE, LocalDate.of(1992, 5, 6)));
		dang = create(person("Đặng", "Quốc " + tag, "Bình", Sex.MALE, LocalDate.of(1960, 1, 1)));
	}

	private UUID create(PersonData data) {
		return ((Profiles.Created) profiles.register(data, "test")).id();
	}

	private List<UUID> find(String text) {
		return search.search(new PeopleSearch.Query(text + " " + tag, Map.of(), 0, 50), hr()).rows().stream()
			.map(PeopleSearch.Row::id).toList();
	}

	@Test
	void without_diacritics_with_either_tone_placement_and_in_nfd_the_same_person_is_found() {
		assertThat(find("nguyen van hoa")).containsExactly(vanHoa);
		assertThat(find("Nguyễn Văn Hoà")).containsExactly(vanHoa);
		assertThat(find("Nguyễn Văn Hòa")).containsExactly(vanHoa);
		assertThat(find(Normalizer.normalize("Nguyễn Văn Hoà", Normalizer.Form.NFD))).containsExactly(vanHoa);
		assertThat(find("NGUYỄN VĂN HOÀ")).containsExactly(vanHoa);
	}

	@Test
	void tokens_match_in_any_position_not_as_a_substring() {
		assertThat(find("nguyen hoa")).containsExactlyInAnyOrder(vanHoa, thiHoa);
		assertThat(find("hoa nguyen thi")).containsExactly(thiHoa);
		assertThat(find("nguy")).isEmpty();
	}

	@Test
	void dj_matches_d() {
		assertThat(find("dang binh")).containsExactly(dang);
		assertThat(find("Đặng")).containsExactly(dang);
	}

	@Test
	void a_token_of_four_letters_or_more_tolerates_one_typo() {
		assertThat(find("nguyem van hoa")).containsExactly(vanHoa);
		assertThat(find("ngyuen thi hoa")).isEmpty(); // two edits (a swap) is too far
		assertThat(find("nguyenn thi hoa")).containsExactly(thiHoa);
		assertThat(find("dang binh")).containsExactly(dang);
		assertThat(find("dang bihn")).isEmpty();
		assertThat(find("dang bin")).isEmpty(); // "bin" is short: exact only
	}

	@Test
	void short_tokens_match_exactly_after_folding() {
		assertThat(find("nguyen van ho")).isEmpty();
		assertThat(find("nguyen van hoi")).isEmpty();
		assertThat(find("nguyen vn hoa")).isEmpty();
	}

	@Test
	void twelve_digits_search_the_national_id_exactly() {
		var rows = search.search(new PeopleSearch.Query(vanHoaId, Map.of(), 0, 20), hr()).rows();
		assertThat(rows).extracting(PeopleSearch.Row::id).containsExactly(vanHoa);
		var other = vanHoaId.substring(0, 11) + (vanHoaId.charAt(11) == '9' ? '8' : '9');
		assertThat(search.search(new PeopleSearch.Query(other, Map.of(), 0, 20), hr()).rows()).isEmpty();
	}

	@Test
	void results_sort_in_vietnamese_order_by_given_middle_and_family_name() {
		var sortTag = RegistryFixtures.uniqueToken("Xep");
		int day = 1;
		for (var given : List.of("Đào", "Ân", "Bình", "Ánh", "Dũng", "Anh", "Ăn")) {
			// "Ân"/"Ăn" and "Anh"/"Ánh" fold alike: different birth dates keep them from duplicate review
			create(person("Lê", sortTag, given, Sex.FEMALE, LocalDate.of(1990, 1, day++)));
		}
		create(person("Trần", sortTag, "Anh", Sex.MALE, LocalDate.of(1991, 1, 1)));
		create(person("Bùi", sortTag, "Anh", Sex.MALE, LocalDate.of(1991, 1, 1)));
		var rows = search.search(new PeopleSearch.Query(sortTag, Map.of(), 0, 50), hr()).rows();
		assertThat(rows).extracting(PeopleSearch.Row::fullName).containsExactly(
				"Bùi " + sortTag + " Anh", "Lê " + sortTag + " Anh", "Trần " + sortTag + " Anh", "Lê " + sortTag + " Ánh",
				"Lê " + sortTag + " Ăn", "Lê " + sortTag + " Ân", "Lê " + sortTag + " Bình", "Lê " + sortTag + " Dũng",
				"Lê " + sortTag + " Đào");
	}

	@Test
	void facets_count_the_matching_people_and_filter() {
		var result = search.search(new PeopleSearch.Query(tag, Map.of(), 0, 20), hr());
		assertThat(result.total()).isEqualTo(3);
		assertThat(result.facets().get("sex")).containsExactlyInAnyOrder(new PeopleSearch.FacetValue("MALE", 2),
				new PeopleSearch.FacetValue("FEMALE", 1));
		assertThat(result.facets().get("age")).extracting(PeopleSearch.FacetValue::value)
			.containsExactly("30_40", "41_50", "OVER_60");
		var women = search.search(new PeopleSearch.Query(tag, Map.of("sex", "FEMALE"), 0, 20), hr());
		assertThat(women.rows()).extracting(PeopleSearch.Row::id).containsExactly(thiHoa);
		var old = search.search(new PeopleSearch.Query(tag, Map.of("age", "OVER_60"), 0, 20), hr());
		assertThat(old.rows()).extracting(PeopleSearch.Row::id).containsExactly(dang);
	}

	@Test
	void pages_are_cut_on_the_server() {
		var page = search.search(new PeopleSearch.Query(tag, Map.of(), 1, 2), hr());
		assertThat(page.total()).isEqualTo(3);
		assertThat(page.rows()).hasSize(1);
		assertThat(page.pages()).isEqualTo(2);
	}
}
