package vn.trithuc.orgunit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;

/**
 * An HR officer with a unit scope changes only the units of that scope: units outside it are refused (403 for the
 * unit in the URL, a Vietnamese message for a unit named in the form) and nothing changes; the top of the scope is
 * renamed but not moved, merged, split or dissolved; the bulk import is province-wide. HR officers without a scope
 * and administrators keep the whole tree.
 */
@IntegrationTest
class OrgUnitScopeWebTest {

	private static final String DAY = "01/01/2026";

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;
	@Autowired
	MockMvc mvc;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	OrgUnits units;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	private OrgUnitId province;
	private OrgUnitId scopeTop;
	private OrgUnitId inside;
	private OrgUnitId inside2;
	private OrgUnitId outside;
	private String scoped;
	private String provinceWide;

	@BeforeEach
	void aProvinceWithTheOfficersScopeAndAUnitOutsideIt() {
		province = create("T", "Tỉnh ủy phạm vi " + run, null);
		scopeTop = create("H", "Huyện ủy phạm vi " + run, province);
		inside = create("X1", "Đảng ủy xã Một " + run, scopeTop);
		inside2 = create("X2", "Đảng ủy xã Hai " + run, scopeTop);
		outside = create("O", "Huyện ủy bên cạnh " + run, province);
		scoped = TestAccounts.ready(administration, "ouscope.hr." + run.toLowerCase(), Role.HR_OFFICER);
		scopes.assign(administration.findByUsername(scoped).orElseThrow().id(), scopeTop.value(), "test");
		provinceWide = TestAccounts.ready(administration, "ouscope.hrall", Role.HR_OFFICER);
	}

	@Test
	void a_unit_outside_the_scope_in_the_url_is_refused_with_403_and_stays_as_it_was() throws Exception {
		for (var op : new String[] { "rename", "move", "split", "dissolve" }) {
			var form = call(scoped, get("/orgunit/operations/" + outside.value() + "/" + op));
			assertThat(form.getResponse().getStatus()).as("GET " + op).isEqualTo(403);
		}
		// over real HTTP the refusal is the Vietnamese error page
		var web = TestAccounts.loggedIn(port, administration, scoped, Role.HR_OFFICER);
		var page = web.get("/orgunit/operations/" + outside.value() + "/rename");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("Không có quyền");
		var rename = call(scoped, post("/orgunit/operations/" + outside.value() + "/rename").param("version", "0")
			.param("name", "Đổi tên trái phép " + run).param("effectiveOn", DAY));
		assertThat(rename.getResponse().getStatus()).isEqualTo(403);
		var dissolve = call(scoped, post("/orgunit/operations/" + outside.value() + "/dissolve").param("version", "0")
			.param("carrierCodes", code("X1")).param("effectiveOn", DAY));
		assertThat(dissolve.getResponse().getStatus()).isEqualTo(403);
		assertThat(unit(outside).name()).isEqualTo("Huyện ủy bên cạnh " + run);
		assertThat(unit(outside).validTo()).isNull();
		// the unit page shows no operation buttons outside the scope, and shows them inside it
		assertThat(call(scoped, get("/orgunit/units/" + outside.value())).getResponse().getContentAsString())
			.doesNotContain("/orgunit/operations/" + outside.value() + "/rename");
		assertThat(call(scoped, get("/orgunit/units/" + inside.value())).getResponse().getContentAsString())
			.contains("/orgunit/operations/" + inside.value() + "/rename");
	}

	@Test
	void units_named_in_a_form_outside_the_scope_are_refused_with_a_vietnamese_message_and_nothing_changes()
			throws Exception {
		// a child of a unit outside the scope, and a new top-level unit
		assertRefused(post("/orgunit/operations/create").param("code", code("N1")).param("name", "Mới " + run)
			.param("kind", OrgUnitKind.OTHER.name()).param("parentCode", code("O")).param("effectiveOn", DAY),
				"nằm ngoài phạm vi đơn vị");
		assertRefused(post("/orgunit/operations/create").param("code", code("N2")).param("name", "Mới " + run)
			.param("kind", OrgUnitKind.OTHER.name()).param("effectiveOn", DAY), "hãy nhập mã đơn vị cấp trên");
		assertThat(units.findByCode(code("N1"))).isEmpty();
		assertThat(units.findByCode(code("N2"))).isEmpty();
		// move a unit of the scope below a unit outside it
		assertRefused(post("/orgunit/operations/" + inside.value() + "/move").param("version", version(inside))
			.param("parentCode", code("O")).param("effectiveOn", DAY), "nằm ngoài phạm vi đơn vị");
		assertThat(unit(inside).parentId()).isEqualTo(scopeTop);
		// merge a unit outside the scope into one inside, or one inside into one outside
		assertRefused(post("/orgunit/operations/merge").param("sourceCodes", code("X2") + "\n" + code("O"))
			.param("resultCode", code("X1")).param("effectiveOn", DAY), "«" + code("O") + "» nằm ngoài phạm vi");
		assertRefused(post("/orgunit/operations/merge").param("sourceCodes", code("X1") + "\n" + code("X2"))
			.param("resultCode", code("O")).param("effectiveOn", DAY), "«" + code("O") + "» nằm ngoài phạm vi");
		// dissolve a unit of the scope handing its work to a unit outside
		assertRefused(post("/orgunit/operations/" + inside2.value() + "/dissolve").param("version", version(inside2))
			.param("carrierCodes", code("O")).param("effectiveOn", DAY), "nằm ngoài phạm vi đơn vị");
		// split a unit of the scope into a unit outside it
		assertRefused(post("/orgunit/operations/" + inside2.value() + "/split").param("version", version(inside2))
			.param("resultCodes", code("O")).param("newUnits", code("N3") + " | Mới " + run)
			.param("carrierCode", code("O")).param("effectiveOn", DAY), "nằm ngoài phạm vi đơn vị");
		// the top of the scope: not moved, merged away or dissolved (that would move the officer's own scope)
		assertRefused(post("/orgunit/operations/" + scopeTop.value() + "/dissolve").param("version", version(scopeTop))
			.param("carrierCodes", code("X1")).param("childrenMoveToCode", code("X1")).param("effectiveOn", DAY),
				"là đơn vị cao nhất trong phạm vi của bạn");
		assertRefused(post("/orgunit/operations/merge").param("sourceCodes", code("H") + "\n" + code("X1"))
			.param("resultCode", code("X2")).param("effectiveOn", DAY), "là đơn vị cao nhất trong phạm vi của bạn");
		for (var id : new OrgUnitId[] { scopeTop, inside, inside2, outside }) {
			assertThat(unit(id).validTo()).as("still in force").isNull();
		}
		assertThat(units.findByCode(code("N3"))).isEmpty();
	}

	@Test
	void inside_the_scope_the_officer_works_and_province_wide_officers_keep_the_whole_tree() throws Exception {
		var created = call(scoped, post("/orgunit/operations/create").param("code", code("N4")).param("name", "Chi bộ mới " + run)
			.param("kind", OrgUnitKind.OTHER.name()).param("parentCode", code("X1")).param("effectiveOn", DAY));
		assertThat(created.getResponse().getStatus()).isEqualTo(302);
		assertThat(units.findByCode(code("N4")).orElseThrow().parentId()).isEqualTo(inside);
		var renamed = call(scoped, post("/orgunit/operations/" + scopeTop.value() + "/rename")
			.param("version", version(scopeTop)).param("name", "Huyện ủy phạm vi mới " + run).param("effectiveOn", DAY));
		assertThat(renamed.getResponse().getStatus()).as("the top of the scope can be renamed").isEqualTo(302);
		var moved = call(scoped, post("/orgunit/operations/" + inside2.value() + "/move").param("version", version(inside2))
			.param("parentCode", code("X1")).param("effectiveOn", DAY));
		assertThat(moved.getResponse().getStatus()).isEqualTo(302);

		var outsideRenamed = call(provinceWide, post("/orgunit/operations/" + outside.value() + "/rename")
			.param("version", version(outside)).param("name", "Huyện ủy bên cạnh mới " + run).param("effectiveOn", DAY));
		assertThat(outsideRenamed.getResponse().getStatus()).isEqualTo(302);
		assertThat(unit(outside).name()).isEqualTo("Huyện ủy bên cạnh mới " + run);
	}

	@Test
	void the_bulk_import_is_refused_to_an_officer_with_a_unit_scope() throws Exception {
		var file = new MockMultipartFile("file", "don-vi.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "x".getBytes(StandardCharsets.UTF_8));
		var page = call(scoped, multipart("/orgunit/operations/import").file(file));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("tài khoản của bạn được giao phạm vi một đơn vị");
		var wide = call(provinceWide, multipart("/orgunit/operations/import").file(file));
		assertThat(wide.getResponse().getContentAsString()).doesNotContain("được giao phạm vi một đơn vị")
			.contains("Không đọc được tệp");
	}

	private void assertRefused(MockHttpServletRequestBuilder request, String message) throws Exception {
		var result = call(scoped, request);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("class=\"alert alert-danger refusal\"")
			.contains(message);
	}

	private MvcResult call(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		request.with(csrf()).with(user(username).authorities(() -> Role.HR_OFFICER.authority()));
		request.characterEncoding(StandardCharsets.UTF_8);
		var result = mvc.perform(request).andReturn();
		result.getResponse().setCharacterEncoding("UTF-8");
		return result;
	}

	private OrgUnit unit(OrgUnitId id) {
		return units.find(id).orElseThrow();
	}

	private String version(OrgUnitId id) {
		return String.valueOf(unit(id).lockVersion());
	}

	private String code(String suffix) {
		return "SC" + run + suffix;
	}

	private OrgUnitId create(String suffix, String name, @Nullable OrgUnitId parent) {
		return operations.create(NewUnit.of(code(suffix), name, OrgUnitKind.OTHER, parent), LocalDate.of(2020, 1, 1),
				Decision.NONE);
	}
}
