package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;
import static vn.trithuc.registry.internal.RegistryFixtures.withAccount;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;
import vn.trithuc.registry.internal.SelfService;

/** Cô Hương's journey: propose changes, see decisions, give and withdraw consent for the expert directory. */
@IntegrationTest
class SelfServiceWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	SelfService selfService;

	private UUID intellectual(String username) {
		var given = uniqueToken("Huong");
		return ((Profiles.Created) profiles.register(withAccount(person("Ka", "", given, Sex.FEMALE, LocalDate.of(1990, 4, 12)),
				username), "test.hr")).id();
	}

	private static Map<String, String> form(WebClientSession session, String path, Map<String, String> fields) {
		var page = session.get(path);
		assertThat(page.status()).isEqualTo(200);
		var all = new LinkedHashMap<String, String>(fields);
		all.put("_csrf", WebClientSession.csrfToken(page.body()));
		return all;
	}

	@Test
	void a_proposed_degree_is_approved_by_an_officer_and_a_returned_change_shows_its_reason() {
		var id = intellectual("self.huong");
		var huong = TestAccounts.loggedIn(port, administration, "self.huong", Role.INTELLECTUAL);
		var sent = huong.postForm("/registry/me/requests/new", form(huong, "/registry/me/requests/new?kind=DEGREE",
				Map.of("kind", "DEGREE", "validFrom", "15/06/2024", "level", "THAC_SI", "fieldOfStudy", "14",
						"institution", "Trường Đại học Đà Lạt", "note", "Bằng số 123/ĐHĐL")));
		assertThat(sent.status()).isEqualTo(302);
		assertThat(huong.get("/registry/people/" + id).body()).contains("Chờ duyệt");
		assertThat(profiles.find(id, RegistryFixtures.hr()).orElseThrow().highestDegree()).as("nothing changes before approval")
			.isNull();

		var officer = TestAccounts.loggedIn(port, administration, "self.officer", Role.HR_OFFICER);
		var list = officer.get("/registry/requests");
		assertThat(list.body()).contains("Bằng số 123/ĐHĐL").contains("Trường Đại học Đà Lạt");
		var request = selfService.ofPerson(id).get(0);
		var approved = officer.postForm("/registry/requests/" + request.id() + "/approve",
				form(officer, "/registry/requests", Map.of()));
		assertThat(approved.status()).isEqualTo(302);
		var profile = profiles.find(id, RegistryFixtures.hr()).orElseThrow();
		assertThat(profile.highestDegree()).isEqualTo("THAC_SI");
		assertThat(profiles.changes(id, null).get(0).actor()).isEqualTo("self.officer");
		assertThat(huong.get("/registry/people/" + id).body()).contains("Đã duyệt").contains("Thạc sĩ");

		huong.postForm("/registry/me/requests/new", form(huong, "/registry/me/requests/new?kind=CONTACT",
				Map.of("kind", "CONTACT", "phone", "0911222333", "email", "huong@example.org")));
		var contact = selfService.ofPerson(id).stream().filter(r -> r.kind().equals("CONTACT")).findFirst().orElseThrow();
		officer.postForm("/registry/requests/" + contact.id() + "/return",
				form(officer, "/registry/requests", Map.of("reason", "Số điện thoại thiếu một chữ số")));
		assertThat(huong.get("/registry/people/" + id).body()).contains("Bị trả lại").contains("Số điện thoại thiếu một chữ số");
		assertThat(profiles.find(id, RegistryFixtures.hr()).orElseThrow().data().phone()).isNull();
	}

	@Test
	void withdrawing_consent_removes_the_person_from_the_public_directory_at_once() {
		var id = intellectual("self.expert");
		var name = profiles.find(id, RegistryFixtures.hr()).orElseThrow().fullName();
		var expert = TestAccounts.loggedIn(port, administration, "self.expert", Role.INTELLECTUAL);
		var anonymous = new WebClientSession(port);
		assertThat(anonymous.get("/directory").body()).doesNotContain(name);

		expert.postForm("/registry/me/consents", form(expert, "/registry/people/" + id,
				Map.of("purpose", "EXPERT_DIRECTORY", "granted", "true")));
		var listed = anonymous.get("/directory");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).contains(name);

		expert.postForm("/registry/me/consents", form(expert, "/registry/people/" + id,
				Map.of("purpose", "EXPERT_DIRECTORY", "granted", "false")));
		assertThat(anonymous.get("/directory").body()).doesNotContain(name);
		assertThat(selfService.consentHistory(id)).extracting(SelfService.ConsentChange::granted).containsExactly(false, true);
		assertThat(selfService.consents(id)).containsEntry("EXPERT_DIRECTORY", false);
	}

	@Test
	void the_public_directory_shows_fields_and_keywords_of_consenting_people_and_nothing_personal() {
		var given = uniqueToken("Aa");
		var nid = RegistryFixtures.nationalId(1975, Sex.MALE);
		var id = ((Profiles.Created) profiles.register(RegistryFixtures.withPhone(RegistryFixtures.withNationalId(
				person("Y", "Bhin", given, Sex.MALE, LocalDate.of(1975, 11, 23)), nid), "0905123456"), "test.hr")).id();
		int version = profiles.addPart(id, 1, vn.trithuc.registry.internal.PartKind.DEGREE, null, null,
				Map.of("level", "THAC_SI", "fieldOfStudy", "62"), "test.hr");
		version = profiles.addPart(id, version, vn.trithuc.registry.internal.PartKind.EXPERTISE, null, null,
				Map.of("field", "64", "keywords", "Cà phê bền vững, tưới nhỏ giọt; cà phê bền vững"), "test.hr");
		profiles.addPart(id, version, vn.trithuc.registry.internal.PartKind.ACADEMIC_TITLE, null, null,
				Map.of("title", "PGS"), "test.hr");
		var anonymous = new WebClientSession(port);
		assertThat(anonymous.get("/directory?q=" + given).body()).as("not listed before consenting")
			.doesNotContain("<th scope=\"row\">Y Bhin " + given);

		selfService.consent(id, "EXPERT_DIRECTORY", true, "test");
		selfService.consent(id, "EVENT_CONTACT", true, "test");
		var page = anonymous.get("/directory?q=" + given);
		assertThat(page.status()).isEqualTo(200);
		var row = expertRow(page.body(), "Y Bhin " + given);
		// fields of study of degrees and expertise by name, keywords one by one (a repeat once), title and degree
		assertThat(row).contains("Nông, lâm nghiệp và thủy sản", "Thú y", "Cà phê bền vững", "tưới nhỏ giọt",
				"Phó giáo sư", "Thạc sĩ");
		assertThat(row.split("Cà phê bền vững", -1)).hasSize(2);
		// the directory purpose publishes expertise only: no ID, birth date or contact (event contact is not public)
		assertThat(page.body()).doesNotContain(nid).doesNotContain("23/11/1975")
			.doesNotContain("0905123456").doesNotContain(id.toString());
		assertThat(page.body()).contains("1 chuyên gia");

		// found by a field's name typed without diacritics, and by a keyword
		assertThat(anonymous.get("/directory?q=thu+y").body()).contains("Y Bhin " + given);
		assertThat(anonymous.get("/directory?q=nong+lam").body()).as("punctuation of the field's name ignored")
			.contains("Nông, lâm nghiệp và thủy sản");
		assertThat(anonymous.get("/directory?q=tuoi+nho+giot").body()).contains("Y Bhin " + given);
		// pages: a page past the end shows the last one
		var far = anonymous.get("/directory?page=100000");
		assertThat(far.status()).isEqualTo(200);
		assertThat(far.body()).contains("class=\"paging\"").doesNotContain("rel=\"next\"");
	}

	/** The table row of the directory naming the person. */
	private static String expertRow(String body, String name) {
		var matcher = java.util.regex.Pattern.compile("<tr class=\"expert\">\\s*<th scope=\"row\">" + java.util.regex.Pattern.quote(name)
				+ "</th>(.*?)</tr>", java.util.regex.Pattern.DOTALL).matcher(body);
		assertThat(matcher.find()).as("a row for " + name).isTrue();
		return matcher.group(1);
	}
}
