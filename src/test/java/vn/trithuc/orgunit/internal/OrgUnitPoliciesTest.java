package vn.trithuc.orgunit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitRuleViolation;

/** The rules of the organisation tree, without Spring: each refusal with its Vietnamese message. */
class OrgUnitPoliciesTest {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
	static {
		MESSAGES.setBasename("messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	private final UnitFacts tinhUy = unit("TU", "Tỉnh ủy Lâm Đồng", "2020-01-01", null, "2020-01-01");
	private final UnitFacts huyenUy = unit("HU", "Huyện ủy Đam Rông", "2020-01-01", "2025-06-30", "2020-01-01");
	private final UnitFacts dangUyXa = unit("DU", "Đảng ủy xã Rô Men", "2020-01-01", null, "2020-01-01");
	private final Map<OrgUnitId, OrgUnitId> parents = Map.of(huyenUy.id(), tinhUy.id(), dangUyXa.id(), huyenUy.id());

	@Test
	void a_unit_cannot_come_under_its_own_descendant() {
		var refused = refused(() -> TreeWithoutCyclesPolicy.check(tinhUy, dangUyXa, id -> Optional.ofNullable(parents.get(id))));
		assertThat(refused.key()).isEqualTo("orgunit.rule.cycle");
		assertThat(vietnamese(refused)).isEqualTo("Không thể đặt «Tỉnh ủy Lâm Đồng» trực thuộc «Đảng ủy xã Rô Men»: "
				+ "«Đảng ủy xã Rô Men» đang là đơn vị cấp dưới của «Tỉnh ủy Lâm Đồng», cây tổ chức sẽ bị vòng lặp.");
	}

	@Test
	void a_unit_cannot_be_its_own_parent() {
		var refused = refused(() -> TreeWithoutCyclesPolicy.check(tinhUy, tinhUy, id -> Optional.empty()));
		assertThat(vietnamese(refused)).isEqualTo("Đơn vị «Tỉnh ủy Lâm Đồng» không thể trực thuộc chính nó.");
	}

	@Test
	void a_unit_may_move_under_a_unit_outside_its_subtree() {
		assertThatNoException().isThrownBy(
				() -> TreeWithoutCyclesPolicy.check(dangUyXa, tinhUy, id -> Optional.ofNullable(parents.get(id))));
	}

	@Test
	void an_operation_dated_before_the_unit_existed_is_refused() {
		var refused = refused(() -> UnitLifetimePolicy.requireInForce(tinhUy, LocalDate.of(2019, 12, 31)));
		assertThat(vietnamese(refused)).isEqualTo(
				"Đơn vị «Tỉnh ủy Lâm Đồng» chỉ có từ ngày 01/01/2020; không thể thực hiện thao tác có hiệu lực ngày 31/12/2019.");
	}

	@Test
	void an_operation_dated_after_the_unit_ended_is_refused() {
		var refused = refused(() -> UnitLifetimePolicy.requireInForce(huyenUy, LocalDate.of(2025, 7, 1)));
		assertThat(vietnamese(refused)).isEqualTo(
				"Đơn vị «Huyện ủy Đam Rông» đã kết thúc hoạt động ngày 30/06/2025; không thể thực hiện thao tác có hiệu lực ngày 01/07/2025.");
	}

	@Test
	void history_is_written_in_date_order() {
		var renamed = unit("BTG", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "2020-01-01", null, "2025-03-01");
		var refused = refused(() -> UnitLifetimePolicy.requireChangeable(renamed, LocalDate.of(2025, 2, 1)));
		assertThat(refused.key()).isEqualTo("orgunit.rule.beforeLastChange");
		assertThatNoException().isThrownBy(() -> UnitLifetimePolicy.requireChangeable(renamed, LocalDate.of(2025, 3, 1)));
	}

	@Test
	void a_unit_cannot_end_on_its_first_day() {
		var refused = refused(() -> UnitLifetimePolicy.requireEndable(tinhUy, LocalDate.of(2020, 1, 1)));
		assertThat(refused.key()).isEqualTo("orgunit.rule.endOnFirstDay");
	}

	@Test
	void a_unit_cannot_merge_with_itself() {
		var refused = refused(() -> MergeSplitPolicy.checkMerge(List.of(dangUyXa, tinhUy), dangUyXa));
		assertThat(vietnamese(refused)).isEqualTo("Không thể sáp nhập đơn vị «Đảng ủy xã Rô Men» với chính nó.");
		var twice = refused(() -> MergeSplitPolicy.checkMerge(List.of(dangUyXa, dangUyXa), null));
		assertThat(twice.key()).isEqualTo("orgunit.rule.mergeWithItself");
	}

	@Test
	void a_merge_needs_two_units() {
		assertThat(refused(() -> MergeSplitPolicy.checkMerge(List.of(), tinhUy)).key())
			.isEqualTo("orgunit.rule.mergeTooFew");
		assertThatNoException().as("one unit into a new one").isThrownBy(() -> MergeSplitPolicy.checkMerge(List.of(dangUyXa), null));
		assertThatNoException().isThrownBy(() -> MergeSplitPolicy.checkMerge(List.of(dangUyXa), tinhUy));
	}

	@Test
	void a_split_gives_two_units_other_than_itself() {
		assertThat(refused(() -> MergeSplitPolicy.checkSplit(huyenUy, List.of(huyenUy), 2)).key())
			.isEqualTo("orgunit.rule.splitIntoItself");
		assertThat(refused(() -> MergeSplitPolicy.checkSplit(huyenUy, List.of(), 1)).key()).isEqualTo("orgunit.rule.splitTooFew");
	}

	@Test
	void a_retired_code_is_never_given_to_a_new_unit() {
		var refused = refused(() -> UnitCodePolicy.check("HU", Optional.of(huyenUy)));
		assertThat(vietnamese(refused)).isEqualTo(
				"Mã «HU» là mã của «Huyện ủy Đam Rông», đơn vị đã kết thúc ngày 30/06/2025; không dùng lại mã cũ cho đơn vị mới.");
		assertThat(refused(() -> UnitCodePolicy.check("TU", Optional.of(tinhUy))).key()).isEqualTo("orgunit.rule.codeTaken");
		assertThat(refused(() -> UnitCodePolicy.check("mã có dấu", Optional.empty())).key()).isEqualTo("orgunit.rule.codeFormat");
	}

	private static OrgUnitRuleViolation refused(ThrowingCallable call) {
		var refused = catchThrowableOfType(OrgUnitRuleViolation.class, call);
		assertThat(refused).as("refused").isNotNull();
		return refused;
	}

	private static String vietnamese(OrgUnitRuleViolation refused) {
		return MESSAGES.getMessage(refused.key(), refused.arguments(), Locale.forLanguageTag("vi"));
	}

	private static UnitFacts unit(String code, String name, String from, String to, String lastChange) {
		return new UnitFacts(OrgUnitId.random(), code, name, LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
				LocalDate.parse(lastChange));
	}
}
