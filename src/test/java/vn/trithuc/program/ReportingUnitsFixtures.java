package vn.trithuc.program;

import java.time.LocalDate;
import java.util.UUID;

import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;

/** A reporting unit in the organisation tree and the unit officer whose scope it is. */
public final class ReportingUnitsFixtures {

	private ReportingUnitsFixtures() {
	}

	/** A party committee in the tree since 2020. @return its org unit id */
	public static UUID partyCommittee(OrgUnitOperations operations, String name) {
		return operations.create(NewUnit.of("T" + UUID.randomUUID().toString().substring(0, 8), name,
				OrgUnitKind.PARTY_COMMITTEE, null), LocalDate.of(2020, 1, 1), Decision.NONE).value();
	}

	/** A ready unit officer whose scope is {@code orgUnit}. @return the user name */
	public static String officerOf(UserAdministration administration, UserScopes scopes, String username, UUID orgUnit) {
		TestAccounts.ready(administration, username, Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(username).orElseThrow().id(), orgUnit, "test");
		return username;
	}
}
