package vn.trithuc.planning.internal;

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
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.planning.JobPositionCompliance;
import vn.trithuc.planning.PlanningFixtures;
import vn.trithuc.planning.internal.JobPositions.Criterion;
import vn.trithuc.planning.internal.JobPositions.JobPosition;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;

/** A title standard changes from a date: compliance as of a date uses the standard in force then. */
@IntegrationTest
class JobPositionStandardsTest {

	@Autowired
	JobPositions positions;
	@Autowired
	JobPositionCompliance compliance;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	UserAdministration administration;
	@LocalServerPort
	int port;

	@Test
	void compliance_as_of_a_date_uses_the_standard_in_force_that_day() {
		var today = LocalDate.now();
		var from = LocalDate.of(today.getYear() + 2, 1, 1);
		var school = PlanningFixtures.unit(operations, "Trường Tiêu Chuẩn Mới", null);
		var teacher = Map.of("jobPosition", "Giáo viên tiểu học");
		PlanningFixtures.person(profiles, "Có Lý Luận", Sex.FEMALE, LocalDate.of(1990, 5, 1), "DAI_HOC", "14", school, teacher,
				Map.of(PartKind.POLITICAL_THEORY, "TRUNG_CAP"));
		PlanningFixtures.person(profiles, "Chưa Lý Luận", Sex.MALE, LocalDate.of(1991, 5, 1), "DAI_HOC", "14", school, teacher, Map.of());
		var scope = Scope.of(Set.of(school));
		// the standard of old: a bachelor's degree; from two years ahead also intermediate political theory
		positions.save(position(school, "Giáo viên tiểu học", null, null), scope, "test");
		positions.save(position(school, "giáo viên tiểu học", "TRUNG_CAP", from), scope, "test");
		// the same first standard again replaces it, it is not added
		positions.save(position(school, "Giáo viên tiểu học", null, null), scope, "test");

		assertThat(positions.list(scope)).hasSize(2);
		assertThat(positions.inForce(scope, today)).singleElement().satisfies(p -> assertThat(p.validFrom()).isNull());
		assertThat(positions.inForce(scope, from)).singleElement().satisfies(p -> assertThat(p.validFrom()).isEqualTo(from));
		assertThat(positions.inForce(scope, from.minusDays(1))).singleElement().satisfies(p -> assertThat(p.validFrom()).isNull());

		assertThat(compliance.asOf(school, today)).isEqualTo(new JobPositionCompliance.Share(2, 2));
		assertThat(compliance.asOf(school, from.minusDays(1))).isEqualTo(new JobPositionCompliance.Share(2, 2));
		assertThat(compliance.asOf(school, from)).isEqualTo(new JobPositionCompliance.Share(2, 1));
		assertThat(positions.holders(from, scope)).filteredOn(h -> !h.meets()).singleElement()
			.satisfies(h -> assertThat(h.gaps()).extracting(JobPositions.Gap::criterion).containsExactly(Criterion.POLITICAL_THEORY));

		// a position whose only standard starts later counts from then only
		var later = PlanningFixtures.unit(operations, "Trường Vị Trí Tương Lai", null);
		PlanningFixtures.person(profiles, "Tương Lai", Sex.FEMALE, LocalDate.of(1992, 5, 1), "DAI_HOC", "14", later,
				Map.of("jobPosition", "Thư viện"), Map.of());
		positions.save(position(later, "Thư viện", "SO_CAP", from), Scope.of(Set.of(later)), "test");
		assertThat(compliance.asOf(later, today)).isEqualTo(new JobPositionCompliance.Share(0, 0));
		assertThat(compliance.asOf(later, from)).isEqualTo(new JobPositionCompliance.Share(1, 0));
	}

	@Test
	void the_page_shows_when_a_standard_applies_and_refuses_a_date_that_does_not_exist() throws Exception {
		var unit = PlanningFixtures.unit(operations, "Trường Ngày Áp Dụng", null);
		var web = TestAccounts.loggedIn(port, administration, "planning.standards.hr", Role.HR_OFFICER);
		var page = web.get("/planning/positions?unit=" + unit);
		var refused = web.postForm("/planning/positions", Map.of("orgUnit", unit.toString(), "title", "Kế toán viên",
				"validFrom", "31/02/2030", "politicalTheory", "SO_CAP", "_csrf", WebClientSession.csrfToken(page.body())));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(web.get("/planning/positions").body()).contains("Ngày 31/02/2030 không có trên lịch: tháng 02/2030 chỉ có 28 ngày.");
		assertThat(positions.list(Scope.of(Set.of(unit)))).isEmpty();

		page = web.get("/planning/positions?unit=" + unit);
		web.postForm("/planning/positions", Map.of("orgUnit", unit.toString(), "title", "Kế toán viên", "politicalTheory", "SO_CAP",
				"_csrf", WebClientSession.csrfToken(page.body())));
		web.postForm("/planning/positions", Map.of("orgUnit", unit.toString(), "title", "Kế toán viên", "validFrom", "01/01/2099",
				"politicalTheory", "TRUNG_CAP", "_csrf", WebClientSession.csrfToken(page.body())));
		var after = web.get("/planning/positions?unit=" + unit).body();
		assertThat(after).contains("Từ trước", "Đang áp dụng", "01/01/2099", "Sắp áp dụng");
		assertThat(positions.list(Scope.of(Set.of(unit)))).hasSize(2);
	}

	private static JobPosition position(UUID unit, String title, @Nullable String politicalTheory, @Nullable LocalDate validFrom) {
		return new JobPosition(UUID.randomUUID(), unit, title, "DAI_HOC", null, politicalTheory, null, null, null, validFrom);
	}
}
