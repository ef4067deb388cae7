package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;
import vn.trithuc.registry.internal.SelfService;

/**
 * An HR officer reads parts of a profile, change requests and the change history in words: field labels without
 * "(mã)", names of units and codes, dates dd/MM/yyyy, role names; the stored change log keeps its own text.
 */
@IntegrationTest
class ReadablePartsWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	SelfService selfService;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	vn.trithuc.catalog.AdminUnits adminUnits;

	@Test
	void the_profile_and_its_change_history_show_names_and_dates_not_stored_codes() {
		var unitName = "Phòng Tài nguyên và Môi trường " + uniqueToken("Dl");
		var unit = RegistryFixtures.orgUnit(operations, unitName);
		var today = LocalDate.now();
		var lamDong = adminUnits.findByCode("68", vn.trithuc.catalog.AdminUnitLevel.PROVINCE, today).orElseThrow();
		var commune = adminUnits.inForce(today, vn.trithuc.catalog.AdminUnitLevel.COMMUNE, lamDong.id()).get(0);
		var d = person("Hà", "Thị", uniqueToken("Doc"), Sex.FEMALE, LocalDate.of(1980, 4, 12));
		var id = ((Profiles.Created) profiles.register(new vn.trithuc.registry.internal.PersonData(d.familyName(),
				d.middleName(), d.givenName(), null, d.sex(), d.birthDate(), d.birthYear(), null, null, null, null,
				commune.id().value(), null, null, null, null), "test.hr")).id();
		int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2015, 3, 2), null, Map.of("orgUnit",
				unit.toString(), "jobTitle", "Cán bộ địa chính", "personnelCategory", "CIVIL_SERVANT"), "test.hr");
		v = profiles.addPart(id, v, PartKind.DEGREE, null, null, Map.of("level", "THAC_SI", "fieldOfStudy", "14"),
				"test.hr");
		v = profiles.addPart(id, v, PartKind.PARTY_MEMBERSHIP, null, null,
				Map.of("joinDate", "02/03/2005", "officialDate", "02/03/2006"), "test.hr");
		var position = profiles.find(id, RegistryFixtures.hr()).orElseThrow().parts().stream()
			.filter(p -> p.kind() == PartKind.POSITION).findFirst().orElseThrow();
		profiles.endPart(id, v, position.id(), LocalDate.of(2024, 12, 31), "test.hr");
		// an entry in a form the display does not know stays readable as stored
		jdbc.sql("""
				insert into registry.change_log (person_id, version, at, actor, action, field, old_value, new_value)
				values (:id, 1, now(), 'legacy', 'PART_ADDED', 'POSITION', null, 'Ghi chép cũ: 1/2010')""")
			.param("id", id).update();

		var officer = TestAccounts.loggedIn(port, administration, "readable.hr", Role.HR_OFFICER);
		var page = officer.get("/registry/people/" + id + "?asOf=01/01/2020");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Cơ quan, đơn vị: " + unitName + "; Chức vụ: Cán bộ địa chính; Đối tượng: Công chức")
			.contains("Trình độ: Thạc sĩ; Ngành, chuyên ngành: ")
			.contains("Ngày kết nạp: 02/03/2005; Ngày chính thức: 02/03/2006")
			.doesNotContain("(mã)").doesNotContain("CIVIL_SERVANT").doesNotContain("THAC_SI").doesNotContain("2005-03-02")
			.doesNotContain("; </").doesNotContain(unit.toString() + "<")
			.as("the hometown with its province").contains(commune.name() + ", " + lamDong.name());

		var history = officer.get("/registry/people/" + id + "/history");
		assertThat(history.status()).isEqualTo(200);
		var body = history.body();
		assertThat(body).contains("Bổ sung: Quá trình công tác", "Kết thúc: Quá trình công tác", "Bổ sung: Đảng viên")
			.contains("Từ 02/03/2015; Cơ quan, đơn vị: " + unitName + "; Chức vụ: Cán bộ địa chính; Đối tượng: Công chức")
			.contains("02/03/2015 – 31/12/2024; Cơ quan, đơn vị: " + unitName)
			.contains("Trình độ: Thạc sĩ")
			.contains("Ngày kết nạp: 02/03/2005; Ngày chính thức: 02/03/2006")
			.contains("Ngày sinh").contains("12/04/1980").contains(commune.name() + ", " + lamDong.name())
			.contains("Ghi chép cũ: 1/2010")
			.as("the viewer's role by its name").contains("<span>Cán bộ Nội vụ</span>").doesNotContain("HR_OFFICER")
			.as("who, by name").contains("<td title=\"readable.hr\">Tài khoản kiểm thử readable.hr</td>")
			.doesNotContain("orgUnit:").doesNotContain("jobTitle").doesNotContain("CIVIL_SERVANT")
			.doesNotContain("2015-03-02").doesNotContain("2005-03-02").doesNotContain("1980-04-12")
			.doesNotContain(unit.toString()).doesNotContain(" – ;").doesNotContain("(mã");
		// the audit record itself is unchanged
		assertThat(profiles.changes(id, 0)).extracting(Profiles.Change::newValue)
			.contains("02/03/2015 – ; orgUnit: " + unit + "; jobTitle: Cán bộ địa chính; personnelCategory: CIVIL_SERVANT",
					" – ; joinDate: 2005-03-02; officialDate: 2006-03-02");
	}

	@Test
	void a_change_request_shows_its_start_date_and_named_values_without_an_empty_end() {
		var account = "readable.req." + UUID.randomUUID().toString().substring(0, 8);
		var d = person("Y", "", uniqueToken("Req"), Sex.FEMALE, LocalDate.of(1990, 1, 5));
		var id = ((Profiles.Created) profiles.register(RegistryFixtures.withAccount(d, account), "test.hr")).id();
		selfService.propose(id, "DEGREE", LocalDate.of(2026, 6, 15), null,
				Map.of("level", "THAC_SI", "institution", "Trường Đại học Tây Nguyên"), null, List.of(), account);

		var officer = TestAccounts.loggedIn(port, administration, "readable.hr", Role.HR_OFFICER);
		var page = officer.get("/registry/requests");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Từ 15/06/2026; Trình độ: Thạc sĩ; Cơ sở đào tạo: Trường Đại học Tây Nguyên")
			.doesNotContain("15/06/2026 – ").doesNotContain("(mã)").doesNotContain("THAC_SI");
	}
}
