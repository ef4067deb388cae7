package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;
import static vn.trithuc.registry.internal.RegistryFixtures.withAccount;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.WebClientSession.FilePart;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.EvidenceFilePolicy;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.SelfService;

/** Cô Hương attaches the scan of her diploma; the officer sees and downloads it; bad files are refused whole. */
@IntegrationTest
class EvidenceFilesWebTest {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

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

	private UUID intellectual(String username) {
		return ((Profiles.Created) profiles.register(withAccount(person("Ka", "", uniqueToken("Huong"), Sex.FEMALE,
				LocalDate.of(1990, 4, 12)), username), "test.hr")).id();
	}

	private static WebClientSession.Response propose(WebClientSession session, Map<String, String> fields,
			List<FilePart> files) {
		var form = session.get("/registry/me/requests/new?kind=" + fields.get("kind"));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).as("no CSRF token in the form action (it would leak into logs)").doesNotContain("_csrf=");
		var withToken = new LinkedHashMap<String, String>();
		withToken.put("_csrf", WebClientSession.csrfToken(form.body()));
		withToken.putAll(fields);
		return session.postMultipart("/registry/me/requests/new", withToken, files);
	}

	private static Map<String, String> degree() {
		var fields = new LinkedHashMap<String, String>();
		fields.put("kind", "DEGREE");
		fields.put("validFrom", "15/06/2024");
		fields.put("level", "THAC_SI");
		fields.put("fieldOfStudy", "14");
		fields.put("institution", "Trường Đại học Đà Lạt");
		return fields;
	}

	@Test
	void a_diploma_scan_travels_with_the_request_to_the_officer_with_a_safe_name_and_stays_private() {
		var username = "evidence.huong." + run;
		var id = intellectual(username);
		var huong = TestAccounts.loggedIn(port, administration, username, Role.INTELLECTUAL);
		var sent = propose(huong, degree(), List.of(new FilePart("evidence", "../../etc/Bằng thạc sĩ.pdf", PDF),
				new FilePart("evidence", "C:\\Users\\huong\\ảnh<script>.exe.png", PNG),
				new FilePart("evidence", "Quyết định.pdf", Arrays.copyOf(PDF, 1229))));
		assertThat(sent.status()).isEqualTo(302);

		var request = selfService.ofPerson(id).get(0);
		assertThat(request.files()).extracting(SelfService.EvidenceFile::name)
			.containsExactly("Bằng thạc sĩ.pdf", "ảnhscript.exe.png", "Quyết định.pdf");
		assertThat(request.files()).extracting(SelfService.EvidenceFile::contentType)
			.containsExactly("application/pdf", "image/png", "application/pdf");

		var officer = TestAccounts.loggedIn(port, administration, "evidence.officer", Role.HR_OFFICER);
		var list = officer.get("/registry/requests");
		assertThat(list.body()).contains("Bằng thạc sĩ.pdf").contains("Thêm mới");
		// sizes as people read them: bytes for a small file (not "0 KB"), one decimal with a comma above 1 KB
		assertThat(list.body()).containsPattern("Bằng thạc sĩ\\.pdf</a>\\s*<span class=\"text-muted\">\\(" + PDF.length + " byte\\)</span>")
			.containsPattern("ảnhscript\\.exe\\.png</a>\\s*<span class=\"text-muted\">\\(16 byte\\)</span>")
			.containsPattern("Quyết định\\.pdf</a>\\s*<span class=\"text-muted\">\\(1,2 KB\\)</span>")
			.doesNotContain("(0 KB)").doesNotContain("(0,0 KB)");
		var pdf = "/registry/requests/" + request.id() + "/files/" + request.files().get(0).id();
		var download = officer.get(pdf);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("application/pdf");
		assertThat(download.header("Content-Disposition")).startsWith("attachment");
		assertThat(officer.getBytes(pdf)).isEqualTo(PDF);
		assertThat(huong.getBytes(pdf)).as("the person downloads their own evidence").isEqualTo(PDF);

		var otherName = "evidence.other." + run;
		intellectual(otherName);
		var other = TestAccounts.loggedIn(port, administration, otherName, Role.INTELLECTUAL);
		assertThat(other.get(pdf).status()).as("another intellectual").isEqualTo(404);
		assertThat(officer.get("/registry/requests/" + request.id() + "/files/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void a_text_file_named_pdf_or_a_file_over_the_limit_refuses_the_whole_request_with_a_vietnamese_message() {
		var username = "evidence.bad." + run;
		var id = intellectual(username);
		var session = TestAccounts.loggedIn(port, administration, username, Role.INTELLECTUAL);

		var fake = propose(session, degree(), List.of(new FilePart("evidence", "bang.pdf", PDF),
				new FilePart("evidence", "bang-that.pdf", "<html>không phải PDF</html>".getBytes(StandardCharsets.UTF_8))));
		assertThat(fake.status()).isEqualTo(200);
		assertThat(fake.body()).contains("Tệp “bang-that.pdf” không phải PDF, JPG hay PNG").contains("selected=\"selected\">Thạc sĩ");

		var big = Arrays.copyOf(PDF, EvidenceFilePolicy.MAX_BYTES + 1);
		var tooLarge = propose(session, degree(), List.of(new FilePart("evidence", "to.pdf", big)));
		assertThat(tooLarge.status()).isEqualTo(200);
		assertThat(tooLarge.body()).contains("Tệp “to.pdf” lớn hơn 5 MB");

		assertThat(selfService.ofPerson(id)).as("nothing half-stored").isEmpty();
		assertThat(jdbc.sql("""
				select count(*) from registry.change_request_file f join registry.change_request r on r.id = f.request_id
				where r.person_id = :p""").param("p", id).query(Long.class).single()).isZero();
	}

	@Test
	void the_officer_sees_what_a_contact_change_replaces() {
		var username = "evidence.contact." + run;
		var id = intellectual(username);
		var session = TestAccounts.loggedIn(port, administration, username, Role.INTELLECTUAL);
		var fields = new LinkedHashMap<String, String>();
		fields.put("kind", "CONTACT");
		fields.put("phone", "0912345678");
		fields.put("email", "huong." + run + "@example.org");
		assertThat(propose(session, fields, List.of()).status()).isEqualTo(302);
		var officer = TestAccounts.loggedIn(port, administration, "evidence.officer", Role.HR_OFFICER);
		var body = officer.get("/registry/requests").body();
		assertThat(body).contains("<ins>huong." + run + "@example.org</ins>").contains("<del>—</del>");
		assertThat(selfService.ofPerson(id).get(0).files()).isEmpty();
	}
}
