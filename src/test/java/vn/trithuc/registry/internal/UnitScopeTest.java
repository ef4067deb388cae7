package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.registry.Sex;

/** A user's unit scope decides whom they reach in the registry, and it follows the unit through a merge. */
@IntegrationTest
class UnitScopeTest {

	private static final LocalDate START = LocalDate.of(2020, 1, 1);

	@Autowired
	OrgUnitOperations operations;
	@Autowired
	Profiles profiles;
	@Autowired
	UserScopes scopes;
	@Autowired
	UserAdministration administration;
	@Autowired
	JdbcClient jdbc;
	@LocalServerPort
	int port;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void a_unit_officer_reaches_only_the_people_of_the_scope_subtree_also_after_the_scope_unit_merged() {
		var province = unit("P", "Tỉnh ủy thử", null);
		var communeA = unit("A", "Đảng ủy xã Rô Men thử", province);
		var school = unit("S", "Trường THCS Rô Men thử", communeA);
		var communeB = unit("B", "Đảng ủy xã Liêng Srônh thử", province);
		var teacher = personAt(school, "Hoa");
		var nurse = personAt(communeB, "Mai");

		var officer = TestAccounts.ready(administration, "scope.officer." + run, Role.UNIT_OFFICER);
		var caller = new Caller(officer, Set.of(Role.UNIT_OFFICER));
		assertThat(profiles.find(teacher, caller)).as("no scope yet: nobody").isEmpty();

		scopes.assign(administration.findByUsername(officer).orElseThrow().id(), communeA.value(), "test");
		assertThat(profiles.find(teacher, caller)).isPresent();
		assertThat(profiles.find(nurse, caller)).isEmpty();

		// the commune merges into Đam Rông 2 today: the school moves under it, the scope follows
		operations.merge(List.of(communeA, communeB), null, NewUnit.of("T" + run + "-C", "Đảng ủy xã Đam Rông 2 thử",
				OrgUnitKind.PARTY_COMMITTEE, province), LocalDate.now(), new Decision("1671/NQ-UBTVQH15", null, null));
		assertThat(profiles.find(teacher, caller)).isPresent();

		var hr = new Caller("scope.hr", Set.of(Role.HR_OFFICER));
		assertThat(profiles.find(nurse, hr)).as("HR officers without a scope reach everybody").isPresent();
	}

	@Test
	void an_administrator_assigns_a_scope_on_the_scope_page_and_it_is_audited() {
		var commune = unit("W", "Phường Xuân Hương thử " + run, null);
		var officer = TestAccounts.ready(administration, "scope.page." + run, Role.UNIT_OFFICER);
		var officerId = administration.findByUsername(officer).orElseThrow().id();
		var admin = TestAccounts.loggedIn(port, administration, "scope.admin", Role.SYSTEM_ADMINISTRATOR);

		var page = admin.get("/orgunit/scopes/" + officerId + "?q=xuan%20huong%20thu%20" + run);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Phạm vi đơn vị của", "Phường Xuân Hương thử " + run);
		var saved = admin.postForm("/orgunit/scopes/" + officerId,
				Map.of("orgUnitId", commune.value().toString(), "_csrf", WebClientSession.csrfToken(page.body())));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(scopes.scopeRoot(officer)).contains(commune.value());
		assertThat(admin.get("/orgunit/scopes/" + officerId).body()).contains("Đã lưu phạm vi đơn vị.");
		assertThat(jdbc.sql("select count(*) from identity.security_event where event_type = 'SCOPE_CHANGED'"
				+ " and subject = :s").param("s", officer).query(Long.class).single()).isEqualTo(1);
		assertThat(admin.get("/orgunit/scopes/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	private OrgUnitId unit(String code, String name, OrgUnitId parent) {
		return operations.create(NewUnit.of("T" + run + "-" + code, name, OrgUnitKind.OTHER, parent), START,
				Decision.NONE);
	}

	private UUID personAt(OrgUnitId unit, String given) {
		var registration = profiles.register(person("Nguyễn", "Thị", uniqueToken(given), Sex.FEMALE,
				LocalDate.of(1990, 5, 1)), "test.hr");
		var id = ((Profiles.Created) registration).id();
		profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2021, 1, 1), null,
				Map.of("orgUnit", unit.value().toString(), "jobTitle", "Giáo viên", "personnelCategory",
						"PUBLIC_EMPLOYEE"), "test.hr");
		return id;
	}
}
