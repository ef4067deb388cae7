package vn.trithuc.orgunit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.IntegrationTest;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.Succession;

/**
 * The demo tree, loaded through the real operations inside the test's transaction (rolled back afterwards):
 * exact counts, the Đam Rông communes before and after 01/07/2025, successors, renamed commissions.
 */
@IntegrationTest
@Transactional
class OrgUnitDemoDataTest {

	static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);
	static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

	@Autowired
	OrgUnitDemoData demo;
	@Autowired
	OrgUnits units;
	@Autowired
	JdbcClient jdbc;

	long loadMillis;
	long unitsBefore, june30Before, july1Before, linksBefore;

	@BeforeEach
	void load() {
		// other tests of the shared context may have committed units: count what the demo adds
		unitsBefore = count("org_unit");
		june30Before = inForce(JUNE_30);
		july1Before = inForce(JULY_1);
		linksBefore = count("succession");
		long started = System.nanoTime();
		demo.load();
		loadMillis = (System.nanoTime() - started) / 1_000_000;
	}

	@Test
	void the_demo_loads_exact_counts_quickly() {
		System.out.printf("orgunit demo: %d units, %d versions, %d events, %d successor links in %d ms%n",
				count("org_unit") - unitsBefore, count("org_unit_version"), count("org_unit_event"), count("succession") - linksBefore,
				loadMillis);
		assertThat(count("org_unit") - unitsBefore).isEqualTo(EXPECTED_UNITS);
		assertThat(inForce(JUNE_30) - june30Before).isEqualTo(EXPECTED_JUNE_30);
		assertThat(inForce(JULY_1) - july1Before).isEqualTo(EXPECTED_JULY_1);
		assertThat(count("succession") - linksBefore).isEqualTo(EXPECTED_LINKS);
		// all 124 commune-level units of the new Lâm Đồng, each with its party and people's committee
		var tinhUy = id("TU68");
		var ubndTinh = id("UBND68");
		assertThat(units.children(tinhUy, JULY_1).stream().filter(u -> u.kind() == OrgUnitKind.PARTY_COMMITTEE).count())
			.isEqualTo(124);
		assertThat(units.children(ubndTinh, JULY_1).stream().filter(u -> u.kind() == OrgUnitKind.PEOPLES_COMMITTEE).count())
			.isEqualTo(124);
		assertThat(units.children(tinhUy, JUNE_30).stream().filter(u -> u.kind() == OrgUnitKind.PARTY_COMMITTEE).count())
			.as("Huyện ủy Đam Rông and Huyện ủy Lạc Dương").isEqualTo(2);
		assertThat(loadMillis).isLessThan(10_000);
	}

	@Test
	void on_30_06_2025_the_district_committee_leads_the_eight_old_communes() {
		var huyenUy = units.find(id("HU674"), JUNE_30).orElseThrow();
		assertThat(huyenUy.name()).isEqualTo("Huyện ủy Đam Rông");
		assertThat(names(units.children(huyenUy.id(), JUNE_30), OrgUnitKind.PARTY_COMMITTEE)).containsExactlyInAnyOrder(
				"Đảng ủy xã Phi Liêng", "Đảng ủy xã Đạ K'Nàng", "Đảng ủy xã Rô Men", "Đảng ủy xã Liêng Srônh",
				"Đảng ủy xã Đạ Rsal", "Đảng ủy xã Đạ M'Rông", "Đảng ủy xã Đạ Tông", "Đảng ủy xã Đạ Long");
		assertThat(units.subtreeAsOf(huyenUy.id(), JUNE_30)).contains(id("DU-24877"), id("BTGHU674"), id("CBTHPT674"))
			.hasSize(1 + 5 - 1 + 4 + 8); // itself, 5 commissions less the merged Ban Dân vận, 4 grassroots, 8 communes
		assertThat(names(units.children(id("TU68"), JUNE_30), OrgUnitKind.PARTY_COMMITTEE))
			.doesNotContain("Đảng ủy xã Đam Rông 1");
	}

	@Test
	void on_01_07_2025_the_district_committee_is_gone_and_its_successors_are_recorded() {
		assertThat(units.find(id("HU674"), JULY_1)).isEmpty();
		assertThat(units.subtreeAsOf(id("HU674"), JULY_1)).isEmpty();
		assertThat(names(units.children(id("TU68"), JULY_1), OrgUnitKind.PARTY_COMMITTEE)).contains(
				"Đảng ủy xã Đam Rông 1", "Đảng ủy xã Đam Rông 2", "Đảng ủy xã Đam Rông 3", "Đảng ủy xã Đam Rông 4")
			.doesNotContain("Huyện ủy Đam Rông", "Đảng ủy xã Rô Men");
		assertThat(units.successors(id("HU674"), JULY_1)).containsExactlyInAnyOrder(id("BTGTU68"), id("DU-2025-24886"),
				id("DU-2025-24877"), id("DU-2025-24875"), id("DU-2025-24853"));
		var history = units.history(id("HU674")).orElseThrow();
		assertThat(history.successors()).filteredOn(s -> s.carriesWork()).extracting(s -> s.successorName())
			.containsExactlyInAnyOrder("Đảng ủy xã Đam Rông 1", "Đảng ủy xã Đam Rông 2", "Đảng ủy xã Đam Rông 3",
					"Đảng ủy xã Đam Rông 4");
		assertThat(history.successors()).filteredOn(s -> !s.carriesWork()).extracting(s -> s.successorName())
			.containsExactly("Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng");
		// Rô Men and Liêng Srônh became Đam Rông 2; Đưng K'Nớ of Lạc Dương went into Đam Rông 4
		assertThat(units.successors(id("DU-24877"), JULY_1)).containsExactly(id("DU-2025-24877"));
		assertThat(units.successors(id("DU-24874"), JULY_1)).containsExactly(id("DU-2025-24877"));
		assertThat(units.successors(id("DU-24850"), JULY_1)).containsExactly(id("DU-2025-24853"));
		assertThat(units.history(id("DU-2025-24877")).orElseThrow().predecessors())
			.filteredOn(s -> s.extent() == Succession.Extent.WHOLE).extracting(s -> s.predecessorName())
			.containsExactlyInAnyOrder("Đảng ủy xã Rô Men", "Đảng ủy xã Liêng Srônh");
		// schools came under the new communes' people's committees
		assertThat(units.find(id("TH-RM"), JULY_1).orElseThrow().parentId()).isEqualTo(id("UBND-2025-24877"));
		assertThat(units.find(id("TH-RM"), JUNE_30).orElseThrow().parentId()).isEqualTo(id("PGD674"));
	}

	@Test
	void a_user_scope_on_an_old_commune_follows_its_successor_today() {
		assertThat(units.currentSuccessors(id("DU-24877"))).containsExactly(id("DU-2025-24877"));
		assertThat(units.currentSuccessors(id("TU68"))).containsExactly(id("TU68"));
		var scope = units.currentSuccessors(id("HU674")).stream()
			.flatMap(root -> units.subtreeAsOf(root, JULY_1).stream()).collect(Collectors.toSet());
		assertThat(scope).contains(id("DU-2025-24877"), id("CBTHPT674")).doesNotContain(id("HU674"), id("TU68"));
	}

	@Test
	void the_renamed_commission_keeps_its_old_name_for_old_dates() {
		var commission = id("BTGTU68");
		assertThat(units.find(commission, LocalDate.of(2025, 2, 28)).orElseThrow().name())
			.isEqualTo("Ban Tuyên giáo Tỉnh ủy Lâm Đồng");
		assertThat(units.find(commission, LocalDate.of(2025, 3, 1)).orElseThrow().name())
			.isEqualTo("Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng");
		assertThat(units.history(commission).orElseThrow().predecessors())
			.filteredOn(s -> s.extent() == Succession.Extent.WHOLE).extracting(s -> s.predecessorName())
			.containsExactly("Ban Dân vận Tỉnh ủy Lâm Đồng");
		assertThat(units.history(commission).orElseThrow().versions()).extracting(v -> v.name())
			.containsExactly("Ban Tuyên giáo Tỉnh ủy Lâm Đồng", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng");
		assertThat(units.search("ban tuyen giao tinh uy lam dong", JULY_1, 10)).extracting(OrgUnit::id).contains(commission);
		assertThat(units.search("dam rong 2", JULY_1, 10)).extracting(OrgUnit::name)
			.contains("Đảng ủy xã Đam Rông 2", "Ủy ban nhân dân xã Đam Rông 2");
	}

	@Test
	void units_are_linked_to_their_administrative_units() {
		var damRong2 = units.find(id("DU-2025-24877"), JULY_1).orElseThrow();
		var romen = units.find(id("DU-24877"), JUNE_30).orElseThrow();
		assertThat(damRong2.adminUnitId()).isNotNull();
		assertThat(romen.adminUnitId()).isNotNull().isNotEqualTo(damRong2.adminUnitId());
	}

	/** 71 units from 01/01/2020, 240 commune committees of 01/07/2025, 8 from the Đam Rông merges, 19 samples. */
	static final int EXPECTED_UNITS = 338;
	/** less the two mass-mobilisation commissions merged on 01/03/2025 */
	static final int EXPECTED_JUNE_30 = 69;
	/** less 41 units ended on 30/06/2025 (18 old commune committees, 6 offices, district committees, …) */
	static final int EXPECTED_JULY_1 = 297;
	static final int EXPECTED_LINKS = 48;

	private OrgUnitId id(String code) {
		return units.findByCode(code).orElseThrow(() -> new AssertionError("no unit " + code)).id();
	}

	private static Set<String> names(java.util.List<OrgUnit> list, OrgUnitKind kind) {
		return list.stream().filter(u -> u.kind() == kind).map(OrgUnit::name).collect(Collectors.toSet());
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from orgunit." + table).query(Long.class).single();
	}

	private long inForce(LocalDate date) {
		return jdbc.sql("select count(*) from orgunit.org_unit where valid_from <= :d and (valid_to is null or valid_to >= :d)")
			.param("d", date).query(Long.class).single();
	}
}
