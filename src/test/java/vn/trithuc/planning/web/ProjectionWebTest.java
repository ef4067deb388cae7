package vn.trithuc.planning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import vn.trithuc.planning.internal.Projections;
import vn.trithuc.planning.internal.Scope;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/** Historical rates from effective-dated data with known answers; the projection's arithmetic; saved scenarios. */
@IntegrationTest
class ProjectionWebTest {

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
	Projections projections;

	private void person(String given, Sex sex, LocalDate birth, UUID unit, LocalDate from, @Nullable LocalDate to) {
		var id = profiles.registerAnyway(new PersonData("Kiểm", "Thử", given, null, sex, birth, null, "01", null, null, null, null,
				null, null, null, null), "test");
		int version = profiles.addPart(id, 1, PartKind.DEGREE, LocalDate.of(1995, 7, 1), null, Map.of("level", "DAI_HOC", "fieldOfStudy", "14"), "test");
		profiles.addPart(id, version, PartKind.POSITION, from, to,
				Map.of("orgUnit", unit.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test");
	}

	@Test
	void rates_from_history_projection_and_saved_scenarios() throws Exception {
		var today = LocalDate.now();
		int y = today.getYear();
		var unit = PlanningFixtures.unit(operations, "Trường Dự Báo Năm Năm", null);
		// joined in the window (counted on 1/1 of the three last years)
		person("Vào", Sex.FEMALE, LocalDate.of(1992, 4, 4), unit, LocalDate.of(y - 4, 3, 1), null);
		// left for another reason in the window
		person("Ra", Sex.MALE, LocalDate.of(1985, 4, 4), unit, LocalDate.of(2000, 1, 1), LocalDate.of(y - 3, 5, 31));
		// retired in the window: leaves on the day before their retirement date
		var birth = LocalDate.of(y - 65, 6, 15);
		var retirement = vn.trithuc.planning.RetirementAgePolicy.retirementDate(Sex.MALE, birth);
		person("Hưu", Sex.MALE, birth, unit, LocalDate.of(2000, 1, 1), retirement.minusDays(1));
		// stayed all along
		person("Ở", Sex.FEMALE, LocalDate.of(1990, 4, 4), unit, LocalDate.of(2000, 1, 1), null);

		var scope = Scope.of(Set.of(unit));
		var rates = projections.historicalRates(today, scope);
		assertThat(retirement.getYear()).isBetween(y - 5, y - 1);
		long retiredPresent = retirement.getYear() - (y - 5) + (retirement.getDayOfYear() == 1 ? 0 : 1);
		assertThat(rates.inflows()).isEqualTo(1);
		assertThat(rates.outflows()).isEqualTo(1);
		assertThat(rates.retirements()).isEqualTo(1);
		assertThat(rates.stockYears()).isEqualTo(3 + 3 + retiredPresent + 5);
		assertThat(rates.inflow()).isEqualTo(1.0 / rates.stockYears());

		var years = projections.project(today, scope, new Projections.Parameters(3, 1, 0.1, 0.05));
		assertThat(years).hasSize(5);
		assertThat(years.get(0).start()).isEqualTo(2);
		for (int i = 0; i < years.size(); i++) {
			var year = years.get(i);
			assertThat(year.end()).isCloseTo(year.start() - year.retirements() - year.outflow() + year.inflow() + year.recruitment()
					+ year.returns(), org.assertj.core.data.Offset.offset(1e-9));
			if (i > 0) {
				assertThat(year.start()).isEqualTo(years.get(i - 1).end());
				assertThat(year.recruitment()).isEqualTo(3);
				assertThat(year.returns()).isEqualTo(1);
				assertThat(year.inflow()).isCloseTo(year.start() * 0.1, org.assertj.core.data.Offset.offset(1e-9));
			}
		}

		var officer = TestAccounts.ready(administration, "planning.projection.officer", Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officer).orElseThrow().id(), unit, "test");
		var web = TestAccounts.loggedIn(port, administration, officer, Role.UNIT_OFFICER);
		var page = web.get("/planning/projection");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Dự báo 5 năm", "id=\"projection-table\"", "<svg").doesNotContain("style=\"");
		var name = "Tuyển thêm giáo viên " + UUID.randomUUID().toString().substring(0, 4);
		var saved = web.postForm("/planning/scenarios", Map.of("name", name, "recruitment", "12", "returns", "2", "inflow", "2,5",
				"outflow", "", "_csrf", WebClientSession.csrfToken(page.body())));
		assertThat(saved.status()).isEqualTo(302);
		var id = projections.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
		assertThat(id.inflowRate()).isEqualByComparingTo("0.025");
		assertThat(id.outflowRate()).isNull();
		var loaded = web.get("/planning/projection?scenario=" + id.id());
		assertThat(loaded.body()).contains(name, "value=\"12\"", "value=\"2,5\"", "tuyển dụng 12, trở về 2 người mỗi năm; tăng mới 2,5%");
		var bad = web.get("/planning/projection?recruitment=-4&inflow=abc");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("phải là số nguyên không âm", "phải là tỷ lệ phần trăm");
		var rows = vn.trithuc.ScopedReads.xlsxRows(web.getBytes("/planning/projection.xlsx?scenario=" + id.id()));
		assertThat(rows.get(0).get(0)).contains("Dự báo 5 năm", name);
		assertThat(rows.stream().filter(r -> !r.isEmpty()).map(r -> r.get(0))).containsSubsequence("Năm", String.valueOf(y),
				String.valueOf(y + 4));
	}
}
