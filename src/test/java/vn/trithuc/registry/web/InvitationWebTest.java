package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.MailTestServer;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;

/** Cô Hương receives an invitation, chooses her password and sees her own profile; stale links are refused. */
@IntegrationTest
class InvitationWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;
	@Autowired
	vn.trithuc.identity.UserScopes scopes;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private UUID personWithEmail(String email) {
		var d = person("Ka", "", uniqueToken("Huong"), Sex.FEMALE, LocalDate.of(1991, 7, 2));
		return ((Profiles.Created) profiles.register(new PersonData(d.familyName(), d.middleName(), d.givenName(), null,
				d.sex(), d.birthDate(), null, d.ethnicGroup(), null, null, null, null, null, null, email, null), "test.hr")).id();
	}

	private static WebClientSession.Response invite(WebClientSession officer, UUID person) {
		var page = officer.get("/registry/people/" + person);
		assertThat(page.body()).contains("Mời tạo tài khoản");
		return officer.postForm("/registry/people/" + person + "/invite",
				Map.of("_csrf", WebClientSession.csrfToken(page.body())));
	}

	private static String linkIn(String email) throws Exception {
		var mails = Arrays.stream(MailTestServer.server().getReceivedMessages())
			.filter(m -> recipient(m).equalsIgnoreCase(email)).toList();
		assertThat(mails).isNotEmpty();
		var last = mails.get(mails.size() - 1);
		assertThat(last.getSubject()).isEqualTo("Mời tạo tài khoản TriThức");
		var matcher = Pattern.compile("https?://[^\\s]+/invitation/([A-Za-z0-9_-]+)").matcher(last.getContent().toString());
		assertThat(matcher.find()).isTrue();
		return "/invitation/" + matcher.group(1);
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static WebClientSession.Response choose(WebClientSession visitor, String link, String password, String again) {
		var page = visitor.get("/login"); // the session's CSRF token (a used or expired link shows no form)
		return visitor.postForm(link, Map.of("password", password, "confirmation", again, "_csrf",
				WebClientSession.csrfToken(page.body())));
	}

	@Test
	void an_invited_person_opens_an_account_with_a_password_of_the_policy_and_sees_their_own_profile() throws Exception {
		var email = "huong." + run + "@truong.edu.vn";
		var id = personWithEmail(email);
		var officer = TestAccounts.loggedIn(port, administration, "invite.officer", Role.HR_OFFICER);
		assertThat(invite(officer, id).status()).isEqualTo(302);
		assertThat(officer.get("/registry/people/" + id).body()).contains("Thư mời đã gửi tới " + email);
		var link = linkIn(email);

		var visitor = new WebClientSession(port);
		var form = visitor.get(link);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Tạo tài khoản từ thư mời").contains(email);
		assertThat(choose(visitor, link, "Mật-khẩu-2026!", "Mật-khẩu-2027!").body())
			.contains("Hai lần nhập mật khẩu không giống nhau.");
		var weak = choose(visitor, link, "abc", "abc");
		assertThat(weak.body()).contains("Mật khẩu phải có ít nhất 10 ký tự");
		assertThat(administration.findByUsername(email)).as("nothing created for a refused password").isEmpty();

		var opened = choose(visitor, link, "Cô-Hương-2026", "Cô-Hương-2026");
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.body()).contains("Đã tạo tài khoản.");
		var account = administration.findByUsername(email).orElseThrow();
		assertThat(account.roles()).containsExactly(Role.INTELLECTUAL);
		assertThat(profiles.find(id, RegistryFixtures.hr()).orElseThrow().data().userAccount()).isEqualTo(email);

		var huong = new WebClientSession(port);
		var login = huong.login(email, "Cô-Hương-2026");
		assertThat(login.header("Location")).doesNotContain("error");
		var me = huong.get("/registry/me");
		assertThat(me.status()).isEqualTo(302);
		assertThat(me.header("Location")).endsWith("/registry/people/" + id);
		assertThat(huong.get("/registry/people/" + id).body()).as("she sees who viewed her profile, with the role in words")
			.contains("invite.officer").contains("Cán bộ Nội vụ");

		var again = new WebClientSession(port).get(link);
		assertThat(again.body()).contains("Đường dẫn này đã được dùng để tạo tài khoản.").doesNotContain("name=\"password\"");
		assertThat(choose(new WebClientSession(port), link, "Khác-hẳn-2026", "Khác-hẳn-2026").body())
			.contains("đã được dùng");
	}

	@Test
	void a_new_invitation_replaces_the_old_link_and_an_expired_or_forged_link_is_refused() throws Exception {
		var email = "mai." + run + "@benhvien.vn";
		var id = personWithEmail(email);
		var officer = TestAccounts.loggedIn(port, administration, "invite.officer", Role.HR_OFFICER);
		invite(officer, id);
		var first = linkIn(email);
		invite(officer, id);
		var second = linkIn(email);
		assertThat(second).isNotEqualTo(first);
		var visitor = new WebClientSession(port);
		assertThat(visitor.get(first).body()).contains("đã được thay bằng một thư mời mới hơn");
		assertThat(visitor.get(second).body()).contains("name=\"password\"");

		jdbc.sql("update registry.invitation set expires_at = now() - interval '1 minute' where person_id = :p and status = 'OPEN'")
			.param("p", id).update();
		assertThat(visitor.get(second).body()).contains("Đường dẫn mời đã hết hạn.");
		assertThat(choose(visitor, second, "Cô-Mai-2026!", "Cô-Mai-2026!").body()).contains("hết hạn");
		assertThat(administration.findByUsername(email)).isEmpty();

		assertThat(visitor.get("/invitation/" + "x".repeat(43)).body()).contains("Đường dẫn mời không đúng.");
		assertThat(visitor.get("/invitation/..%2F..%2Fetc").status()).isLessThan(500);
	}

	@Test
	void a_person_without_an_e_mail_address_is_not_invited() {
		var id = personWithEmail(null);
		var officer = TestAccounts.loggedIn(port, administration, "invite.officer", Role.HR_OFFICER);
		invite(officer, id);
		assertThat(officer.get("/registry/people/" + id).body()).contains("Hồ sơ chưa có địa chỉ thư điện tử.");
	}

	@Test
	void a_unit_officer_neither_invites_nor_links_an_account_for_it_would_see_what_he_sees_masked() {
		var unit = RegistryFixtures.orgUnit(operations, "Trường mời " + run);
		var id = personWithEmail("unit." + run + "@truong.edu.vn");
		profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2020, 9, 1), null,
				Map.of("orgUnit", unit.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		var username = TestAccounts.scoped(administration, scopes, "invite.unit." + run, unit, Role.UNIT_OFFICER);
		var officer = TestAccounts.loggedIn(port, administration, username, Role.UNIT_OFFICER);
		var account = TestAccounts.ready(administration, "invite.linked." + run, Role.INTELLECTUAL);

		var page = officer.get("/registry/people/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("Mời tạo tài khoản");
		assertThat(officer.postForm("/registry/people/" + id + "/invite",
				Map.of("_csrf", WebClientSession.csrfToken(page.body()))).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from registry.invitation where person_id = :p").param("p", id)
			.query(Long.class).single()).isZero();

		// the forms do not offer the account field, and one added to the request is not taken
		var edit = officer.get("/registry/people/" + id + "/edit").body();
		assertThat(edit).doesNotContain("name=\"userAccount\"");
		var fields = new java.util.HashMap<>(Map.of("_csrf", WebClientSession.csrfToken(edit), "version", "2",
				"familyName", "Ka", "givenName", profiles.find(id, RegistryFixtures.hr()).orElseThrow().data().givenName(),
				"sex", "FEMALE", "birth", "02/07/1991", "ethnicGroup", "01", "phone", "0912345678", "userAccount", account));
		assertThat(officer.postForm("/registry/people/" + id + "/edit", fields).status()).isEqualTo(302);
		var saved = profiles.find(id, RegistryFixtures.hr()).orElseThrow().data();
		assertThat(saved.phone()).isEqualTo("0912345678");
		assertThat(saved.userAccount()).isNull();

		var form = officer.get("/registry/people/new").body();
		assertThat(form).doesNotContain("name=\"userAccount\"");
		var created = officer.postForm("/registry/people/new", Map.of("_csrf", WebClientSession.csrfToken(form),
				"version", "0", "familyName", "Ka", "givenName", uniqueToken("Moi"), "sex", "MALE", "birth", "03/04/1990",
				"orgUnit", unit.toString(), "userAccount", account));
		assertThat(created.status()).isEqualTo(302);
		var newId = UUID.fromString(created.header("Location").replaceAll(".*/registry/people/", ""));
		assertThat(profiles.find(newId, RegistryFixtures.hr()).orElseThrow().data().userAccount()).isNull();
		assertThat(profiles.ownProfile(account)).isEmpty();
	}
}
