package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

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
import vn.trithuc.registry.internal.SelfService;

/**
 * The "contact for events" consent has a consumer: an officer's event invitation reaches only the people who agreed
 * to be contacted; the others are shown as not consenting and get nothing; a withdrawal between the preview and the
 * sending takes effect at once; statutory HR data (the contact details on the profile) stays.
 */
@IntegrationTest
class EventInvitationsWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	SelfService selfService;
	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private UUID expert(String given, String email, String keyword, String username) {
		var d = person("Ka", "Văn", uniqueToken(given), Sex.MALE, LocalDate.of(1984, 5, 1));
		var id = ((Profiles.Created) profiles.register(new PersonData(d.familyName(), d.middleName(), d.givenName(), null,
				d.sex(), d.birthDate(), null, d.ethnicGroup(), null, null, null, null, null, "0912000" + given.length() + "11",
				email, username), "test.hr")).id();
		profiles.addPart(id, 1, PartKind.EXPERTISE, null, null, Map.of("keywords", "cà phê " + keyword), "test.hr");
		return id;
	}

	private long mailsTo(String email) {
		return Arrays.stream(MailTestServer.server().getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(email))
			.count();
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void only_people_who_agreed_are_invited_and_a_withdrawal_takes_effect_at_once() throws Exception {
		var keyword = uniqueToken("sukien");
		var agreed = "an." + run + "@vien.vn";
		var never = "binh." + run + "@vien.vn";
		var withdrawing = "cuong." + run + "@vien.vn";
		var an = expert("An", agreed, keyword, null);
		var binh = expert("Binh", never, keyword, null);
		var cuongAccount = "event.cuong." + run;
		var cuong = expert("Cuong", withdrawing, keyword, cuongAccount);
		var dung = expert("Dung", null, keyword, null);
		selfService.consent(an, "EVENT_CONTACT", true, "an");
		selfService.consent(cuong, "EVENT_CONTACT", true, cuongAccount);
		selfService.consent(dung, "EVENT_CONTACT", true, "dung");
		selfService.consent(binh, "EXPERT_DIRECTORY", true, "binh"); // another purpose does not count

		var officer = TestAccounts.loggedIn(port, administration, "event.hr", Role.HR_OFFICER);
		var preview = officer.get("/registry/event-invitations?q=" + keyword);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("Tìm thấy 4 người; 2 người đồng ý được liên hệ").contains(agreed, withdrawing)
			.doesNotContain(never).contains("Không đồng ý liên hệ").contains("Chưa có thư điện tử")
			.contains("Gửi thư mời (2 người)");

		// Cường withdraws from his own profile page while the officer looks at the list
		var cuongSession = TestAccounts.loggedIn(port, administration, cuongAccount, Role.INTELLECTUAL);
		var profilePage = cuongSession.get("/registry/me");
		var own = cuongSession.get(profilePage.header("Location").replaceFirst("^https?://[^/]+", ""));
		var withdrawn = cuongSession.postForm("/registry/me/consents", Map.of("purpose", "EVENT_CONTACT", "granted", "false",
				"_csrf", WebClientSession.csrfToken(own.body())));
		assertThat(withdrawn.status()).isEqualTo(302);
		assertThat(jdbc.sql("select granted, actor from registry.consent where person_id = :p and purpose = 'EVENT_CONTACT' order by id")
			.param("p", cuong).query((rs, n) -> rs.getBoolean(1) + " " + rs.getString(2)).list())
			.as("the withdrawal is logged with who").containsExactly("true " + cuongAccount, "false " + cuongAccount);

		long before = Arrays.stream(MailTestServer.server().getReceivedMessages()).count();
		var sent = officer.postForm("/registry/event-invitations", Map.of("q", keyword, "title",
				"Hội thảo phát triển cà phê bền vững " + run, "details", "8 giờ ngày 15/12/2026 tại Hội trường UBND xã Đam Rông 1",
				"_csrf", WebClientSession.csrfToken(preview.body())));
		assertThat(sent.status()).isEqualTo(302);
		var result = officer.get(sent.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(result.body()).contains("Đã gửi thư mời tới 1 người. Không liên hệ 2 người không đồng ý và 1 người chưa có thư điện tử");

		assertThat(mailsTo(agreed)).isEqualTo(1);
		assertThat(mailsTo(never)).isZero();
		assertThat(mailsTo(withdrawing)).as("withdrawn a moment before the sending").isZero();
		assertThat(Arrays.stream(MailTestServer.server().getReceivedMessages()).count() - before).isEqualTo(1);
		var mail = Arrays.stream(MailTestServer.server().getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(agreed))
			.findFirst().orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("Thư mời: Hội thảo phát triển cà phê bền vững " + run);
		assertThat(mail.getContent().toString()).contains("Hội trường UBND xã Đam Rông 1");

		var invitation = jdbc.sql("select id from registry.event_invitation where title like :t").param("t", "%" + run)
			.query(UUID.class).single();
		assertThat(jdbc.sql("select person_id, outcome from registry.event_invitation_recipient where invitation_id = :i")
			.param("i", invitation).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list())
			.containsExactlyInAnyOrder(Map.entry(an, "SENT"), Map.entry(binh, "NO_CONSENT"), Map.entry(cuong, "NO_CONSENT"),
					Map.entry(dung, "NO_EMAIL"));

		// statutory HR data stays: the officer still sees the contact details on the profiles
		assertThat(officer.get("/registry/people/" + cuong).body()).contains(withdrawing);
		assertThat(officer.get("/registry/people/" + binh).body()).contains(never);
	}

	@Test
	void without_a_title_nothing_is_sent_or_stored_and_a_unit_officer_without_scope_finds_nobody() {
		var keyword = uniqueToken("sukien");
		var email = "em." + run + "@vien.vn";
		var em = expert("Em", email, keyword, null);
		selfService.consent(em, "EVENT_CONTACT", true, "em");
		var officer = TestAccounts.loggedIn(port, administration, "event.hr", Role.HR_OFFICER);
		var page = officer.get("/registry/event-invitations?q=" + keyword);
		var refused = officer.postForm("/registry/event-invitations", Map.of("q", keyword, "title", "  ",
				"_csrf", WebClientSession.csrfToken(page.body())));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(officer.get(refused.header("Location").replaceFirst("^https?://[^/]+", "")).body())
			.contains("Vui lòng nhập tên sự kiện.");
		assertThat(mailsTo(email)).isZero();
		assertThat(jdbc.sql("select count(*) from registry.event_invitation where query = :q").param("q", keyword)
			.query(Long.class).single()).isZero();

		var unitOfficer = TestAccounts.loggedIn(port, administration, "event.unit." + run, Role.UNIT_OFFICER);
		var none = unitOfficer.get("/registry/event-invitations?q=" + keyword);
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.body()).contains("Không tìm thấy trí thức nào phù hợp trong phạm vi của bạn.").doesNotContain(email);
		var leader = TestAccounts.loggedIn(port, administration, "event.leader", Role.LEADER);
		assertThat(leader.get("/registry/event-invitations?q=" + keyword).status()).isEqualTo(403);
	}
}
