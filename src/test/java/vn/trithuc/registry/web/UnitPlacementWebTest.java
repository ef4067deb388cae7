package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;

/**
 * Units are chosen by name, from the units the officer may place people in: a new person's unit (required of a
 * scoped officer, whose new people stay in the scope) and a position's unit; a unit outside the scope, or typed in by
 * hand, is refused beside the field.
 */
@IntegrationTest
class UnitPlacementWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Profiles profiles;
	@Autowired
	vn.trithuc.registry.internal.SelfService selfService;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private UUID unit(String name) {
		return operations.create(NewUnit.of("UP" + run + name, "Trường chọn " + name + " " + run, OrgUnitKind.SCHOOL, null),
				LocalDate.of(2020, 1, 1), Decision.NONE).value();
	}

	@Test
	void a_scoped_officer_gives_a_new_person_a_unit_of_the_scope_and_keeps_seeing_them() {
		var mine = unit("A");
		var other = unit("B");
		var officerName = TestAccounts.ready(administration, "place.unit." + run, Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officerName).orElseThrow().id(), mine, "test");
		var officer = TestAccounts.loggedIn(port, administration, officerName, Role.UNIT_OFFICER);

		var form = officer.get("/registry/people/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Cơ quan, đơn vị công tác", "Trường chọn A " + run)
			.doesNotContain("Trường chọn B " + run)
			.contains("<option value=\"" + mine + "\" selected=\"selected\">");
		var given = RegistryFixtures.uniqueToken("Chon");
		var fields = person(given, WebClientSession.csrfToken(form.body()));

		fields.put("orgUnit", "");
		fields.put("givenName", "");
		fields.put("nationalId", "12345");
		fields.put("oldId", "12");
		var none = officer.postForm("/registry/people/new", fields);
		assertThat(none.status()).as("no unit, no given name, a short ID: all told at once").isEqualTo(200);
		assertThat(none.body()).contains("Vui lòng nhập thông tin này.", "Số định danh cá nhân phải có đúng 12 chữ số",
				"Số CMND cũ phải có đúng 9 chữ số.");
		fields.put("givenName", given);
		fields.remove("nationalId");
		fields.remove("oldId");
		fields.put("orgUnit", other.toString());
		var outside = officer.postForm("/registry/people/new", fields);
		assertThat(outside.status()).isEqualTo(200);
		assertThat(outside.body()).contains("Chọn một cơ quan, đơn vị trong danh sách");
		fields.put("orgUnit", "Trường chọn A");
		assertThat(officer.postForm("/registry/people/new", fields).body()).as("typed by hand")
			.contains("Chọn một cơ quan, đơn vị trong danh sách");
		assertThat(jdbc.sql("select count(*) from registry.person where given_name = :g").param("g", given)
			.query(Integer.class).single()).as("nothing stored").isZero();

		fields.put("orgUnit", mine.toString());
		fields.put("jobTitle", "Giáo viên tiểu học");
		fields.put("personnelCategory", "NO_SUCH_CATEGORY");
		assertThat(officer.postForm("/registry/people/new", fields).body()).contains("Mã «NO_SUCH_CATEGORY» không có trong danh mục");
		fields.put("personnelCategory", "PUBLIC_EMPLOYEE");
		var created = officer.postForm("/registry/people/new", fields);
		assertThat(created.status()).isEqualTo(302);
		var profilePath = created.header("Location").replaceFirst("^http://[^/]+", "");
		var profile = officer.get(profilePath);
		assertThat(profile.status()).as("the new person is in the officer's scope").isEqualTo(200);
		assertThat(profile.body()).contains(given, "Trường chọn A " + run);
		var id = UUID.fromString(profilePath.substring(profilePath.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("select current_org_unit from registry.person where id = :id").param("id", id)
			.query(UUID.class).single()).isEqualTo(mine);
		assertThat(jdbc.sql("select personnel_category from registry.person where id = :id").param("id", id)
			.query(String.class).single()).as("the category typed beside the unit").isEqualTo("PUBLIC_EMPLOYEE");
		assertThat(profile.body()).contains("Chức vụ: Giáo viên tiểu học");
		var list = officer.get("/registry/people?q=" + java.net.URLEncoder.encode("Đinh Văn " + given,
				java.nio.charset.StandardCharsets.UTF_8));
		for (int i = 0; i < 50 && !list.body().contains(given); i++) { // the search index takes the person after commit
			list = officer.get("/registry/people?q=" + given);
		}
		assertThat(list.body()).as("the list names the unit").contains("<td>Trường chọn A " + run + "</td>");
		assertThat(jdbc.sql("select count(*) from registry.change_log where person_id = :id and action = 'PART_ADDED'"
				+ " and field = 'POSITION' and actor = :a").param("id", id).param("a", officerName)
			.query(Integer.class).single()).as("the position is in the change log").isEqualTo(1);

		// the profile is linked only to the intellectual's own account, never to an officer's (his own made it "his"),
		// and only by those who see the whole profile (a unit officer's form has none: InvitationWebTest)
		var hrName = TestAccounts.ready(administration, "place.hr." + run, Role.HR_OFFICER);
		var hr = TestAccounts.loggedIn(port, administration, hrName, Role.HR_OFFICER);
		var edit = hr.get(profilePath + "/edit").body();
		var link = person(given, WebClientSession.csrfToken(edit));
		link.put("version", versionIn(edit));
		for (var account : java.util.List.of(hrName, officerName, "khong.co." + run)) {
			link.put("userAccount", account);
			var refusedLink = hr.postForm(profilePath + "/edit", link);
			assertThat(refusedLink.status()).isEqualTo(200);
			assertThat(refusedLink.body()).contains("Chỉ gắn được tài khoản của chính trí thức này");
		}
		var teacher = TestAccounts.ready(administration, "place.own." + run, Role.INTELLECTUAL);
		link.put("userAccount", teacher);
		assertThat(hr.postForm(profilePath + "/edit", link).status()).isEqualTo(302);
		assertThat(jdbc.sql("select user_account from registry.person where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo(teacher);

		// a position: the unit from the scope's list; another unit is refused and nothing is added
		var partForm = officer.get(profilePath + "/parts/new?kind=POSITION");
		assertThat(partForm.body()).contains("<select class=\"form-select\" id=\"orgUnit\" name=\"orgUnit\"")
			.contains("Trường chọn A " + run).doesNotContain("Trường chọn B " + run).doesNotContain("Cơ quan, đơn vị (mã)");
		var part = new LinkedHashMap<String, String>(Map.of("_csrf", WebClientSession.csrfToken(partForm.body()),
				"kind", "POSITION", "version", versionIn(partForm.body()), "validFrom", "01/09/2024",
				"orgUnit", other.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"));
		var refused = officer.postForm(profilePath + "/parts/new", part);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Chọn một cơ quan, đơn vị trong danh sách");
		part.put("orgUnit", "");
		var blank = officer.postForm(profilePath + "/parts/new", part);
		assertThat(blank.status()).as("no unit: the person would leave the officer's list").isEqualTo(200);
		assertThat(blank.body()).contains("không có đơn vị, người này sẽ ra khỏi danh sách đơn vị của bạn");
		part.put("orgUnit", mine.toString());
		assertThat(officer.postForm(profilePath + "/parts/new", part).status()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from registry.person_part where person_id = :id and kind = 'POSITION'")
			.param("id", id).query(Integer.class).single()).isEqualTo(2);

		// ending a position on a day the calendar does not have: said so, nothing ended
		var page = officer.get(profilePath).body();
		var partId = jdbc.sql("select id from registry.person_part where person_id = :id and kind = 'POSITION'"
				+ " and valid_from = date '2024-09-01'").param("id", id).query(UUID.class).single();
		var ended = officer.postForm(profilePath + "/parts/" + partId + "/end", Map.of("_csrf",
				WebClientSession.csrfToken(page), "version", versionIn(page), "validTo", "31/02/2025"));
		assertThat(ended.status()).isEqualTo(302);
		assertThat(officer.get(profilePath).body()).contains("Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.");
		assertThat(jdbc.sql("select valid_to from registry.person_part where id = :p").param("p", partId)
			.query(java.time.LocalDate.class).optional()).isEmpty();
	}

	@Test
	void a_new_person_matching_someone_outside_the_scope_goes_to_review_without_naming_that_person() {
		var mine = unit("D");
		var other = unit("E");
		var given = RegistryFixtures.uniqueToken("Trung");
		var theirs = ((Profiles.Created) profiles.register(RegistryFixtures.person("Đinh", "Văn", given,
				vn.trithuc.registry.Sex.MALE, LocalDate.of(1985, 3, 12)), "test.hr")).id();
		profiles.addPart(theirs, 1, PartKind.POSITION, LocalDate.of(2020, 1, 1), null,
				Map.of("orgUnit", other.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		var officerName = TestAccounts.scoped(administration, scopes, "place.twin." + run, mine, Role.UNIT_OFFICER);
		var officer = TestAccounts.loggedIn(port, administration, officerName, Role.UNIT_OFFICER);

		var fields = person(given, WebClientSession.csrfToken(officer.get("/registry/people/new").body()));
		fields.put("orgUnit", mine.toString());
		var routed = officer.postForm("/registry/people/new", fields);
		assertThat(routed.status()).isEqualTo(302);
		assertThat(routed.header("Location")).endsWith("/registry/people").doesNotContain(theirs.toString());
		assertThat(officer.get("/registry/people").body()).contains("Đã có người trùng họ tên và ngày sinh ngoài các đơn vị của bạn");
		assertThat(jdbc.sql("select count(*) from registry.duplicate_candidate where matched_person = :p and status = 'OPEN'")
			.param("p", theirs).query(Integer.class).single()).as("sent to review").isEqualTo(1);
	}

	@Test
	void an_officer_of_the_whole_province_may_leave_the_unit_out_and_one_without_a_unit_is_told_why_he_cannot_add() {
		var anywhere = unit("C");
		var hr = TestAccounts.loggedIn(port, administration, "place.hr." + run, Role.HR_OFFICER);
		// a facet value no facet has is no condition (search ignores it: the page does not count it either)
		assertThat(hr.get("/registry/people?age=abc&sex=X").body()).doesNotContain("điều kiện đang chọn");
		assertThat(hr.get("/registry/people?age=30_40").body()).contains("(1 điều kiện đang chọn)");
		var form = hr.get("/registry/people/new");
		assertThat(form.body()).contains("Trường chọn C " + run);
		var created = hr.postForm("/registry/people/new", person(RegistryFixtures.uniqueToken("Tuy"),
				WebClientSession.csrfToken(form.body())));
		assertThat(created.status()).isEqualTo(302);
		assertThat(anywhere).isNotNull();

		var unscoped = TestAccounts.loggedIn(port, administration, "place.none." + run, Role.UNIT_OFFICER);
		var page = unscoped.get("/registry/people/new");
		assertThat(page.body()).contains("Tài khoản của bạn chưa được giao đơn vị nên chưa thêm được người mới.");
		var given = RegistryFixtures.uniqueToken("Khong");
		assertThat(unscoped.postForm("/registry/people/new", person(given, WebClientSession.csrfToken(page.body())))
			.status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from registry.person where given_name = :g").param("g", given)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void a_scoped_officer_does_not_approve_a_position_that_would_take_the_person_out_of_the_scope() {
		var mine = unit("D");
		var other = unit("E");
		var officerName = TestAccounts.ready(administration, "place.approve." + run, Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officerName).orElseThrow().id(), mine, "test");
		var account = "place.teacher." + run;
		var id = ((Profiles.Created) profiles.register(RegistryFixtures.withAccount(RegistryFixtures.person("Ka", "Thị",
				RegistryFixtures.uniqueToken("Duyet"), vn.trithuc.registry.Sex.FEMALE, LocalDate.of(1991, 5, 6)), account),
				"test.hr")).id();
		profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2020, 9, 1), null, Map.of("orgUnit", mine.toString(),
				"jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		selfService.propose(id, "POSITION", LocalDate.of(2026, 9, 1), null, Map.of("orgUnit", other.toString(),
				"jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), null, account);
		var officer = TestAccounts.loggedIn(port, administration, officerName, Role.UNIT_OFFICER);
		var request = selfService.ofPerson(id).get(0);
		var queue = officer.get("/registry/requests");
		var refused = officer.postForm("/registry/requests/" + request.id() + "/approve",
				Map.of("_csrf", WebClientSession.csrfToken(queue.body())));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(officer.get("/registry/requests").body()).contains("Không duyệt được: đơn vị trong đề nghị");
		assertThat(officer.get("/registry/people/" + id).status()).as("still the officer's").isEqualTo(200);
		assertThat(selfService.ofPerson(id).get(0).status()).isEqualTo("OPEN");

		// the intellectual picks the unit from a list, not a code
		var form = TestAccounts.loggedIn(port, administration, account, Role.INTELLECTUAL)
			.get("/registry/me/requests/new?kind=POSITION").body();
		assertThat(form).contains("<select class=\"form-select\" id=\"orgUnit\" name=\"orgUnit\"", "Trường chọn D " + run);
	}

	@Test
	void a_duplicate_record_is_named_for_merging_by_its_national_id_or_the_address_of_its_page() {
		var given = RegistryFixtures.uniqueToken("Gop");
		var keep = ((Profiles.Created) profiles.register(RegistryFixtures.person("Đào", "Thị", given,
				vn.trithuc.registry.Sex.FEMALE, LocalDate.of(1982, 8, 9)), "test.hr")).id();
		var nid = RegistryFixtures.nationalId(1982, vn.trithuc.registry.Sex.FEMALE);
		var byId = profiles.registerAnyway(RegistryFixtures.withNationalId(RegistryFixtures.person("Đào", "Thị", given,
				vn.trithuc.registry.Sex.FEMALE, LocalDate.of(1982, 8, 9)), nid), "importer");
		var byAddress = profiles.registerAnyway(RegistryFixtures.person("Đào", "Thị", given,
				vn.trithuc.registry.Sex.FEMALE, LocalDate.of(1982, 8, 9)), "importer");
		var hr = TestAccounts.loggedIn(port, administration, "place.merge." + run, Role.HR_OFFICER);

		var page = hr.get("/registry/people/" + keep).body();
		assertThat(page).contains("dán địa chỉ trang hồ sơ đó, hoặc ghi số định danh");
		assertThat(hr.postForm("/registry/people/" + keep + "/merge", Map.of("_csrf", WebClientSession.csrfToken(page),
				"version", versionIn(page), "other", nid.substring(0, 3) + " " + nid.substring(3))).status()).isEqualTo(302);
		assertThat(profiles.mergedInto(byId)).contains(keep);

		page = hr.get("/registry/people/" + keep).body();
		assertThat(hr.postForm("/registry/people/" + keep + "/merge", Map.of("_csrf", WebClientSession.csrfToken(page),
				"version", versionIn(page), "other", "http://localhost:8080/registry/people/" + byAddress + "?asOf=01/01/2020"))
			.status()).isEqualTo(302);
		assertThat(profiles.mergedInto(byAddress)).contains(keep);

		page = hr.get("/registry/people/" + keep).body();
		hr.postForm("/registry/people/" + keep + "/merge", Map.of("_csrf", WebClientSession.csrfToken(page),
				"version", versionIn(page), "other", "Đào Thị " + given));
		assertThat(hr.get("/registry/people/" + keep).body()).contains("Không tìm thấy hồ sơ cần gộp");
	}

	private static LinkedHashMap<String, String> person(String given, String csrf) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", csrf);
		fields.put("version", "0");
		fields.put("familyName", "Đinh");
		fields.put("middleName", "Văn");
		fields.put("givenName", given);
		fields.put("sex", "MALE");
		fields.put("birth", "12/03/1985");
		return fields;
	}

	private static String versionIn(String page) {
		return page.replaceAll("(?s).*name=\"version\" value=\"([0-9]+)\".*", "$1");
	}
}
