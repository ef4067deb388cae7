package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Erasures;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;
import vn.trithuc.registry.internal.SelfService;

/**
 * The self-service lists without ids follow the scopes too (the id-bearing routes are in ScopeIsolationHarnessTest):
 * a unit officer's queue of change requests and erasure tasks, and the people an event invitation may reach, hold
 * only the people of their units; an intellectual's resubmission form opens only for their own returned request.
 */
@IntegrationTest
class SelfServiceScopeWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	Profiles profiles;
	@Autowired
	SelfService selfService;
	@Autowired
	Erasures erasures;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private UUID unit(String name) {
		return operations.create(NewUnit.of("SS" + run + name, "Trường phạm vi " + name + " " + run, OrgUnitKind.SCHOOL, null),
				LocalDate.of(2020, 1, 1), Decision.NONE).value();
	}

	private UUID personIn(UUID unit, String given, String keyword, String account) {
		var data = RegistryFixtures.withAccount(RegistryFixtures.person("Lê", "Thị", given, Sex.FEMALE,
				LocalDate.of(1987, 6, 5)), account);
		var id = ((Profiles.Created) profiles.register(data, "test.hr")).id();
		int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2021, 1, 1), null,
				Map.of("orgUnit", unit.toString(), "jobTitle", "Kỹ sư", "personnelCategory", "ENTERPRISE"), "test.hr");
		profiles.addPart(id, v, PartKind.EXPERTISE, null, null, Map.of("keywords", "thủy lợi " + keyword), "test.hr");
		selfService.propose(id, SelfService.CONTACT, null, null, Map.of("phone", "0912345678"), null, account);
		erasures.request(id, "Lý do của " + given, account).orElseThrow();
		selfService.consent(id, "EVENT_CONTACT", true, account);
		return id;
	}

	@Test
	void a_unit_officer_sees_only_their_units_requests_erasure_tasks_and_people_to_invite() {
		var a = unit("A");
		var b = unit("B");
		var keyword = RegistryFixtures.uniqueToken("phamvi");
		var inA = RegistryFixtures.uniqueToken("Trong");
		var inB = RegistryFixtures.uniqueToken("Ngoai");
		personIn(a, inA, keyword, "scope.a." + run);
		personIn(b, inB, keyword, "scope.b." + run);
		var officerName = TestAccounts.ready(administration, "scope.unit." + run, Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officerName).orElseThrow().id(), a, "test");
		var officer = TestAccounts.loggedIn(port, administration, officerName, Role.UNIT_OFFICER);

		var queue = officer.get("/registry/requests").body();
		assertThat(queue).contains(inA).contains("Lý do của " + inA).doesNotContain(inB);
		var invite = officer.get("/registry/event-invitations?q=" + keyword).body();
		assertThat(invite).contains(inA).doesNotContain(inB).contains("Tìm thấy 1 người");

		var hr = TestAccounts.loggedIn(port, administration, "scope.hr." + run, Role.HR_OFFICER);
		assertThat(hr.get("/registry/requests").body()).as("the control: an HR officer without a scope sees both")
			.contains(inA, inB);
	}

	@Test
	void only_its_own_person_opens_the_resubmission_of_a_returned_request() {
		var a = unit("R");
		var own = "scope.own." + run;
		var id = personIn(a, RegistryFixtures.uniqueToken("Chu"), RegistryFixtures.uniqueToken("x"), own);
		var request = selfService.ofPerson(id).get(0);
		selfService.giveBack(request, "test.hr", "Thiếu minh chứng");
		var other = "scope.other." + run;
		personIn(a, RegistryFixtures.uniqueToken("Khac"), RegistryFixtures.uniqueToken("y"), other);

		var path = "/registry/me/requests/" + request.id() + "/resubmit";
		var mine = TestAccounts.loggedIn(port, administration, own, Role.INTELLECTUAL).get(path);
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains("Thiếu minh chứng").contains("0912345678");
		var intruder = TestAccounts.loggedIn(port, administration, other, Role.INTELLECTUAL);
		assertThat(intruder.get(path).status()).isEqualTo(404);
		var form = intruder.get("/registry/me/requests/new?kind=CONTACT");
		var forged = intruder.postMultipart("/registry/me/requests/new", Map.of("_csrf", WebClientSession.csrfToken(form.body()),
				"kind", "CONTACT", "resubmits", request.id().toString(), "phone", "0999999999"), java.util.List.of());
		assertThat(forged.status()).isEqualTo(302);
		assertThat(selfService.ofPerson(id)).as("nothing sent again for someone else").hasSize(1);
		assertThat(jdbc.sql("select count(*) from registry.change_request where resubmits = :r").param("r", request.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void a_refused_date_is_shown_beside_the_field_and_what_was_typed_is_kept() {
		var own = "scope.date." + run;
		personIn(unit("D"), RegistryFixtures.uniqueToken("Ngay"), RegistryFixtures.uniqueToken("z"), own);
		var session = TestAccounts.loggedIn(port, administration, own, Role.INTELLECTUAL);
		var form = session.get("/registry/me/requests/new?kind=DEGREE");
		var refused = session.postMultipart("/registry/me/requests/new", Map.of("_csrf", WebClientSession.csrfToken(form.body()),
				"kind", "DEGREE", "validFrom", "31/02/2024", "level", "THAC_SI", "institution", "Trường Đại học Đà Lạt"),
				java.util.List.of());
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"31/02/2024\"").contains("is-invalid")
			.contains("value=\"Trường Đại học Đà Lạt\"");
	}
}
