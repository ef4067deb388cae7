package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.trithuc.registry.internal.RegistryFixtures.nationalId;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;
import static vn.trithuc.registry.internal.RegistryFixtures.withAccount;
import static vn.trithuc.registry.internal.RegistryFixtures.withNationalId;
import static vn.trithuc.registry.internal.RegistryFixtures.withPhone;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;


import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/** The registry over real HTTP sessions: view log, masking, concurrent edits, export. */
@IntegrationTest
class RegistryWebTest {

	@LocalServerPort
	int port;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	WebApplicationContext context;

	private UUID create(PersonData data) {
		return ((Profiles.Created) profiles.register(data, "test.hr")).id();
	}

	@Test
	void a_view_by_an_officer_is_logged_and_the_person_sees_who_viewed_the_profile() {
		var nid = nationalId(1987, Sex.FEMALE);
		var id = create(withAccount(withNationalId(person("K'", "", uniqueToken("Huong"), Sex.FEMALE,
				LocalDate.of(1987, 3, 8)), nid), "web.intellectual"));
		var officer = TestAccounts.loggedIn(port, administration, "web.hr", Role.HR_OFFICER);
		assertThat(officer.get("/registry/people/" + id).status()).isEqualTo(200);

		var person = TestAccounts.loggedIn(port, administration, "web.intellectual", Role.INTELLECTUAL);
		var me = person.get("/registry/me");
		assertThat(me.status()).isEqualTo(302);
		assertThat(me.header("Location")).endsWith("/registry/people/" + id);
		var own = person.get("/registry/people/" + id);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("Những người đã xem hồ sơ").contains("web.hr").contains(nid);
		// the person's own views are not logged
		assertThat(profiles.viewers(id, 10)).extracting(Profiles.ViewEntry::viewer).containsExactly("web.hr");
		// and nobody else's profile is reachable
		var other = create(person("Lê", "Văn", uniqueToken("Khac"), Sex.MALE, LocalDate.of(1970, 1, 1)));
		assertThat(person.get("/registry/people/" + other).status()).isEqualTo(404);
		assertThat(person.get("/api/v1/registry/people/" + other).status()).isEqualTo(404);
	}

	@Test
	void the_edit_form_the_change_history_and_the_api_are_views_of_the_profile_and_logged() {
		var id = create(withAccount(person("Y", "", uniqueToken("Xem"), Sex.FEMALE, LocalDate.of(1991, 4, 5)),
				"web.intellectual.viewed"));
		var officer = TestAccounts.loggedIn(port, administration, "web.hr.viewer", Role.HR_OFFICER);
		for (var path : List.of("/registry/people/" + id + "/edit", "/registry/people/" + id + "/history",
				"/api/v1/registry/people/" + id)) {
			assertThat(officer.get(path).status()).as(path).isEqualTo(200);
		}
		assertThat(profiles.viewers(id, 10)).extracting(Profiles.ViewEntry::viewer).containsExactly("web.hr.viewer",
				"web.hr.viewer", "web.hr.viewer");
		var person = TestAccounts.loggedIn(port, administration, "web.intellectual.viewed", Role.INTELLECTUAL);
		assertThat(person.get("/registry/people/" + id).body()).contains("Những người đã xem hồ sơ")
			.contains("Tài khoản kiểm thử web.hr.viewer");
	}

	@Test
	void a_leader_sees_the_national_id_masked_and_no_party_membership() {
		var nid = nationalId(1969, Sex.MALE);
		var id = create(withNationalId(person("Trương", "Công", uniqueToken("Mask"), Sex.MALE, LocalDate.of(1969, 9, 2)), nid));
		profiles.addPart(id, 1, vn.trithuc.registry.internal.PartKind.PARTY_MEMBERSHIP, LocalDate.of(1995, 5, 19), null,
				Map.of("joinDate", "19/05/1995"), "test.hr");
		var leader = TestAccounts.loggedIn(port, administration, "web.leader", Role.LEADER);
		var page = leader.get("/registry/people/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain(nid).contains("********" + nid.substring(8))
			.doesNotContain("Ngày kết nạp").doesNotContain("19/05/1995")
			.as("the birth year only, as in lists").doesNotContain("02/09/1969").contains("<dd>1969</dd>");
		var api = leader.get("/api/v1/registry/people/" + id, "Accept", "application/json");
		assertThat(api.body()).doesNotContain(nid).contains("********" + nid.substring(8)).doesNotContain("PARTY_MEMBERSHIP")
			.contains("\"partyMember\":null").contains("\"birthDate\":null", "\"birthYear\":1969");
		// leaders read, they do not edit
		assertThat(leader.get("/registry/people/" + id + "/edit").status()).isEqualTo(403);

		var hr = TestAccounts.loggedIn(port, administration, "web.hr", Role.HR_OFFICER);
		assertThat(hr.get("/registry/people/" + id).body()).contains(nid).contains("Ngày kết nạp").contains("02/09/1969");
	}

	@Test
	void a_caller_who_sees_national_ids_masked_finds_nobody_by_the_full_number() {
		var nid = nationalId(1975, Sex.FEMALE);
		var oldId = String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
		var given = uniqueToken("Cccd");
		var d = withNationalId(person("Hồ", "Thị", given, Sex.FEMALE, LocalDate.of(1975, 6, 1)), nid);
		create(new PersonData(d.familyName(), d.middleName(), d.givenName(), null, d.sex(), d.birthDate(), null,
				d.ethnicGroup(), null, nid, oldId, null, null, null, null, null));
		var leader = TestAccounts.loggedIn(port, administration, "web.leader", Role.LEADER);
		// by name she is found, her ID masked: the full number must not confirm which one it is
		assertThat(leader.get("/registry/people?q=" + given).body()).contains("Tìm thấy 1 người")
			.contains("********" + nid.substring(8));
		for (var number : List.of(nid, oldId)) {
			var page = leader.get("/registry/people?q=" + number);
			assertThat(page.body()).contains("Tìm thấy 0 người").doesNotContain(given)
				.contains("Bạn chỉ được xem số định danh cá nhân và số CMND đã che bớt");
			assertThat(leader.get("/api/v1/registry/people?q=" + number, "Accept", "application/json").body())
				.contains("\"total\":0").doesNotContain(given);
			assertThat(leader.get("/registry/people/export.csv?q=" + number).body()).doesNotContain(given);
		}
		assertThat(leader.get("/registry/people").body()).contains("Tìm theo họ tên (gõ có dấu hay không dấu đều được)")
			.doesNotContain("hoặc số định danh cá nhân");

		var hr = TestAccounts.loggedIn(port, administration, "web.hr", Role.HR_OFFICER);
		assertThat(hr.get("/registry/people?q=" + nid).body()).contains("Tìm thấy 1 người").contains(given);
		assertThat(hr.get("/registry/people?q=" + oldId).body()).contains("Tìm thấy 1 người").contains(given);
	}

	@Test
	void the_second_of_two_editors_gets_a_vietnamese_conflict_message_and_sees_what_changed() {
		var data = person("Đinh", "Thị", uniqueToken("Sua"), Sex.FEMALE, LocalDate.of(1983, 12, 1));
		var id = create(data);
		var first = TestAccounts.loggedIn(port, administration, "web.editor1", Role.HR_OFFICER);
		var second = TestAccounts.loggedIn(port, administration, "web.editor2", Role.HR_OFFICER);
		var firstForm = first.get("/registry/people/" + id + "/edit").body();
		var secondForm = second.get("/registry/people/" + id + "/edit").body();

		assertThat(first.postForm("/registry/people/" + id + "/edit", form(data, "0911111111", firstForm)).status()).isEqualTo(302);
		var conflict = second.postForm("/registry/people/" + id + "/edit", form(data, "0922222222", secondForm));
		assertThat(conflict.status()).isEqualTo(200);
		assertThat(conflict.body()).contains("Hồ sơ này vừa được người khác sửa").contains("web.editor1")
			.contains("0911111111").contains("0922222222");
		assertThat(profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().data().phone())
			.isEqualTo("0911111111");
	}

	@Test
	void a_tampered_version_on_the_edit_form_is_a_bad_request_and_changes_nothing() {
		var data = person("Đinh", "Văn", uniqueToken("Gia"), Sex.MALE, LocalDate.of(1980, 2, 3));
		var id = create(data);
		var editor = TestAccounts.loggedIn(port, administration, "web.editor3", Role.HR_OFFICER);
		var fields = form(data, "0933333333", editor.get("/registry/people/" + id + "/edit").body());
		fields.put("version", "not-a-number");
		var response = editor.postForm("/registry/people/" + id + "/edit", fields);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at vn.trithuc");
		assertThat(profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().data().phone())
			.isNotEqualTo("0933333333");
	}

	@Test
	void the_edit_form_refuses_a_bad_phone_an_impossible_day_and_a_bad_email_beside_the_fields() {
		var data = person("Phan", "Thị", uniqueToken("Sai"), Sex.FEMALE, LocalDate.of(1979, 6, 15));
		var id = create(data);
		var editor = TestAccounts.loggedIn(port, administration, "web.editor4", Role.HR_OFFICER);
		var fields = form(data, "abc", editor.get("/registry/people/" + id + "/edit").body());
		fields.put("email", "notanemail");
		var refused = editor.postForm("/registry/people/" + id + "/edit", fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Số điện thoại «abc» không hợp lệ").contains("Thư điện tử «notanemail» không hợp lệ")
			.contains("is-invalid");
		var stored = profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().data();
		assertThat(stored.phone()).isNull();
		assertThat(stored.email()).isNull();

		// too few digits, and a day that is written right but does not exist
		fields = form(data, "0912 34", editor.get("/registry/people/" + id + "/edit").body());
		fields.put("birth", "31/02/1990");
		var impossible = editor.postForm("/registry/people/" + id + "/edit", fields);
		assertThat(impossible.status()).isEqualTo(200);
		assertThat(impossible.body()).contains("Số điện thoại «0912 34» phải có từ 8 đến 15 chữ số (đang có 6).")
			.contains("Ngày 31/02/1990 không có trên lịch: tháng 02/1990 chỉ có 28 ngày.")
			.doesNotContain("Ngày sinh nhập theo dạng dd/MM/yyyy");

		// the usual ways of writing a number and an address are kept as typed
		fields = form(data, "+84 (24) 3825.1234", editor.get("/registry/people/" + id + "/edit").body());
		fields.put("email", "phan.thi@so-noivu.gov.vn");
		assertThat(editor.postForm("/registry/people/" + id + "/edit", fields).status()).isEqualTo(302);
		stored = profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().data();
		assertThat(stored.phone()).isEqualTo("+84 (24) 3825.1234");
		assertThat(stored.email()).isEqualTo("phan.thi@so-noivu.gov.vn");
	}

	@Test
	void the_new_person_form_marks_the_required_fields() {
		var officer = TestAccounts.loggedIn(port, administration, "web.hr.new", Role.HR_OFFICER);
		var page = officer.get("/registry/people/new").body();
		assertThat(page).containsPattern("<label class=\"form-label required\" for=\"familyName\"")
			.containsPattern("<label class=\"form-label required\" for=\"givenName\"")
			.containsPattern("<label class=\"form-label required\" for=\"sex\"")
			.containsPattern("<label class=\"form-label\" for=\"middleName\"")
			.contains("Thông tin bắt buộc.");
	}

	@Test
	void a_party_membership_made_official_before_admission_is_refused() {
		var id = create(person("Vũ", "Đức", uniqueToken("Dang"), Sex.MALE, LocalDate.of(1975, 1, 9)));
		var officer = TestAccounts.loggedIn(port, administration, "web.hr.party", Role.HR_OFFICER);
		var page = officer.get("/registry/people/" + id + "/parts/new?kind=PARTY_MEMBERSHIP").body();
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", WebClientSession.csrfToken(page));
		fields.put("kind", "PARTY_MEMBERSHIP");
		fields.put("version", "1");
		fields.put("validFrom", "03/02/2001");
		fields.put("joinDate", "03/02/2001");
		fields.put("officialDate", "03/02/2000");
		var refused = officer.postForm("/registry/people/" + id + "/parts/new", fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Ngày chính thức không thể trước ngày kết nạp.");
		assertThat(profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().parts()).isEmpty();

		fields.put("officialDate", "31/04/2002");
		assertThat(officer.postForm("/registry/people/" + id + "/parts/new", fields).body())
			.contains("Ngày 31/04/2002 không có trên lịch: tháng 04/2002 chỉ có 30 ngày.");

		fields.put("officialDate", "03/02/2002");
		assertThat(officer.postForm("/registry/people/" + id + "/parts/new", fields).status()).isEqualTo(302);
		assertThat(profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().parts()).hasSize(1);
	}

	@Test
	void a_date_that_cannot_be_read_is_told_beside_its_field_and_nothing_is_stored() {
		var id = create(person("Đinh", "Văn", uniqueToken("Ngay"), Sex.MALE, LocalDate.of(1980, 4, 1)));
		var officer = TestAccounts.loggedIn(port, administration, "web.hr.dates", Role.HR_OFFICER);
		var impossible = officer.get("/registry/people/" + id + "?asOf=31/02/2025");
		assertThat(impossible.status()).isEqualTo(200);
		assertThat(impossible.body()).contains("id=\"asOf-hint\" class=\"invalid-feedback\"",
				"Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.", "value=\"31/02/2025\"");
		var iso = officer.get("/registry/people/" + id + "?asOf=2025-02-03");
		assertThat(iso.status()).isEqualTo(200);
		assertThat(iso.body()).contains("Ngày «2025-02-03» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.");

		var page = officer.get("/registry/people/" + id + "/parts/new?kind=PARTY_MEMBERSHIP").body();
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", WebClientSession.csrfToken(page));
		fields.put("kind", "PARTY_MEMBERSHIP");
		fields.put("version", "1");
		fields.put("validFrom", "abc");
		fields.put("joinDate", "03/02/2001");
		var refused = officer.postForm("/registry/people/" + id + "/parts/new", fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Ngày «abc» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.");
		assertThat(profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().parts()).isEmpty();
	}

	@Test
	void a_page_past_the_end_of_the_list_goes_to_the_last_page() {
		var tag = uniqueToken("Trang");
		for (int i = 0; i < 3; i++) {
			create(person("Hà", tag, "Minh" + (char) ('A' + i), Sex.MALE, LocalDate.of(1980 + i, 1, 1)));
		}
		var officer = TestAccounts.loggedIn(port, administration, "web.hr.paging", Role.HR_OFFICER);
		var past = officer.get("/registry/people?q=" + tag + "&page=500");
		assertThat(past.status()).isEqualTo(302);
		assertThat(past.header("Location")).contains("q=" + tag).doesNotContain("page=500");
		var last = officer.get(past.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(last.status()).isEqualTo(200);
		assertThat(last.body()).contains("Tìm thấy 3 người").doesNotContain("Không có trí thức nào khớp");
		// everything beyond the first page of the whole list lands on its last page
		var all = officer.get("/registry/people?page=100000");
		assertThat(all.status()).isEqualTo(302);
		var lastOfAll = officer.get(all.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(lastOfAll.body()).containsPattern("Trang ([0-9.]+)/\\1 ");
	}

	/**
	 * 22 people born a year apart: a header sorts by birth (aria-sort, arrow link reversing it); the page links, the
	 * facet links, the search form and the export dialog keep the order; the second page goes on in it; the CSV export
	 * and the API list in it; an order the list does not know shows the default one.
	 */
	@Test
	void a_header_sorts_the_list_and_pages_facets_exports_and_the_api_keep_the_order() {
		var tag = uniqueToken("Sapxep");
		var oldestFirst = new ArrayList<String>();
		for (int i = 0; i < 22; i++) {
			// given names against the birth order: sorted by name the list would be the other way round
			var given = "Minh" + (char) ('Z' - i);
			create(person("Hà", tag, given, i % 2 == 0 ? Sex.MALE : Sex.FEMALE, LocalDate.of(1960 + i, 3, 1)));
			oldestFirst.add("Hà " + tag + " " + given);
		}
		var youngestFirst = new ArrayList<>(oldestFirst);
		java.util.Collections.reverse(youngestFirst);
		var officer = TestAccounts.loggedIn(port, administration, "web.hr.sort", Role.HR_OFFICER);
		var q = "q=" + tag;

		// a name query without an order asked for: by name (MinhE … MinhZ: the youngest first), no header marked
		var relevance = officer.get("/registry/people?" + q).body();
		assertThat(names(relevance)).containsExactlyElementsOf(youngestFirst.subList(0, 20));
		assertThat(relevance).doesNotContain("aria-sort=").contains("href=\"/registry/people?q=" + tag + "&amp;sort=birth\"");

		var oldest = officer.get("/registry/people?" + q + "&sort=birth").body();
		assertThat(names(oldest)).containsExactlyElementsOf(oldestFirst.subList(0, 20));
		assertThat(oldest).containsPattern("aria-sort=\"ascending\"><a\\s+href=\"/registry/people\\?q=" + tag + "&amp;sort=birth,desc\"")
			.contains("href=\"/registry/people?q=" + tag + "&amp;sort=birth&amp;page=1\"", "Trang 1/2 · 22 kết quả")
			.contains("href=\"/registry/people?q=" + tag + "&amp;sex=MALE&amp;sort=birth\"")
			.contains("<input type=\"hidden\" name=\"sort\" value=\"birth\">");
		var second = officer.get("/registry/people?" + q + "&sort=birth&page=1").body();
		assertThat(names(second)).containsExactlyElementsOf(oldestFirst.subList(20, 22));
		assertThat(second).contains("aria-current=\"page\">2</a>");

		var youngest = officer.get("/registry/people?" + q + "&sort=birth,desc").body();
		assertThat(names(youngest)).containsExactlyElementsOf(youngestFirst.subList(0, 20));
		assertThat(youngest).containsPattern("aria-sort=\"descending\"><a\\s+href=\"/registry/people\\?q=" + tag + "&amp;sort=birth\"");
		assertThat(names(officer.get("/registry/people?" + q + "&sort=birth,desc&sex=MALE").body()))
			.containsExactlyElementsOf(youngestFirst.stream().filter(n -> oldestFirst.indexOf(n) % 2 == 0).toList());

		// an order the list does not know: the default one, no error
		var unknown = officer.get("/registry/people?" + q + "&sort=salary,desc");
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(names(unknown.body())).isEqualTo(names(relevance));

		var csv = officer.get("/registry/people/export.csv?" + q + "&sort=birth,desc&cols=givenName").body().split("\r\n");
		assertThat(csv).hasSize(23);
		assertThat(List.of(csv).subList(1, 23))
			.containsExactlyElementsOf(youngestFirst.stream().map(n -> n.substring(n.lastIndexOf(' ') + 1)).toList());
		var api = officer.get("/api/v1/registry/people?" + q + "&sort=birth,desc&size=3&page=1").body();
		assertThat(api).containsSubsequence(youngestFirst.get(3).substring(youngestFirst.get(3).lastIndexOf(' ') + 1),
				youngestFirst.get(4).substring(youngestFirst.get(4).lastIndexOf(' ') + 1),
				youngestFirst.get(5).substring(youngestFirst.get(5).lastIndexOf(' ') + 1));
	}

	/** The full names of the people a list page shows, in order. */
	private static List<String> names(String page) {
		var names = new ArrayList<String>();
		var row = java.util.regex.Pattern.compile("<td><a href=\"/registry/people/[0-9a-f-]{36}\">([^<]+)</a></td>").matcher(page);
		while (row.find()) {
			names.add(row.group(1));
		}
		return names;
	}

	@Test
	void export_masks_ids_for_a_leader_and_neutralises_formulas() throws Exception {
		var tag = uniqueToken("Xuat");
		var nid = nationalId(1990, Sex.MALE);
		create(withPhone(withNationalId(person("=HYPERLINK(\"x\")", tag, "Nam", Sex.MALE, LocalDate.of(1990, 1, 1)), nid), "+84 912 345 678"));
		var leader = TestAccounts.loggedIn(port, administration, "web.leader", Role.LEADER);
		var page = leader.get("/registry/people?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "&sex=MALE");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Tìm thấy 1 người").contains("********" + nid.substring(8)).doesNotContain(nid)
			.contains("action=\"/registry/people/export.xlsx\"", "name=\"sex\" value=\"MALE\"", "name=\"cols\" value=\"field\"")
			.as("a leader is not offered the party membership column").doesNotContain("name=\"cols\" value=\"party\"");
		var csv = leader.get("/registry/people/export.csv?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFHọ,").contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("'+84 912 345 678")
			.contains("********" + nid.substring(8)).doesNotContain(nid);

		var bytes = leader.getBytes("/registry/people/export.xlsx?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			var rows = new ArrayList<List<String>>();
			try (var stream = workbook.getFirstSheet().openStream()) {
				stream.forEach(r -> {
					var cells = new ArrayList<String>();
					r.forEach(c -> cells.add(c == null ? "" : c.getRawValue()));
					rows.add(cells);
				});
			}
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).get(0)).isEqualTo("Họ");
			assertThat(rows.get(1).get(0)).isEqualTo("'=HYPERLINK(\"x\")");
			assertThat(rows.get(1)).contains("********" + nid.substring(8), "'+84 912 345 678").doesNotContain(nid);
		}
		// both exports of personal data are in the security audit log, one entry each, with the leader as actor
		var audited = jdbc.sql("select count(*) from identity.security_event where event_type = 'PERSONAL_DATA_EXPORTED'"
				+ " and actor = 'web.leader' and details like :q").param("q", "%" + tag + "%").query(Long.class).single();
		assertThat(audited).isEqualTo(2);
	}

	@Test
	void an_export_the_client_breaks_off_is_in_the_audit_log_and_says_so() throws Exception {
		var tag = uniqueToken("Dut");
		for (int day = 1; day <= 3; day++) {
			create(withNationalId(person("Lê", tag, "Nam", Sex.MALE, LocalDate.of(1980, 1, day)), nationalId(1980, Sex.MALE)));
		}
		// the client goes away after the first bytes (it has read what it wanted): every later write fails, as on a
		// closed connection
		var cutOff = vn.trithuc.BrokenOffDownloads.after(context, 10);
		var leader = SecurityMockMvcRequestPostProcessors.user("web.leader.cut").authorities(() -> Role.LEADER.authority());
		for (var format : List.of("csv", "xlsx")) {
			catchThrowable(() -> cutOff.perform(MockMvcRequestBuilders.get("/registry/people/export." + format)
				.param("q", tag).param("fullIds", "true").with(leader)));
		}
		var details = jdbc.sql("select details from identity.security_event where event_type = 'PERSONAL_DATA_EXPORTED'"
				+ " and actor = 'web.leader.cut' and details like :q").param("q", "%" + tag + "%").query(String.class).list();
		assertThat(details).hasSize(2).allSatisfy(d -> assertThat(d).contains("broken off")
			.as("a leader's export is masked whatever was asked").doesNotContain("full national IDs"));
	}

	private static Map<String, String> form(PersonData d, String phone, String page) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", WebClientSession.csrfToken(page));
		var version = java.util.regex.Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(page);
		assertThat(version.find()).isTrue();
		fields.put("version", version.group(1));
		fields.put("familyName", d.familyName());
		fields.put("middleName", d.middleName());
		fields.put("givenName", d.givenName());
		fields.put("sex", d.sex().name());
		fields.put("birth", vn.trithuc.shared.Formats.DATE.format(d.birthDate()));
		fields.put("ethnicGroup", d.ethnicGroup() == null ? "" : d.ethnicGroup());
		fields.put("phone", phone);
		return fields;
	}
}
