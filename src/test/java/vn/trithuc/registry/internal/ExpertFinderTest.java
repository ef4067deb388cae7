package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.hr;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.registry.Sex;

/**
 * The expert finder against a small labelled set: 15 experts with fields of study, expertise keywords and S&T works
 * in one unit of their own (the unit facet keeps other tests' people out), and 17 Vietnamese queries with the
 * experts that should come back. Asserts the right expert first for every query, precision@5 over the set, and the
 * weighting field &gt; keyword &gt; work title.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertFinderTest {

	@Autowired
	Profiles profiles;
	@Autowired
	PeopleSearch search;
	@Autowired
	OrgUnitOperations operations;

	private UUID unit;
	private final Map<String, UUID> experts = new HashMap<>();

	/** name → field of study, keywords, work title ("" = none) */
	private static final String[][] EXPERTS = {
			{ "caPhe", "62", "trồng cà phê; tái canh cà phê vối", "Nghiên cứu giống cà phê chè tại Lâm Đồng" },
			{ "nangLuong", "51", "năng lượng sạch; điện mặt trời mái nhà", "Hệ thống điện gió quy mô nhỏ" },
			{ "giaoDuc", "14", "giáo dục dân tộc thiểu số; dạy song ngữ Việt - K'Ho", "" },
			{ "yTe", "72", "y tế cộng đồng; phòng chống sốt rét", "" },
			{ "rauHoa", "62", "rau hoa công nghệ cao; nhà kính", "" },
			{ "moiTruong", "85", "xử lý nước thải", "Năng lượng sạch cho hộ gia đình vùng cao" },
			{ "chuyenDoi", "48", "chuyển đổi số; dữ liệu lớn", "" },
			{ "duLich", "81", "du lịch sinh thái; du lịch cộng đồng", "" },
			{ "boSua", "64", "chăn nuôi bò sữa", "" },
			{ "datDai", "38", "quản lý đất đai; tranh chấp đất đai", "" },
			{ "duocLieu", "42", "dược liệu; sâm Ngọc Linh", "" },
			{ "chuoiGiaTri", "34", "khởi nghiệp", "Chuỗi giá trị cà phê Lâm Đồng" },
			{ "congChieng", "22", "văn hóa cồng chiêng", "Giáo dục truyền thống cho học sinh dân tộc thiểu số" },
			{ "sinhSan", "76", "sức khỏe sinh sản vị thành niên", "" },
			{ "thuySan", "90", "nuôi cá nước lạnh", "" } };

	/** query → the experts expected, best first (the first must come first; the rest in the top 5, any order) */
	private static final Map<String, List<String>> LABELS = new LinkedHashMap<>();
	static {
		LABELS.put("trồng cà phê", List.of("caPhe"));
		LABELS.put("cà phê", List.of("caPhe", "chuoiGiaTri"));
		LABELS.put("năng lượng sạch", List.of("nangLuong", "moiTruong"));
		LABELS.put("nang luong sach", List.of("nangLuong", "moiTruong"));
		LABELS.put("giáo dục dân tộc thiểu số", List.of("giaoDuc", "congChieng"));
		LABELS.put("y tế cộng đồng", List.of("yTe"));
		LABELS.put("rau hoa công nghệ cao", List.of("rauHoa"));
		LABELS.put("chuyển đổi số", List.of("chuyenDoi"));
		LABELS.put("du lịch sinh thái", List.of("duLich"));
		LABELS.put("bò sữa", List.of("boSua"));
		LABELS.put("đất đai", List.of("datDai"));
		LABELS.put("DƯỢC LIỆU", List.of("duocLieu"));
		LABELS.put("sức khỏe", List.of("yTe", "sinhSan"));
		LABELS.put("môi trường", List.of("moiTruong"));
		LABELS.put("điện mặt trời", List.of("nangLuong"));
		LABELS.put("nông lâm nghiệp cà phê", List.of("caPhe"));
		LABELS.put("song ngữ K'Ho", List.of("giaoDuc"));
	}

	@BeforeAll
	void experts() {
		unit = RegistryFixtures.orgUnit(operations, "Viện thử nghiệm chuyên gia " + uniqueToken("v"));
		int day = 1;
		for (var e : EXPERTS) {
			var id = ((Profiles.Created) profiles.register(person("Trần", "Văn", uniqueToken("Gia"), Sex.MALE,
					LocalDate.of(1975, 1, day++)), "test")).id();
			int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2020, 1, 1), null, Map.of("orgUnit",
					unit.toString(), "jobTitle", "Nghiên cứu viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test");
			v = profiles.addPart(id, v, PartKind.DEGREE, LocalDate.of(2000, 7, 1), null,
					Map.of("level", "THAC_SI", "fieldOfStudy", e[1]), "test");
			v = profiles.addPart(id, v, PartKind.EXPERTISE, null, null, Map.of("field", e[1], "keywords", e[2]), "test");
			if (!e[3].isEmpty()) {
				profiles.addPart(id, v, PartKind.WORK, null, null, Map.of("title", e[3], "year", "2020"), "test");
			}
			experts.put(e[0], id);
		}
	}

	private List<String> find(String query) {
		var ids = new HashMap<UUID, String>();
		experts.forEach((name, id) -> ids.put(id, name));
		return search.search(new PeopleSearch.Query(query, Map.of("unit", unit.toString()), 0, 20, true), hr()).rows()
			.stream().map(r -> ids.getOrDefault(r.id(), "?")).toList();
	}

	@Test
	void the_right_expert_comes_first_and_precision_at_5_is_high_on_the_labelled_set() {
		double precisionSum = 0;
		var report = new ArrayList<String>();
		for (var label : LABELS.entrySet()) {
			var found = find(label.getKey());
			var expected = label.getValue();
			assertThat(found).as("query %s", label.getKey()).isNotEmpty();
			assertThat(found.get(0)).as("best expert for %s (found %s)", label.getKey(), found).isEqualTo(expected.get(0));
			var top5 = found.subList(0, Math.min(5, found.size()));
			long relevant = top5.stream().filter(expected::contains).count();
			double precision = (double) relevant / Math.min(5, expected.size());
			precisionSum += precision;
			report.add(label.getKey() + " → " + found);
		}
		double mean = precisionSum / LABELS.size();
		assertThat(mean).as("mean precision@5 (relevant found / min(5, relevant)) over %s", report).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void field_ranks_above_keyword_and_keyword_above_work_title() {
		// "sức khỏe": field of study of yTe (Sức khỏe), a keyword of sinhSan
		assertThat(find("sức khỏe")).startsWith("yTe", "sinhSan");
		// "cà phê": keywords of caPhe, the title of a work of chuoiGiaTri
		assertThat(find("cà phê")).startsWith("caPhe", "chuoiGiaTri");
		// "năng lượng sạch": keyword of nangLuong, work title of moiTruong
		assertThat(find("năng lượng sạch")).startsWith("nangLuong", "moiTruong");
		// both have the field "Nông, lâm nghiệp và thủy sản" and nothing else matches: an equal rank, either order
		assertThat(find("nông lâm nghiệp")).containsExactlyInAnyOrder("caPhe", "rauHoa");
	}

	@Test
	void queries_fold_diacritics_nfd_and_dj_and_need_every_word() {
		assertThat(find(Normalizer.normalize("trồng cà phê", Normalizer.Form.NFD))).containsExactly("caPhe");
		assertThat(find("TRONG CA PHE")).containsExactly("caPhe");
		assertThat(find("dat dai")).containsExactly("datDai");
		assertThat(find("cà phê robusta")).as("every word must match").isEmpty();
		assertThat(find("  ")).isEmpty();
		assertThat(find("!!! ???")).isEmpty();
	}

	@Test
	void the_scope_applies_to_experts_too() {
		var outsider = new Caller("expert.officer.noscope", Set.of(vn.trithuc.identity.Role.UNIT_OFFICER));
		assertThat(search.search(new PeopleSearch.Query("trồng cà phê", Map.of("unit", unit.toString()), 0, 20, true),
				outsider).rows()).isEmpty();
	}
}
