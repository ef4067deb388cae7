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
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PeopleSearch.Sort;

/** Search folding cases of issue 6, typo tolerance, exact national ID, Vietnamese order, facets. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleSearchTest {

	@Autowired
	Profiles profiles;
	@Autowired
	PeopleSearch search;
	@Autowired
	SearchIndex index;
	@Autowired
	OrgUnitOperations operations;

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

	/**
	 * "huong" also finds Cường and Phương (one typo): the people named Hương come first in name order, then those
	 * matched through a typo in name order — though "Cường" sorts before "Hương" — in the index and in SQL alike, with
	 * pages cut across the two parts, the same total and the same order in export.
	 */
	@Test
	void exact_matches_come_first_then_the_typo_matches_each_in_name_order() throws InterruptedException {
		var t = RegistryFixtures.uniqueToken("Huo");
		create(person("Lê", "Văn " + t, "Cường", Sex.MALE, LocalDate.of(1970, 2, 1)));
		create(person("Trần", "Thị " + t, "Phương", Sex.FEMALE, LocalDate.of(1971, 3, 2)));
		create(person("Bùi", "Thu " + t, "Hương", Sex.FEMALE, LocalDate.of(1972, 4, 3)));
		create(person("Vũ", "Hương " + t, "Anh", Sex.FEMALE, LocalDate.of(1973, 5, 4)));
		create(person("Đỗ", "Thị " + t, "Hương", Sex.FEMALE, LocalDate.of(1974, 6, 5)));
		create(person("Phạm", "Thị " + t, "Thanh", Sex.FEMALE, LocalDate.of(1975, 7, 6)));
		create(person("Ngô", "Hương " + t, "Thang", Sex.FEMALE, LocalDate.of(1976, 8, 7)));
		create(person("Hà", "Phương " + t, "Thanh", Sex.FEMALE, LocalDate.of(1977, 9, 8)));
		create(person("Mai", "Hương " + t, "Thanh", Sex.FEMALE, LocalDate.of(1978, 10, 9)));
		assertThat(index.awaitReady(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

		var hương = List.of("Vũ Hương " + t + " Anh", "Đỗ Thị " + t + " Hương", "Bùi Thu " + t + " Hương",
				"Ngô Hương " + t + " Thang", "Mai Hương " + t + " Thanh", "Lê Văn " + t + " Cường",
				"Trần Thị " + t + " Phương", "Hà Phương " + t + " Thanh");
		for (var text : List.of("huong " + t, "Hương " + t, Normalizer.normalize("HƯƠNG " + t, Normalizer.Form.NFD))) {
			assertThat(names(text, 0, 50)).as(text).containsExactlyElementsOf(hương);
			assertThat(search.search(new PeopleSearch.Query(text, Map.of(), 1, 3), hr()).total()).as("every match counts")
				.isEqualTo(8);
			assertThat(names(text, 1, 3)).as(text).containsExactlyElementsOf(hương.subList(3, 6));
			assertThat(names(text, 2, 3)).as(text).containsExactlyElementsOf(hương.subList(6, 8));
		}
		// one token exact, the other typo'd: Hương Thanh first, then Hương Thang, Phương Thanh; "Thanh" alone, without
		// Hương or a token one typo away, is not found
		var thanh = List.of("Mai Hương " + t + " Thanh", "Ngô Hương " + t + " Thang", "Hà Phương " + t + " Thanh");
		assertThat(names("huong thanh " + t, 0, 50)).containsExactlyElementsOf(thanh);
		assertThat(names("thanh huong " + t, 0, 1)).containsExactlyElementsOf(thanh.subList(0, 1));
		assertThat(names("thanh huong " + t, 1, 1)).containsExactlyElementsOf(thanh.subList(1, 2));
		// an order asked for replaces the exact matches first: by name, Cường before Hương
		assertThat(names("huong " + t, new Sort(Sort.Key.NAME, false), 0, 50)).containsExactly("Vũ Hương " + t + " Anh",
				"Lê Văn " + t + " Cường", "Đỗ Thị " + t + " Hương", "Bùi Thu " + t + " Hương", "Trần Thị " + t + " Phương",
				"Ngô Hương " + t + " Thang", "Mai Hương " + t + " Thanh", "Hà Phương " + t + " Thanh");
		// typo matches only: the name order as before
		assertThat(names("huongg " + t, 0, 50)).containsExactly("Vũ Hương " + t + " Anh", "Đỗ Thị " + t + " Hương",
				"Bùi Thu " + t + " Hương", "Ngô Hương " + t + " Thang", "Mai Hương " + t + " Thanh");

		var exported = new java.util.ArrayList<String>();
		search.each(new PeopleSearch.Query("huong " + t, Map.of(), 0, 20), hr(), r -> exported.add(r.fullName()));
		assertThat(exported).containsExactlyElementsOf(hương);
		// the export in SQL (while the index is not loaded)
		index.unload();
		try {
			var inSql = new java.util.ArrayList<String>();
			search.each(new PeopleSearch.Query("huong " + t, Map.of(), 0, 20), hr(), r -> inSql.add(r.fullName()));
			assertThat(inSql).containsExactlyElementsOf(hương);
		}
		finally {
			index.reload();
		}
	}

	private List<String> names(String text, int page, int size) {
		return names(text, null, page, size);
	}

	/** The full names of a page, the same in the index, in SQL and through {@link PeopleSearch#search}; the total is all matches. */
	private List<String> names(String text, Sort sort, int page, int size) {
		var query = new PeopleSearch.Query(text, Map.of(), page, size, false, sort);
		var indexed = search.indexed(query, hr());
		var sql = search.sqlSearch(query, hr());
		assertThat(indexed).isNotNull();
		assertThat(indexed.rows()).as("index and SQL, %s page %d", text, page).isEqualTo(sql.rows());
		assertThat(indexed.total()).isEqualTo(sql.total());
		assertThat(indexed.facets().get("sex")).isEqualTo(sql.facets().get("sex"));
		assertThat(search.search(query, hr()).rows()).isEqualTo(sql.rows());
		return sql.rows().stream().map(PeopleSearch.Row::fullName).toList();
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

	/**
	 * Lists sorted by name, birth and unit, each both ways: the same rows in the index, in SQL, page by page and in the
	 * export (from the index and from SQL). Names and unit names in Vietnamese order (Anh, Ánh, Bảo, Dũng, Đức); a birth
	 * year alone before the dates of that year (after them reversed), people of one birth by name; an unknown birth
	 * or unit last either way; a leader, who sees birth years only, gets the years, then names.
	 */
	@Test
	void lists_sort_by_name_birth_and_unit_both_ways_alike_in_the_index_sql_pages_and_export() throws InterruptedException {
		var t = RegistryFixtures.uniqueToken("Sap");
		var dungUnit = RegistryFixtures.orgUnit(operations, "Trường Dũng " + t);
		var ducUnit = RegistryFixtures.orgUnit(operations, "Trường Đức " + t);
		var anhUnit = RegistryFixtures.orgUnit(operations, "Trường Ánh " + t);
		placed(person("Lê", t, "Bảo", Sex.MALE, null), 1970, ducUnit);
		placed(person("Lê", t, "Đức", Sex.MALE, LocalDate.of(1970, 5, 1)), null, anhUnit);
		placed(person("Lê", t, "Ánh", Sex.FEMALE, LocalDate.of(1975, 1, 1)), null, dungUnit);
		placed(person("Lê", t, "Dũng", Sex.MALE, null), null, anhUnit);
		placed(person("Lê", t, "Anh", Sex.FEMALE, LocalDate.of(1970, 5, 1)), null, null);
		assertThat(index.awaitReady(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

		var cases = new java.util.LinkedHashMap<String, List<String>>();
		cases.put("name", List.of("Anh", "Ánh", "Bảo", "Dũng", "Đức"));
		cases.put("name,desc", List.of("Đức", "Dũng", "Bảo", "Ánh", "Anh"));
		cases.put("birth", List.of("Bảo", "Anh", "Đức", "Ánh", "Dũng"));
		cases.put("birth,desc", List.of("Ánh", "Anh", "Đức", "Bảo", "Dũng"));
		cases.put("unit", List.of("Dũng", "Đức", "Ánh", "Bảo", "Anh"));
		cases.put("unit,desc", List.of("Bảo", "Ánh", "Dũng", "Đức", "Anh"));
		cases.forEach((parameter, expected) -> {
			var sort = Sort.parse(parameter);
			assertThat(sort.parameter()).isEqualTo(parameter);
			assertThat(given(t, sort, hr(), 0, 50)).as(parameter).containsExactlyElementsOf(expected);
			assertThat(given(t, sort, hr(), 1, 2)).as(parameter + ", second page").containsExactlyElementsOf(expected.subList(2, 4));
			assertThat(given(t, sort, hr(), 2, 2)).as(parameter + ", last page").containsExactlyElementsOf(expected.subList(4, 5));
		});
		assertThat(given(t, Sort.parse("birth"), RegistryFixtures.leader(), 0, 50)).containsExactly("Anh", "Bảo", "Đức", "Ánh", "Dũng");
		assertThat(given(t, Sort.parse("birth,desc"), RegistryFixtures.leader(), 0, 50)).containsExactly("Ánh", "Anh", "Bảo", "Đức",
				"Dũng");

		for (var parameter : List.of("birth,desc", "unit")) {
			var query = new PeopleSearch.Query(t, Map.of(), 0, 20, false, Sort.parse(parameter));
			var exported = new java.util.ArrayList<String>();
			search.each(query, hr(), r -> exported.add(r.givenName()));
			assertThat(exported).as(parameter).containsExactlyElementsOf(cases.get(parameter));
			index.unload();
			try {
				var inSql = new java.util.ArrayList<String>();
				search.each(query, hr(), r -> inSql.add(r.givenName()));
				assertThat(inSql).as(parameter + " in SQL").containsExactlyElementsOf(cases.get(parameter));
			}
			finally {
				index.reload();
			}
		}
	}

	@Test
	void a_sort_parameter_that_names_no_order_is_none() {
		assertThat(Sort.parse("unit,desc")).isEqualTo(new Sort(Sort.Key.UNIT, true));
		assertThat(Sort.parse(" Birth , asc ")).isEqualTo(new Sort(Sort.Key.BIRTH, false));
		for (var nonsense : java.util.Arrays.asList(null, "", "age", "birth,up", "name,desc,desc", "unit;drop table", ",desc")) {
			assertThat(Sort.parse(nonsense)).as(nonsense).isNull();
		}
		// experts are always ranked by how well they match
		assertThat(new PeopleSearch.Query("cà phê", Map.of(), 0, 20, true, Sort.parse("birth")).sort()).isNull();
	}

	/** Registers a person (a birth year alone when {@code year} is given) working in {@code unit} (none: null). */
	private void placed(PersonData data, Integer year, UUID unit) {
		var withYear = year == null ? data : new PersonData(data.familyName(), data.middleName(), data.givenName(), null,
				data.sex(), null, year, data.ethnicGroup(), null, null, null, null, null, null, null, null);
		assertThat(profiles.register(withYear, "test", unit, Map.of())).isInstanceOf(Profiles.Created.class);
	}

	/** The given names of a sorted page, the same in the index and in SQL. */
	private List<String> given(String text, Sort sort, Caller caller, int page, int size) {
		var query = new PeopleSearch.Query(text, Map.of(), page, size, false, sort);
		var indexed = search.indexed(query, caller);
		assertThat(indexed).isNotNull();
		var sql = search.sqlSearch(query, caller);
		assertThat(indexed.rows()).as("index and SQL, %s page %d", sort, page).isEqualTo(sql.rows());
		assertThat(indexed.total()).isEqualTo(sql.total());
		return sql.rows().stream().map(PeopleSearch.Row::givenName).toList();
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
