package vn.trithuc.orgunit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnitRuleViolation;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.Succession.Extent;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Inheritor;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;

/**
 * The operations against the real database, committed (no test transaction): history stays readable, and a
 * refused operation leaves nothing behind.
 */
@IntegrationTest
class OrgUnitOperationsTest {

	static final LocalDate START = LocalDate.of(2020, 1, 1);
	static final LocalDate D = LocalDate.of(2025, 7, 1);
	static final Decision DECISION = new Decision("12-QĐ/TU", LocalDate.of(2025, 6, 20), null);

	@Autowired
	OrgUnitOperations operations;
	@Autowired
	OrgUnits units;
	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void a_rename_keeps_the_old_name_for_old_dates() {
		var commission = create("BTG", "Ban Tuyên giáo Tỉnh ủy", null);
		operations.rename(commission, 0, "Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDV", D, DECISION);
		assertThat(name(commission, D.minusDays(1))).isEqualTo("Ban Tuyên giáo Tỉnh ủy");
		assertThat(name(commission, D)).isEqualTo("Ban Tuyên giáo và Dân vận Tỉnh ủy");
		var history = units.history(commission).orElseThrow();
		assertThat(history.events()).extracting(e -> e.kind().name()).containsExactly("CREATED", "RENAMED");
		assertThat(history.events().get(1).decisionNumber()).isEqualTo("12-QĐ/TU");
		assertThat(units.search("tuyen giao tinh uy", START, 5)).extracting(OrgUnit::id).contains(commission);
	}

	@Test
	void a_merge_into_a_new_unit_ends_the_sources_moves_their_children_and_links_them() {
		var province = create("TU", "Tỉnh ủy", null);
		var a = create("A", "Đảng ủy xã Rô Men", province);
		var b = create("B", "Đảng ủy xã Liêng Srônh", province);
		var cell = create("CB", "Chi bộ thôn 1", a);
		var c = operations.merge(List.of(a, b), null,
				NewUnit.of(code("C"), "Đảng ủy xã Đam Rông 2", OrgUnitKind.PARTY_COMMITTEE, province), D, DECISION);
		assertThat(units.children(province, D.minusDays(1))).extracting(OrgUnit::id).containsExactlyInAnyOrder(a, b);
		assertThat(units.children(province, D)).extracting(OrgUnit::id).containsExactly(c);
		assertThat(units.find(cell, D).orElseThrow().parentId()).isEqualTo(c);
		assertThat(units.find(cell, D.minusDays(1)).orElseThrow().parentId()).isEqualTo(a);
		assertThat(units.successors(a, D)).containsExactly(c);
		assertThat(units.find(a).orElseThrow().validTo()).isEqualTo(D.minusDays(1));
		assertThat(name(a, D.minusDays(1))).isEqualTo("Đảng ủy xã Rô Men");
		assertThat(units.history(c).orElseThrow().predecessors()).extracting(s -> s.predecessorName())
			.containsExactlyInAnyOrder("Đảng ủy xã Rô Men", "Đảng ủy xã Liêng Srônh");
	}

	@Test
	void a_split_gives_partial_links_and_the_carrier_takes_the_children() {
		var district = create("H", "Huyện ủy", null);
		var child = create("HC", "Ban Tổ chức Huyện ủy", district);
		var results = operations.split(district, null, List.of(),
				List.of(NewUnit.of(code("X1"), "Đảng ủy khu vực 1", OrgUnitKind.PARTY_COMMITTEE, null),
						NewUnit.of(code("X2"), "Đảng ủy khu vực 2", OrgUnitKind.PARTY_COMMITTEE, null)),
				1, D, DECISION);
		assertThat(units.find(district, D)).isEmpty();
		assertThat(units.successors(district, D)).containsExactlyInAnyOrderElementsOf(results);
		var links = units.history(district).orElseThrow().successors();
		assertThat(links).allMatch(s -> s.extent() == Extent.PARTIAL);
		assertThat(links).filteredOn(s -> s.carriesWork()).extracting(s -> s.successor()).containsExactly(results.get(1));
		assertThat(units.find(child, D).orElseThrow().parentId()).isEqualTo(results.get(1));
		assertThat(units.find(child, D.minusDays(1)).orElseThrow().parentId()).isEqualTo(district);
	}

	@Test
	void a_dissolved_unit_names_its_inheritors_and_stays_readable_for_old_dates() {
		var province = create("TU", "Tỉnh ủy Lâm Đồng", null);
		var commission = create("BTG", "Ban Tuyên giáo và Dân vận Tỉnh ủy", province);
		var district = create("HU", "Huyện ủy Đam Rông", province);
		var commune = create("DU", "Đảng ủy xã Đam Rông 1", province);
		operations.dissolve(district, null, List.of(
				new Inheritor(commission, Extent.PARTIAL, false, "các chương trình hành động"),
				new Inheritor(commune, Extent.PARTIAL, true, "lãnh đạo thực hiện trên địa bàn")), null, D, DECISION);
		assertThat(units.find(district, D)).isEmpty();
		assertThat(name(district, D.minusDays(1))).isEqualTo("Huyện ủy Đam Rông");
		assertThat(units.successors(district, D)).containsExactlyInAnyOrder(commission, commune);
		assertThat(units.history(district).orElseThrow().successors()).filteredOn(s -> s.carriesWork())
			.extracting(s -> s.successorName()).containsExactly("Đảng ủy xã Đam Rông 1");
		assertThat(units.subtreeAsOf(province, D)).containsExactlyInAnyOrder(province, commission, commune);
		assertThat(units.subtreeAsOf(province, D.minusDays(1))).contains(district);
	}

	@Test
	void a_scope_follows_successor_links_over_several_changes() {
		var a = create("S1", "Đơn vị gốc", null);
		var b = create("S2", "Đơn vị nhận", null);
		operations.merge(List.of(a), b, null, LocalDate.of(2024, 1, 1), DECISION);
		var c = operations.merge(List.of(b), null, NewUnit.of(code("S3"), "Đơn vị sau hợp nhất", OrgUnitKind.OTHER, null),
				D, DECISION);
		assertThat(units.successors(a, LocalDate.of(2024, 6, 1))).containsExactly(b);
		assertThat(units.currentSuccessors(a)).containsExactly(c);
	}

	@Test
	void a_cycle_is_refused_and_nothing_is_applied() {
		var province = create("TU", "Tỉnh ủy", null);
		var district = create("HU", "Huyện ủy", province);
		var commune = create("DU", "Đảng ủy xã", district);
		long before = rows();
		var refused = refused(() -> operations.move(province, null, commune, D, DECISION));
		assertThat(refused.key()).isEqualTo("orgunit.rule.cycle");
		assertThat(rows()).isEqualTo(before);
		assertThat(units.find(province, D).orElseThrow().parentId()).isNull();
	}

	@Test
	void a_merge_whose_child_cannot_move_is_refused_as_a_whole() {
		var a = create("MA", "Đơn vị A", null);
		var b = create("MB", "Đơn vị B", null);
		var child = create("MC", "Đơn vị con của A", a);
		operations.rename(child, null, "Đơn vị con, tên mới", null, D.plusDays(10), DECISION);
		long before = rows();
		// the child already has a later change: moving it on D would rewrite history → the whole merge is refused
		var refused = refused(() -> operations.merge(List.of(a, b), null,
				NewUnit.of(code("MN"), "Đơn vị hợp nhất", OrgUnitKind.OTHER, null), D, DECISION));
		assertThat(refused.key()).isEqualTo("orgunit.rule.beforeLastChange");
		assertThat(rows()).isEqualTo(before);
		assertThat(units.find(a, D)).isPresent();
		assertThat(units.findByCode(code("MN"))).isEmpty();
	}

	@Test
	void an_operation_before_the_unit_existed_or_on_an_unknown_code_or_with_itself_is_refused() {
		var unit = create("E", "Trường THCS Phi Liêng", null);
		var other = create("F", "Trường THCS Đạ Rsal", null);
		long before = rows();
		assertThat(refused(() -> operations.rename(unit, null, "Tên mới", null, START.minusDays(1), DECISION)).key())
			.isEqualTo("orgunit.rule.beforeExistence");
		assertThat(refused(() -> operations.merge(List.of(unit, other), null, null, D, DECISION)).key())
			.isEqualTo("orgunit.rule.mergeResult");
		assertThat(refused(() -> operations.merge(List.of(unit), unit, null, D, DECISION)).key())
			.isEqualTo("orgunit.rule.mergeWithItself");
		assertThat(refused(() -> operations.requireCode("KHONG-CO-" + run)).key()).isEqualTo("orgunit.rule.unknownCode");
		assertThat(refused(() -> operations.dissolve(unit, null, List.of(), null, D, DECISION)).key())
			.isEqualTo("orgunit.rule.noInheritor");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void a_retired_code_is_refused_for_a_new_unit() {
		var old = create("R", "Đơn vị cũ", null);
		var heir = create("R2", "Đơn vị kế thừa", null);
		operations.dissolve(old, null, List.of(new Inheritor(heir, Extent.WHOLE, true, null)), null, D, DECISION);
		var refused = refused(() -> create("R", "Đơn vị mới dùng mã cũ", null));
		assertThat(refused.key()).isEqualTo("orgunit.rule.codeRetired");
	}

	@Test
	void a_stale_version_is_a_conflict() {
		var unit = create("V", "Phòng Nội vụ", null);
		operations.rename(unit, 0, "Phòng Nội vụ huyện", null, D, DECISION);
		var conflict = catchThrowableOfType(OptimisticLockingFailureException.class,
				() -> operations.rename(unit, 0, "Phòng Nội vụ và Lao động", null, D.plusDays(1), DECISION));
		assertThat(conflict).isNotNull();
		assertThat(name(unit, D.plusDays(1))).isEqualTo("Phòng Nội vụ huyện");
	}

	private OrgUnitId create(String code, String name, OrgUnitId parent) {
		return operations.create(NewUnit.of(code(code), name, OrgUnitKind.OTHER, parent), START, Decision.NONE);
	}

	private String code(String code) {
		return "T" + run + "-" + code;
	}

	private String name(OrgUnitId id, LocalDate date) {
		return units.find(id, date).orElseThrow().name();
	}

	private long rows() {
		return jdbc.sql("""
				select (select count(*) from orgunit.org_unit) + (select count(*) from orgunit.org_unit_version)
				     + (select count(*) from orgunit.org_unit_event) + (select count(*) from orgunit.succession)
				     + (select coalesce(sum(version), 0) from orgunit.org_unit)""").query(Long.class).single();
	}

	private static OrgUnitRuleViolation refused(ThrowingCallable call) {
		var refused = catchThrowableOfType(OrgUnitRuleViolation.class, call);
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}
}
