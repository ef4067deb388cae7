package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Part;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;

/**
 * A part typed wrongly is corrected, one entered into the wrong profile is deleted; both keep what it said in the
 * change history, and a correction is checked like an addition (dates, units of the scope, concurrent edits).
 */
@IntegrationTest
class PartCorrectionWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	UserScopes scopes;
	@Autowired
	OrgUnitOperations operations;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private UUID person() {
		return ((Profiles.Created) profiles.register(RegistryFixtures.person("Trần", "Thị", RegistryFixtures.uniqueToken("Sua"),
				Sex.FEMALE, LocalDate.of(1985, 5, 5)), "test.hr")).id();
	}

	private Part part(UUID person, PartKind kind) {
		return profiles.find(person, RegistryFixtures.hr()).orElseThrow().parts().stream().filter(p -> p.kind() == kind)
			.findFirst().orElseThrow();
	}

	private static Map<String, String> form(String page, Map<String, String> values) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", WebClientSession.csrfToken(page));
		var version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(version.find()).isTrue();
		fields.put("version", version.group(1));
		fields.putAll(values);
		return fields;
	}

	@Test
	void a_mistyped_degree_is_corrected_and_the_history_says_what_it_was() {
		var id = person();
		profiles.addPart(id, 1, PartKind.DEGREE, LocalDate.of(2019, 6, 1), null, Map.of("level", "THAC_SI",
				"fieldOfStudy", "14", "institution", "Trường Đại học Đà Lạ", "year", "2091"), "test.hr");
		var degree = part(id, PartKind.DEGREE);
		var officer = TestAccounts.loggedIn(port, administration, "correct.hr", Role.HR_OFFICER);
		var profile = officer.get("/registry/people/" + id).body();
		var edit = "/registry/people/" + id + "/parts/" + degree.id() + "/edit";
		assertThat(profile).contains("href=\"" + edit + "\"").contains(">Sửa</a>");

		var page = officer.get(edit);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Sửa Học vị, văn bằng").contains("value=\"01/06/2019\"")
			.contains("value=\"Trường Đại học Đà Lạ\"").contains("value=\"2091\"").contains("Xóa mục nhập nhầm")
			.contains("data-confirm=\"Xóa mục «Học vị, văn bằng» khỏi hồ sơ");

		// a day the calendar lacks: refused beside the field, nothing changed
		var values = new LinkedHashMap<String, String>();
		values.put("validFrom", "31/06/2019");
		values.put("level", "THAC_SI");
		values.put("fieldOfStudy", "14");
		values.put("institution", "Trường Đại học Đà Lạt");
		values.put("year", "2019");
		var refused = officer.postForm(edit, form(page.body(), values));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Ngày 31/06/2019 không có trên lịch");
		assertThat(part(id, PartKind.DEGREE).attributes()).containsEntry("year", "2091");

		values.put("validFrom", "01/06/2019");
		var saved = officer.postForm(edit, form(page.body(), values));
		assertThat(saved.status()).isEqualTo(302);
		var corrected = part(id, PartKind.DEGREE);
		assertThat(corrected.id()).as("the same part, corrected").isEqualTo(degree.id());
		assertThat(corrected.attributes()).containsEntry("year", "2019").containsEntry("institution", "Trường Đại học Đà Lạt");

		// the same form again, now stale: the second editor is told, nothing overwritten
		values.put("year", "2018");
		var stale = officer.postForm(edit, form(page.body(), values));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("vừa được người khác sửa").contains("Sửa chỗ nhập sai");
		assertThat(part(id, PartKind.DEGREE).attributes()).containsEntry("year", "2019");

		var history = officer.get("/registry/people/" + id + "/history").body();
		assertThat(history).contains("Sửa chỗ nhập sai: Học vị, văn bằng").contains("Năm: 2091").contains("Năm: 2019");
	}

	@Test
	void an_entry_made_in_the_wrong_profile_is_deleted_and_kept_in_the_history() {
		var id = person();
		profiles.addPart(id, 1, PartKind.WORK, LocalDate.of(2022, 9, 2), null,
				Map.of("title", "Bài báo của nhầm người " + run), "test.hr");
		var award = part(id, PartKind.WORK);
		var officer = TestAccounts.loggedIn(port, administration, "correct.hr", Role.HR_OFFICER);
		var page = officer.get("/registry/people/" + id + "/parts/" + award.id() + "/edit").body();
		var deleted = officer.postForm("/registry/people/" + id + "/parts/" + award.id() + "/delete", form(page, Map.of()));
		assertThat(deleted.status()).isEqualTo(302);
		var profile = officer.get("/registry/people/" + id).body();
		assertThat(profile).contains("Đã xóa mục nhập nhầm.").doesNotContain("Bài báo của nhầm người " + run);
		assertThat(officer.get("/registry/people/" + id + "/history").body())
			.contains("Xóa mục nhập nhầm: Công trình khoa học, ấn phẩm").contains("Bài báo của nhầm người " + run);
		assertThat(officer.get("/registry/people/" + id + "/parts/" + award.id() + "/edit").status()).isEqualTo(404);
	}

	@Test
	void a_scoped_officer_keeps_a_former_unit_of_a_past_position_but_cannot_move_it_outside_the_scope() {
		var mine = operations.create(NewUnit.of("PC" + run + "A", "Trường sửa A " + run, OrgUnitKind.SCHOOL, null),
				LocalDate.of(2020, 1, 1), Decision.NONE).value();
		var former = operations.create(NewUnit.of("PC" + run + "B", "Trường cũ B " + run, OrgUnitKind.SCHOOL, null),
				LocalDate.of(2010, 1, 1), Decision.NONE).value();
		var id = person();
		int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2012, 9, 1), LocalDate.of(2019, 8, 31),
				Map.of("orgUnit", former.toString(), "jobTitle", "Giáo vien", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		profiles.addPart(id, v, PartKind.POSITION, LocalDate.of(2019, 9, 1), null,
				Map.of("orgUnit", mine.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		var past = profiles.find(id, RegistryFixtures.hr()).orElseThrow().parts().stream()
			.filter(p -> p.kind() == PartKind.POSITION && p.validTo() != null).findFirst().orElseThrow();
		var officerName = TestAccounts.ready(administration, "correct.unit." + run, Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officerName).orElseThrow().id(), mine, "test");
		var officer = TestAccounts.loggedIn(port, administration, officerName, Role.UNIT_OFFICER);

		var edit = "/registry/people/" + id + "/parts/" + past.id() + "/edit";
		var page = officer.get(edit);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).as("the former unit is offered by its name, selected")
			.containsPattern("<option value=\"" + former + "\"\\s+selected=\"selected\">Trường cũ B " + run + "</option>");
		var values = new LinkedHashMap<String, String>();
		values.put("validFrom", "01/09/2012");
		values.put("validTo", "31/08/2019");
		values.put("orgUnit", former.toString());
		values.put("jobTitle", "Giáo viên");
		values.put("personnelCategory", "PUBLIC_EMPLOYEE");
		assertThat(officer.postForm(edit, form(page.body(), values)).status()).isEqualTo(302);
		assertThat(profiles.find(id, RegistryFixtures.hr()).orElseThrow().parts().stream()
			.filter(p -> p.id().equals(past.id())).findFirst().orElseThrow().attributes())
			.containsEntry("jobTitle", "Giáo viên").containsEntry("orgUnit", former.toString());

		var other = operations.create(NewUnit.of("PC" + run + "C", "Trường khác C " + run, OrgUnitKind.SCHOOL, null),
				LocalDate.of(2010, 1, 1), Decision.NONE).value();
		values.put("orgUnit", other.toString());
		var moved = officer.postForm(edit, form(officer.get(edit).body(), values));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.body()).contains("is-invalid");
		assertThat(profiles.find(id, RegistryFixtures.hr()).orElseThrow().parts().stream()
			.filter(p -> p.id().equals(past.id())).findFirst().orElseThrow().attributes())
			.containsEntry("orgUnit", former.toString());
	}
}
