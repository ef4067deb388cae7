package vn.trithuc.planning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.planning.PlanningFixtures;
import vn.trithuc.planning.internal.Balance;
import vn.trithuc.planning.internal.Needs;
import vn.trithuc.planning.internal.Scope;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Profiles;

/** Needs imported from .xlsx (all or nothing), entered by form, and supply against need with known answers. */
@IntegrationTest
class NeedsWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	Needs needs;
	@Autowired
	Balance balance;

	static byte[] xlsx(List<List<Object>> rows) throws Exception {
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "test", "1.0");
		var sheet = workbook.newWorksheet("Nhu cầu");
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				var v = rows.get(r).get(c);
				if (v instanceof Number n) {
					sheet.value(r, c, n);
				}
				else {
					sheet.value(r, c, (String) v);
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	@Test
	void needs_imported_and_balanced_against_supply_by_field_and_unit() throws Exception {
		var code = "NC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		var hospital = PlanningFixtures.unit(operations, code, "Bệnh viện Cung Cầu", null);
		var ward = PlanningFixtures.unit(operations, code + "K", "Khoa Cung Cầu", hospital);
		var outside = PlanningFixtures.unit(operations, "Trường Ngoài Cung Cầu", null);
		PlanningFixtures.person(profiles, "Một", Sex.FEMALE, LocalDate.of(1990, 5, 5), "DAI_HOC", "72", ward, Map.of());
		PlanningFixtures.person(profiles, "Hai", Sex.FEMALE, LocalDate.of(1991, 5, 5), "DAI_HOC", "72", ward, Map.of());
		PlanningFixtures.person(profiles, "Ba", Sex.FEMALE, LocalDate.of(1985, 5, 5), "THAC_SI", "72", hospital, Map.of());
		// retires on 1/11/2027
		PlanningFixtures.person(profiles, "Bốn", Sex.MALE, LocalDate.of(1966, 1, 1), "DAI_HOC", "72", ward, Map.of());
		PlanningFixtures.person(profiles, "Năm", Sex.MALE, LocalDate.of(1988, 5, 5), "DAI_HOC", "14", hospital, Map.of());

		var officer = TestAccounts.ready(administration, "planning.needs.officer", Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officer).orElseThrow().id(), hospital, "test");
		var web = TestAccounts.loggedIn(port, administration, officer, Role.UNIT_OFFICER);
		var scope = Scope.of(java.util.Set.of(hospital, ward));
		assertThat(web.get("/planning/needs").body()).contains("Bệnh viện Cung Cầu", "Chưa có nhu cầu nào")
			.doesNotContain("Trường Ngoài Cung Cầu");

		var header = List.<Object>of("Mã đơn vị", "Ngành, lĩnh vực đào tạo", "Trình độ", "Năm", "Số lượng", "Ghi chú");
		var bad = web.upload("/planning/needs/import", "nhu-cau.xlsx", xlsx(List.of(header,
				List.of(code, "Sức khỏe", "Đại học", 2028, 6, ""), List.of(code, "Không có ngành này", "dai hoc", 2028, 2, ""),
				List.of(code, "72", "Thạc sĩ", 1999, 2, ""), List.of("KHONG-CO-MA", "72", "Thạc sĩ", 2028, "hai", ""))));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("Dòng 3: Ngành, lĩnh vực đào tạo «Không có ngành này» không có trong danh mục.", "Dòng 4: Năm phải từ",
				"Dòng 5: Không có đơn vị mã «KHONG-CO-MA»", "Dòng 5: Cột «Số lượng» phải là số nguyên (đang là «hai»).");
		assertThat(needs.list(scope, null)).isEmpty();

		var good = web.upload("/planning/needs/import", "nhu-cau.xlsx", xlsx(List.of(header,
				List.of(code, "72", "Đại học", 2028, 6, "Bác sĩ đa khoa"), List.of(code, "khoa hoc giao duc va dao tao giao vien", "DAI_HOC", 2028, 0, ""))));
		assertThat(good.body()).contains("Đã nhập 2 dòng nhu cầu.");
		assertThat(needs.list(scope, 2028)).hasSize(2);

		var today = LocalDate.now();
		var result = balance.compute(today, scope, 2028, unit -> unit.equals(hospital) ? java.util.Set.of(hospital, ward) : java.util.Set.of(unit));
		var health = result.byField().stream().filter(l -> l.key().equals("72|DAI_HOC")).findFirst().orElseThrow();
		assertThat(List.of(health.need(), health.supplyNow(), health.retiring(), health.supply(), health.gap())).containsExactly(6L, 4L, 1L, 3L, -3L);
		assertThat(health.status()).isEqualTo("SHORTAGE");
		var education = result.byField().stream().filter(l -> l.key().equals("14|DAI_HOC")).findFirst().orElseThrow();
		assertThat(education.gap()).isEqualTo(1);
		assertThat(result.byUnit()).singleElement().satisfies(l -> assertThat(l.need()).isEqualTo(6));
		assertThat(result.unitShortageSurplus().get(hospital.toString())).containsExactly(3, 1);

		var page = web.get("/planning/balance?year=2028");
		assertThat(page.body()).contains("Thiếu", "Thừa", "Bệnh viện Cung Cầu", "id=\"balance-field\"", "<svg").doesNotContain("style=\"");
		var rows = vn.trithuc.ScopedReads.xlsxRows(web.getBytes("/planning/balance.xlsx?year=2028"));
		assertThat(rows.get(0).get(0)).startsWith("Cung – cầu trí thức");
		assertThat(rows.stream().filter(r -> r.size() > 6).map(r -> r.get(6))).contains("Thiếu", "Thừa");

		// a unit outside the officer's scope is refused, nothing stored
		var form = web.get("/planning/needs");
		var refused = web.postForm("/planning/needs", Map.of("orgUnit", outside.toString(), "field", "72", "degree", "DAI_HOC", "year",
				"2028", "count", "2", "_csrf", WebClientSession.csrfToken(form.body())));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(web.get("/planning/needs").body()).contains("Đơn vị không thuộc phạm vi của bạn.");
		assertThat(needs.list(Scope.of(java.util.Set.of(outside)), null)).isEmpty();
		var saved = web.postForm("/planning/needs", Map.of("orgUnit", ward.toString(), "field", "72", "degree", "THAC_SI", "year",
				"2029", "count", "2", "_csrf", WebClientSession.csrfToken(form.body())));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(needs.list(scope, 2029)).singleElement().satisfies(n -> assertThat(n.count()).isEqualTo(2));
	}
}
