package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Erasures;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;
import vn.trithuc.registry.internal.SelfService;

/** A person outside the public sector requests erasure; the officer executes or refuses; staff get the explanation. */
@IntegrationTest
class ErasureWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	Erasures erasures;
	@Autowired
	SelfService selfService;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private UUID personIn(String category, String username) {
		var d = person("Ka", "", uniqueToken("Sol"), Sex.MALE, LocalDate.of(1985, 1, 20));
		var nationalId = RegistryFixtures.nationalId(1985, Sex.MALE);
		var id = ((Profiles.Created) profiles.register(new PersonData(d.familyName(), d.middleName(), d.givenName(), null,
				d.sex(), d.birthDate(), null, d.ethnicGroup(), null, nationalId, null, null, null, "0909123456",
				"sol." + run + "@congty.vn", username), "test.hr")).id();
		var unit = operations.create(NewUnit.of("E" + UUID.randomUUID().toString().substring(0, 8), "Đơn vị xóa " + category + run,
				OrgUnitKind.OTHER, null), LocalDate.of(2019, 1, 1), Decision.NONE);
		int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2020, 1, 1), null, Map.of("orgUnit",
				unit.value().toString(), "jobTitle", "Kỹ sư", "personnelCategory", category), "test.hr");
		profiles.addPart(id, v, PartKind.EXPERTISE, null, null, Map.of("keywords", "cà phê " + run), "test.hr");
		return id;
	}

	private static Map<String, String> csrf(WebClientSession session, String path, Map<String, String> fields) {
		var all = new java.util.HashMap<>(fields);
		all.put("_csrf", WebClientSession.csrfToken(session.get(path).body()));
		return all;
	}

	@Test
	void an_enterprise_engineer_requests_erasure_and_the_officer_anonymises_the_profile_keeping_statistics() {
		var username = "erase.sol." + run;
		var id = personIn("ENTERPRISE", username);
		selfService.consent(id, "EXPERT_DIRECTORY", true, username);
		var sol = TestAccounts.loggedIn(port, administration, username, Role.INTELLECTUAL);
		var page = sol.get("/registry/people/" + id);
		assertThat(page.body()).contains("Gửi yêu cầu xóa dữ liệu");
		sol.postForm("/registry/me/erasure", csrf(sol, "/registry/people/" + id, Map.of("reason", "Tôi đã chuyển công tác")));
		var after = sol.get("/registry/people/" + id).body();
		assertThat(after).contains("Đã gửi yêu cầu xóa dữ liệu").contains("Chờ xử lý");
		var task = erasures.open(id).orElseThrow();
		assertThat(task.dueOn()).isAfter(LocalDate.now()).isBefore(LocalDate.now().plusDays(5));
		assertThat(task.dueOn().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

		var officer = TestAccounts.loggedIn(port, administration, "erase.officer", Role.HR_OFFICER);
		var queue = officer.get("/registry/requests").body();
		assertThat(queue).contains("Tôi đã chuyển công tác").contains("Xóa dữ liệu");
		var refusedBlank = officer.postForm("/registry/erasures/" + task.id() + "/refuse",
				csrf(officer, "/registry/requests", Map.of("reason", " ")));
		assertThat(refusedBlank.status()).isEqualTo(302);
		assertThat(erasures.open(id)).isPresent();
		officer.postForm("/registry/erasures/" + task.id() + "/execute", csrf(officer, "/registry/requests", Map.of()));

		var profile = profiles.find(id, RegistryFixtures.hr()).orElseThrow();
		assertThat(profile.fullName()).isEqualTo("Đã xóa dữ liệu");
		assertThat(profile.data().nationalId()).isNull();
		assertThat(profile.data().phone()).isNull();
		assertThat(profile.data().email()).isNull();
		assertThat(profile.data().birthDate()).isNull();
		assertThat(profile.data().birthYear()).as("the birth year stays for statistics").isEqualTo(1985);
		assertThat(profile.parts()).extracting(p -> p.kind()).containsExactly(PartKind.POSITION);
		assertThat(selfService.consents(id)).containsEntry("EXPERT_DIRECTORY", false);
		assertThat(new WebClientSession(port).get("/directory?q=" + run).body()).doesNotContain("Sol");
		assertThat(profiles.changes(id, null)).extracting(Profiles.Change::action).contains("ERASED", "ERASURE_REQUESTED");
		assertThat(profiles.changes(id, null)).flatExtracting(Profiles.Change::oldValue, Profiles.Change::newValue)
			.as("the change log keeps who did what, not the erased values").doesNotContain("0909123456", "Sol");
		assertThat(sol.get("/registry/people/" + id).body()).contains("Đã xóa dữ liệu");
	}

	@Test
	void a_refusal_carries_its_reason_and_public_sector_staff_get_the_explanation() {
		var username = "erase.pri." + run;
		var id = personIn("PRIVATE", username);
		var person = TestAccounts.loggedIn(port, administration, username, Role.INTELLECTUAL);
		person.postForm("/registry/me/erasure", csrf(person, "/registry/people/" + id, Map.of()));
		var task = erasures.open(id).orElseThrow();
		var officer = TestAccounts.loggedIn(port, administration, "erase.officer", Role.HR_OFFICER);
		officer.postForm("/registry/erasures/" + task.id() + "/refuse",
				csrf(officer, "/registry/requests", Map.of("reason", "Đang có đề tài khoa học chưa nghiệm thu")));
		assertThat(person.get("/registry/people/" + id).body()).contains("Bị từ chối")
			.contains("Đang có đề tài khoa học chưa nghiệm thu");
		assertThat(profiles.find(id, RegistryFixtures.hr()).orElseThrow().data().phone()).isEqualTo("0909123456");

		var teacherName = "erase.teacher." + run;
		var teacher = personIn("PUBLIC_EMPLOYEE", teacherName);
		var session = TestAccounts.loggedIn(port, administration, teacherName, Role.INTELLECTUAL);
		assertThat(session.get("/registry/people/" + teacher).body()).contains("lưu giữ hồ sơ nhân sự của bạn theo nhiệm vụ luật định")
			.doesNotContain("Gửi yêu cầu xóa dữ liệu");
		session.postForm("/registry/me/erasure", csrf(session, "/registry/people/" + teacher, Map.of()));
		assertThat(erasures.ofPerson(teacher)).isEmpty();
	}
}
