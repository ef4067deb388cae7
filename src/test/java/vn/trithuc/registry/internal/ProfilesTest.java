package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.trithuc.registry.internal.RegistryFixtures.hr;
import static vn.trithuc.registry.internal.RegistryFixtures.nationalId;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;
import static vn.trithuc.registry.internal.RegistryFixtures.withNationalId;
import static vn.trithuc.registry.internal.RegistryFixtures.withPhone;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.Sex;

@IntegrationTest
class ProfilesTest {

	@Autowired
	Profiles profiles;
	@Autowired
	DuplicateReview review;
	@Autowired
	DuplicateRule duplicates;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations orgUnits;
	@Autowired
	SelfService selfService;
	@Autowired
	Erasures erasures;

	private UUID create(PersonData data) {
		return ((Profiles.Created) profiles.register(data, "test.hr")).id();
	}

	@Test
	void the_profile_as_of_a_date_shows_the_positions_in_force_then_and_the_current_unit_derives_from_them() {
		var id = create(person("Trần", "Minh", uniqueToken("Asof"), Sex.MALE, LocalDate.of(1975, 2, 3)));
		var school = RegistryFixtures.orgUnit(orgUnits, "Trường THPT Đam Rông");
		var hospital = RegistryFixtures.orgUnit(orgUnits, "Trung tâm Y tế Đam Rông");
		int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2010, 9, 1), LocalDate.of(2019, 12, 31),
				Map.of("orgUnit", school.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		v = profiles.addPart(id, v, PartKind.POSITION, LocalDate.of(2020, 1, 1), null,
				Map.of("orgUnit", hospital.toString(), "jobTitle", "Bác sĩ", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		v = profiles.addPart(id, v, PartKind.DEGREE, LocalDate.of(2015, 6, 1), null,
				Map.of("level", "THAC_SI", "institution", "Đại học Đà Lạt"), "test.hr");
		var profile = profiles.find(id, hr()).orElseThrow();

		assertThat(profile.partsOn(LocalDate.of(2012, 1, 1))).extracting(p -> p.attribute("jobTitle")).containsExactly("Giáo viên");
		assertThat(profile.partsOn(LocalDate.of(2019, 12, 31))).extracting(Part::kind)
			.containsExactlyInAnyOrder(PartKind.POSITION, PartKind.DEGREE);
		assertThat(profile.partsOn(LocalDate.of(2021, 1, 1))).filteredOn(p -> p.kind() == PartKind.POSITION)
			.extracting(p -> p.attribute("jobTitle")).containsExactly("Bác sĩ");
		assertThat(profile.currentOrgUnit()).isEqualTo(hospital);
		assertThat(profile.highestDegree()).isEqualTo("THAC_SI");
		assertThat(profile.timeline()).extracting(Part::validFrom)
			.containsExactly(LocalDate.of(2010, 9, 1), LocalDate.of(2015, 6, 1), LocalDate.of(2020, 1, 1));
		assertThat(profile.version()).isEqualTo(4);
	}

	@Test
	void the_second_of_two_concurrent_editors_is_refused_and_sees_what_changed() {
		var data = person("Phạm", "Thị", uniqueToken("Lock"), Sex.FEMALE, LocalDate.of(1988, 8, 8));
		var id = create(data);
		// both opened version 1; the first saves a new phone number
		profiles.update(id, 1, withPhone(data, "0912345678"), "first.editor");
		assertThatThrownBy(() -> profiles.update(id, 1, withPhone(data, "0987654321"), "second.editor"))
			.isInstanceOf(OptimisticLockingFailureException.class);
		var stored = profiles.find(id, hr()).orElseThrow();
		assertThat(stored.data().phone()).isEqualTo("0912345678");
		assertThat(stored.version()).isEqualTo(2);
		assertThat(profiles.changes(id, 1)).singleElement().satisfies(change -> {
			assertThat(change.actor()).isEqualTo("first.editor");
			assertThat(change.field()).isEqualTo("phone");
			assertThat(change.oldValue()).isNull();
			assertThat(change.newValue()).isEqualTo("0912345678");
		});
		// adding a part with the stale version is refused too
		assertThatThrownBy(() -> profiles.addPart(id, 1, PartKind.TALENT, null, null, Map.of("reason", "x"), "second.editor"))
			.isInstanceOf(OptimisticLockingFailureException.class);
	}

	@Test
	void a_second_person_with_the_same_national_id_is_refused() {
		var nid = nationalId(1970, Sex.MALE);
		create(withNationalId(person("Lê", "Văn", uniqueToken("Cccd"), Sex.MALE, LocalDate.of(1970, 1, 1)), nid));
		assertThatThrownBy(() -> profiles.register(
				withNationalId(person("Lê", "Văn", uniqueToken("Khac"), Sex.MALE, LocalDate.of(1970, 1, 1)), nid), "test.hr"))
			.isInstanceOfSatisfying(Profiles.InvalidProfileException.class, e -> assertThat(e.errors())
				.extracting(Profiles.FieldError::messageKey).containsExactly("registry.nationalId.taken"));
	}

	@Test
	void a_national_id_disagreeing_with_the_birth_year_is_stored_with_a_warning() {
		var created = (Profiles.Created) profiles.register(withNationalId(
				person("Võ", "Thị", uniqueToken("Warn"), Sex.FEMALE, LocalDate.of(1990, 1, 1)), nationalId(1991, Sex.FEMALE)),
				"test.hr");
		assertThat(created.warnings()).extracting(NationalIdPolicy.Finding::messageKey)
			.containsExactly("registry.nationalId.yearMismatch");
	}

	@Test
	void without_national_id_the_same_folded_name_and_birth_date_goes_to_duplicate_review() {
		var given = uniqueToken("Dup");
		var first = create(person("Nguyễn", "Thị", given, Sex.FEMALE, LocalDate.of(1985, 4, 30)));
		long before = profiles.count();
		// typed without diacritics, in capitals: still the same folded name
		var outcome = profiles.register(person("NGUYEN", "THI", given.toUpperCase(), Sex.FEMALE, LocalDate.of(1985, 4, 30)),
				"importer");
		assertThat(outcome).isInstanceOfSatisfying(Profiles.RoutedToReview.class,
				routed -> assertThat(routed.matchedPerson()).isEqualTo(first));
		assertThat(profiles.count()).isEqualTo(before);
		var candidate = ((Profiles.RoutedToReview) outcome).candidate();
		assertThat(duplicates.open()).extracting(DuplicateRule.Candidate::id).contains(candidate);

		// another birth date is another person
		assertThat(profiles.register(person("Nguyễn", "Thị", given, Sex.FEMALE, LocalDate.of(1986, 4, 30)), "importer"))
			.isInstanceOf(Profiles.Created.class);

		// the officer decides it is a different person after all
		var created = review.registerAsNew(candidate, "test.hr");
		assertThat(created).isPresent();
		assertThat(duplicates.open()).extracting(DuplicateRule.Candidate::id).doesNotContain(candidate);
		assertThat(review.registerAsNew(candidate, "test.hr")).isEmpty();
	}

	@Test
	void the_same_person_after_all_creates_nothing_and_fills_in_only_what_the_profile_lacks() {
		var given = uniqueToken("Bosung");
		var existing = create(withPhone(person("Phạm", "Thị", given, Sex.FEMALE, LocalDate.of(1990, 2, 3)), "0912 000 111"));
		var proposal = new PersonData("Phạm", "Thị", given, null, Sex.FEMALE, LocalDate.of(1990, 2, 3), 1990, "01", null,
				null, null, null, null, "0988 777 666", "pham.bosung@example.org", null);
		var routed = (Profiles.RoutedToReview) profiles.register(proposal, "importer");
		long before = profiles.count();
		assertThat(review.discard(routed.candidate(), "test.hr")).isTrue();
		assertThat(profiles.count()).isEqualTo(before);
		var data = profiles.load(existing).orElseThrow().data();
		assertThat(data.phone()).as("the profile's own phone stays").isEqualTo("0912 000 111");
		assertThat(data.email()).isEqualTo("pham.bosung@example.org");
		assertThat(data.ethnicGroup()).isEqualTo("01");
		assertThat(jdbc.sql("select count(*) from registry.change_log where person_id = :id and field = 'email' and actor = 'test.hr'")
			.param("id", existing).query(Integer.class).single()).as("the addition is audited").isEqualTo(1);
		assertThat(review.discard(routed.candidate(), "test.hr")).as("decided once").isFalse();
	}

	@Test
	void merging_two_records_keeps_every_history_row_and_audit_entry() {
		var given = uniqueToken("Gop");
		var keep = create(person("Hoàng", "Văn", given, Sex.MALE, LocalDate.of(1979, 7, 7)));
		var other = profiles.registerAnyway(withNationalId(person("Hoàng", "Văn", given, Sex.MALE, LocalDate.of(1979, 7, 7)),
				nationalId(1979, Sex.MALE)), "importer");
		int v = profiles.addPart(keep, 1, PartKind.POSITION, LocalDate.of(2001, 1, 1), LocalDate.of(2010, 1, 1),
				Map.of("jobTitle", "Kỹ sư", "personnelCategory", "CIVIL_SERVANT"), "test.hr");
		profiles.addPart(other, 1, PartKind.DEGREE, LocalDate.of(2005, 1, 1), null, Map.of("level", "TIEN_SI"), "importer");
		profiles.addPart(other, 2, PartKind.TALENT, LocalDate.of(2020, 1, 1), null, Map.of("reason", "Giải thưởng"), "importer");
		profiles.view(other, hr());
		long otherAudit = profiles.changes(other, null).size();
		long keepAudit = profiles.changes(keep, null).size();

		profiles.merge(keep, v, other, "test.hr");

		var merged = profiles.find(keep, hr()).orElseThrow();
		assertThat(merged.parts()).extracting(Part::kind)
			.containsExactlyInAnyOrder(PartKind.POSITION, PartKind.DEGREE, PartKind.TALENT);
		assertThat(merged.data().nationalId()).isNotNull();
		assertThat(merged.highestDegree()).isEqualTo("TIEN_SI");
		assertThat(merged.talent()).isTrue();
		var audit = profiles.changes(keep, null);
		assertThat(audit.size()).isGreaterThanOrEqualTo((int) (otherAudit + keepAudit + 1));
		assertThat(audit).extracting(Profiles.Change::actor).contains("importer", "test.hr");
		assertThat(audit).extracting(Profiles.Change::action).contains("MERGED", "CREATED");
		assertThat(profiles.viewers(keep, 10)).extracting(Profiles.ViewEntry::viewer).contains("test.hr");
		assertThat(profiles.find(other, hr())).isEmpty();
		assertThat(profiles.mergedInto(other)).contains(keep);
		assertThat(jdbc.sql("select count(*) from registry.person_part where person_id = :id").param("id", other)
			.query(Long.class).single()).isZero();
	}

	@Test
	void a_merge_takes_the_other_records_requests_consents_and_erasure_request_to_the_survivor() {
		var keep = create(person("Vũ", "Thị", uniqueToken("Gop"), Sex.FEMALE, LocalDate.of(1983, 3, 3)));
		var other = create(person("Vũ", "Thị", uniqueToken("Gop"), Sex.FEMALE, LocalDate.of(1983, 3, 3)));
		var request = selfService.propose(other, SelfService.CONTACT, null, null, Map.of("phone", "0912345678"), null,
				"test.hr");
		selfService.consent(keep, "EXPERT_DIRECTORY", false, "test.hr");
		selfService.consent(other, "EXPERT_DIRECTORY", true, "test.hr");
		var erasure = erasures.request(other, "Đã nghỉ việc ở doanh nghiệp", "test.hr").orElseThrow();
		profiles.merge(keep, 1, other, "test.hr");
		assertThat(selfService.ofPerson(keep)).extracting(SelfService.Request::id).containsExactly(request);
		assertThat(selfService.consents(keep)).as("the latest decision, given under the other record")
			.containsEntry("EXPERT_DIRECTORY", true);
		assertThat(erasures.open(keep)).get().extracting(Erasures.Task::id).isEqualTo(erasure);
		for (var table : List.of("change_request", "consent", "erasure_request")) {
			assertThat(jdbc.sql("select count(*) from registry." + table + " where person_id = :m").param("m", other)
				.query(Long.class).single()).as(table).isZero();
		}
	}

	@Test
	void two_records_with_different_national_ids_are_never_merged() {
		var a = create(withNationalId(person("Đỗ", "Văn", uniqueToken("Hai"), Sex.MALE, LocalDate.of(1977, 1, 1)),
				nationalId(1977, Sex.MALE)));
		var b = create(withNationalId(person("Đỗ", "Văn", uniqueToken("Hai"), Sex.MALE, LocalDate.of(1977, 1, 1)),
				nationalId(1977, Sex.MALE)));
		assertThatThrownBy(() -> profiles.merge(a, 1, b, "test.hr"))
			.isInstanceOfSatisfying(Profiles.InvalidProfileException.class, e -> assertThat(e.errors())
				.extracting(Profiles.FieldError::messageKey).containsExactly("registry.merge.differentIds"));
		assertThat(profiles.find(b, hr())).isPresent();
	}

	@Test
	void unknown_codes_and_units_are_refused_with_a_clear_message() {
		var id = create(person("Mai", "Văn", uniqueToken("Ma"), Sex.MALE, LocalDate.of(1980, 1, 1)));
		assertThatThrownBy(() -> profiles.addPart(id, 1, PartKind.DEGREE, null, null, Map.of("level", "TIEN_SI_X"), "test.hr"))
			.isInstanceOfSatisfying(Profiles.InvalidProfileException.class, e -> assertThat(e.errors()).singleElement()
				.satisfies(err -> {
					assertThat(err.messageKey()).isEqualTo("registry.code.unknown");
					assertThat(err.arguments()).containsExactly("TIEN_SI_X");
				}));
		assertThatThrownBy(() -> profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2020, 1, 1), null,
				Map.of("orgUnit", UUID.randomUUID().toString(), "jobTitle", "Kỹ sư", "personnelCategory", "CIVIL_SERVANT"), "test.hr"))
			.isInstanceOfSatisfying(Profiles.InvalidProfileException.class, e -> assertThat(e.errors())
				.extracting(Profiles.FieldError::messageKey).containsExactly("registry.orgUnit.unknown"));
		assertThatThrownBy(() -> profiles.update(id, 1, new PersonData("Mai", "Văn", "X", null, Sex.MALE, null, 1980, "99",
				null, null, null, UUID.randomUUID(), null, null, null, null), "test.hr"))
			.isInstanceOfSatisfying(Profiles.InvalidProfileException.class, e -> assertThat(e.errors())
				.extracting(Profiles.FieldError::messageKey).containsExactlyInAnyOrder("registry.code.unknown", "registry.unit.unknown"));
		// a known code, in a real list of the catalog
		assertThat(profiles.addPart(id, 1, PartKind.DEGREE, null, null, Map.of("level", "TIEN_SI", "fieldOfStudy", "62"), "test.hr"))
			.isEqualTo(2);
	}

	@Test
	void every_change_is_logged_with_old_and_new_value() {
		var data = person("Bùi", "Thị", uniqueToken("Log"), Sex.FEMALE, LocalDate.of(1995, 2, 2));
		var id = create(data);
		profiles.update(id, 1, withPhone(data, "0900000001"), "a");
		profiles.update(id, 2, withPhone(data, "0900000002"), "b");
		var changes = profiles.changes(id, null);
		assertThat(changes.get(0)).satisfies(c -> {
			assertThat(c.actor()).isEqualTo("b");
			assertThat(c.oldValue()).isEqualTo("0900000001");
			assertThat(c.newValue()).isEqualTo("0900000002");
			assertThat(c.version()).isEqualTo(3);
		});
		assertThat(changes).extracting(Profiles.Change::action).last().isEqualTo("CREATED");
	}
}
