package vn.trithuc.registry.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import vn.trithuc.identity.Role;
import vn.trithuc.registry.Sex;

/** Builders for registry tests. */
public final class RegistryFixtures {

	private static final AtomicInteger SERIAL = new AtomicInteger(100000);

	private RegistryFixtures() {
	}

	public static PersonData person(String family, String middle, String given, Sex sex, LocalDate birth) {
		return new PersonData(family, middle, given, null, sex, birth, null, "01", null, null, null, null, null, null,
				null, null);
	}

	public static PersonData withNationalId(PersonData d, String id) {
		return new PersonData(d.familyName(), d.middleName(), d.givenName(), d.otherNames(), d.sex(), d.birthDate(),
				d.birthYear(), d.ethnicGroup(), d.religion(), id, d.oldId(), d.hometown(), d.residence(), d.phone(),
				d.email(), d.userAccount());
	}

	public static PersonData withAccount(PersonData d, String username) {
		return new PersonData(d.familyName(), d.middleName(), d.givenName(), d.otherNames(), d.sex(), d.birthDate(),
				d.birthYear(), d.ethnicGroup(), d.religion(), d.nationalId(), d.oldId(), d.hometown(), d.residence(),
				d.phone(), d.email(), username);
	}

	public static PersonData withPhone(PersonData d, String phone) {
		return new PersonData(d.familyName(), d.middleName(), d.givenName(), d.otherNames(), d.sex(), d.birthDate(),
				d.birthYear(), d.ethnicGroup(), d.religion(), d.nationalId(), d.oldId(), d.hometown(), d.residence(),
				phone, d.email(), d.userAccount());
	}

	/** A national ID unique in the test run that agrees with the birth year and sex. */
	public static String nationalId(int birthYear, Sex sex) {
		int g = (birthYear >= 2000 ? 2 : 0) + (sex == Sex.FEMALE ? 1 : 0);
		return "068" + g + String.format("%02d", birthYear % 100) + String.format("%06d", SERIAL.incrementAndGet());
	}

	public static Caller hr() {
		return new Caller("test.hr", Set.of(Role.HR_OFFICER));
	}

	public static Caller leader() {
		return new Caller("test.leader", Set.of(Role.LEADER));
	}

	/** A new root unit of the organisation tree (valid since 2000), for positions. */
	public static UUID orgUnit(vn.trithuc.orgunit.internal.OrgUnitOperations operations, String name) {
		var code = "T-" + UUID.randomUUID().toString().substring(0, 8);
		return operations.create(vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit.of(code, name,
				vn.trithuc.orgunit.OrgUnitKind.SCHOOL, null), LocalDate.of(2000, 1, 1),
				vn.trithuc.orgunit.internal.OrgUnitOperations.Decision.NONE).value();
	}

	/** A unique word usable as a name token, so that tests sharing one database do not see each other's people. */
	public static String uniqueToken(String prefix) {
		var random = java.util.concurrent.ThreadLocalRandom.current();
		var letters = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		return prefix + letters;
	}
}
