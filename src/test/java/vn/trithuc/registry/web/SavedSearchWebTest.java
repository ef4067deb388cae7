package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;

/** Saved searches and the expert finder over real HTTP sessions: owner only, scope applied again on every run. */
@IntegrationTest
class SavedSearchWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	UserScopes scopes;
	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private UUID personAt(UUID unit, String middle, String given, Sex sex) {
		var id = ((Profiles.Created) profiles.register(person("Phạm", middle, given, sex, LocalDate.of(1988, 8, 8)),
				"test")).id();
		int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2022, 1, 1), null, Map.of("orgUnit",
				unit.toString(), "jobTitle", "Kỹ sư", "personnelCategory", "PUBLIC_EMPLOYEE"), "test");
		profiles.addPart(id, v, PartKind.EXPERTISE, null, null, Map.of("field", "62", "keywords",
				"tưới nhỏ giọt " + middle), "test");
		return id;
	}

	private static WebClientSession.Response save(WebClientSession web, String page, Map<String, String> fields) {
		var form = new LinkedHashMap<>(fields);
		form.put("_csrf", WebClientSession.csrfToken(web.get(page).body()));
		return web.postForm("/registry/searches", form);
	}

	private static String path(String location) {
		var uri = URI.create(location);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	private static String idOf(String listPage, String name) {
		var m = java.util.regex.Pattern.compile("href=\"/registry/searches/([0-9a-f-]{36})\">" + java.util.regex.Pattern.quote(name) + "<")
			.matcher(listPage);
		assertThat(m.find()).as("saved search %s listed", name).isTrue();
		return m.group(1);
	}

	@Test
	void a_user_saves_lists_runs_and_deletes_their_own_searches_and_nobody_else_sees_them() {
		var tag = uniqueToken("Luu");
		var unit = RegistryFixtures.orgUnit(operations, "Trạm thử lưu " + run);
		personAt(unit, tag, "Lan", Sex.FEMALE);
		var hr = TestAccounts.loggedIn(port, administration, "saved.hr." + run, Role.HR_OFFICER);
		var q = URLEncoder.encode(tag, StandardCharsets.UTF_8);
		var page = "/registry/people?q=" + q + "&sex=FEMALE";
		var saved = save(hr, page, Map.of("name", "Nữ trạm thử", "kind", "PEOPLE", "q", tag, "sex", "FEMALE",
				"bogus", "x"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(path(saved.header("Location"))).isEqualTo("/registry/people?q=" + q + "&sex=FEMALE");
		assertThat(hr.get(page).body()).contains("Đã lưu tìm kiếm.");

		var list = hr.get("/registry/searches");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Nữ trạm thử", "Tìm trí thức", "Từ khóa: " + tag + "; Giới tính: Nữ");
		// each filter is listed with its value by name: unit, code names, labels, in the order of the search page
		save(hr, page, Map.of("name", "Thạc sĩ nông nghiệp", "kind", "PEOPLE", "q", tag, "sex", "FEMALE",
				"field", "62", "degree", "THAC_SI", "unit", unit.toString(), "category", "PUBLIC_EMPLOYEE"));
		assertThat(hr.get("/registry/searches").body()).contains("<td class=\"criteria\">Từ khóa: " + tag
				+ "; Đơn vị: Trạm thử lưu " + run + "; Trình độ cao nhất: Thạc sĩ; Lĩnh vực: Nông, lâm nghiệp và thủy sản"
				+ "; Giới tính: Nữ; Đối tượng: Viên chức</td>");
		hr.postForm("/registry/searches/" + idOf(hr.get("/registry/searches").body(), "Thạc sĩ nông nghiệp") + "/delete",
				Map.of("_csrf", WebClientSession.csrfToken(list.body())));
		var id = idOf(list.body(), "Nữ trạm thử");
		var ran = hr.get("/registry/searches/" + id);
		assertThat(ran.status()).isEqualTo(302);
		var location = path(ran.header("Location"));
		assertThat(location).isEqualTo("/registry/people?q=" + q + "&sex=FEMALE");
		assertThat(hr.get(location).body()).contains("Tìm thấy 1 người", "Lan");

		// saving under the same name replaces; bad names are refused with a message and nothing stored
		save(hr, page, Map.of("name", "Nữ trạm thử", "kind", "PEOPLE", "q", tag));
		assertThat(jdbc.sql("select count(*) from registry.saved_search where owner = :o").param("o", "saved.hr." + run)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(save(hr, page, Map.of("name", "  ", "q", tag)).status()).isEqualTo(302);
		assertThat(hr.get(page).body()).contains("Hãy đặt tên cho tìm kiếm cần lưu.");
		save(hr, page, Map.of("name", "x".repeat(101), "q", tag));
		assertThat(hr.get(page).body()).contains("Tên tìm kiếm dài quá 100 ký tự.");
		assertThat(jdbc.sql("select count(*) from registry.saved_search where owner = :o").param("o", "saved.hr." + run)
			.query(Long.class).single()).isEqualTo(1);

		// another user neither runs nor deletes it, nor sees it listed
		var other = TestAccounts.loggedIn(port, administration, "saved.other." + run, Role.HR_OFFICER);
		assertThat(other.get("/registry/searches/" + id).status()).isEqualTo(404);
		var otherList = other.get("/registry/searches");
		assertThat(otherList.body()).doesNotContain("Nữ trạm thử");
		assertThat(other.postForm("/registry/searches/" + id + "/delete",
				Map.of("_csrf", WebClientSession.csrfToken(otherList.body()))).status()).isEqualTo(404);

		var deleted = hr.postForm("/registry/searches/" + id + "/delete", Map.of("_csrf", WebClientSession.csrfToken(list.body())));
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(hr.get("/registry/searches").body()).contains("Đã xóa tìm kiếm đã lưu.").doesNotContain("Nữ trạm thử");
		assertThat(hr.get("/registry/searches/" + id).status()).isEqualTo(404);
	}

	@Test
	void running_a_saved_search_applies_the_callers_scope_of_that_moment() {
		var tag = uniqueToken("Pham");
		var unitA = RegistryFixtures.orgUnit(operations, "Xã thử A " + run);
		var unitB = RegistryFixtures.orgUnit(operations, "Xã thử B " + run);
		personAt(unitA, tag, "Hùng", Sex.MALE);
		personAt(unitB, tag, "Tâm", Sex.MALE);
		var username = "saved.officer." + run;
		TestAccounts.ready(administration, username, Role.UNIT_OFFICER);
		var userId = administration.findByUsername(username).orElseThrow().id();
		scopes.assign(userId, unitA, "test");
		var officer = TestAccounts.loggedIn(port, administration, username, Role.UNIT_OFFICER);
		var q = URLEncoder.encode(tag, StandardCharsets.UTF_8);
		save(officer, "/registry/people?q=" + q, Map.of("name", "Kỹ sư", "kind", "PEOPLE", "q", tag));
		var id = idOf(officer.get("/registry/searches").body(), "Kỹ sư");
		var first = officer.get(path(officer.get("/registry/searches/" + id).header("Location")));
		assertThat(first.body()).contains("Tìm thấy 1 người", "Hùng").doesNotContain("Tâm");

		scopes.assign(userId, unitB, "test");
		// a new scope ends the user's sessions: they log in again, and the saved search finds the new scope's people
		assertThat(officer.get("/registry/searches/" + id).header("Location")).contains("/login");
		officer = TestAccounts.loggedIn(port, administration, username, Role.UNIT_OFFICER);
		var second = officer.get(path(officer.get("/registry/searches/" + id).header("Location")));
		assertThat(second.body()).contains("Tìm thấy 1 người", "Tâm").doesNotContain("Hùng");
	}

	@Test
	void the_expert_finder_page_and_api_find_experts_in_scope_and_save_expert_searches() {
		var tag = uniqueToken("Gio");
		var unit = RegistryFixtures.orgUnit(operations, "Viện thử chuyên gia " + run);
		var expert = personAt(unit, tag, "Khoa", Sex.MALE);
		var hr = TestAccounts.loggedIn(port, administration, "experts.hr." + run, Role.HR_OFFICER);
		var query = URLEncoder.encode("tưới nhỏ giọt " + tag, StandardCharsets.UTF_8);
		var page = hr.get("/registry/experts?q=" + query);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Tìm chuyên gia", "Tìm thấy 1 chuyên gia phù hợp", "Khoa",
				"Nông, lâm nghiệp và thủy sản", "name=\"mode\" value=\"experts\"");
		assertThat(hr.get("/registry/experts").body()).contains("Nhập lĩnh vực hoặc chuyên môn cần tìm.");
		var api = hr.get("/api/v1/registry/experts?q=" + URLEncoder.encode("tuoi nho giot " + tag, StandardCharsets.UTF_8),
				"Accept", "application/json");
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.body()).contains(expert.toString(), "\"total\":1");
		var csv = hr.get("/registry/people/export.csv?mode=experts&q=" + query + "&cols=givenName&cols=field");
		assertThat(csv.body()).isEqualTo("\uFEFFTên,Lĩnh vực\r\nKhoa,\"Nông, lâm nghiệp và thủy sản\"\r\n");

		save(hr, "/registry/experts?q=" + query, Map.of("name", "Tưới", "kind", "EXPERTS", "q", "tưới nhỏ giọt " + tag));
		var listed = hr.get("/registry/searches").body();
		assertThat(listed).contains("<td class=\"criteria\">Chuyên môn: tưới nhỏ giọt " + tag + "</td>");
		var id = idOf(listed, "Tưới");
		assertThat(path(hr.get("/registry/searches/" + id).header("Location"))).startsWith("/registry/experts?q=");

		var stranger = TestAccounts.loggedIn(port, administration, "experts.officer." + run, Role.UNIT_OFFICER);
		assertThat(stranger.get("/api/v1/registry/experts?q=" + query, "Accept", "application/json").body())
			.contains("\"total\":0").doesNotContain(expert.toString());
	}
}
