package vn.trithuc.registry.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;

/**
 * The masking rules of the registry, in one place: who sees the full national ID, who sees party membership,
 * who may edit, who reads the change history. HR officers and system administrators see everything; a unit
 * officer sees the national ID only when {@code trithuc.registry.unit-officers-see-national-id} is set; leaders
 * see masked IDs, birth years and no party membership; the person always sees their own data.
 */
@Component
public class ProfileVisibility {

	private final boolean unitOfficersSeeNationalId;

	@org.springframework.beans.factory.annotation.Autowired
	ProfileVisibility(RegistrySettings settings) {
		this.unitOfficersSeeNationalId = settings.unitOfficersSeeNationalId();
	}

	public ProfileVisibility(boolean unitOfficersSeeNationalId) {
		this.unitOfficersSeeNationalId = unitOfficersSeeNationalId;
	}

	public boolean seesNationalId(Caller caller, boolean ownProfile) {
		return ownProfile || caller.hasAny(Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR)
				|| (unitOfficersSeeNationalId && caller.has(Role.UNIT_OFFICER));
	}

	/** Party membership is sensitive (political views): HR and administrators only, and the person. */
	public boolean seesPartyMembership(Caller caller, boolean ownProfile) {
		return ownProfile || caller.hasAny(Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR);
	}

	/**
	 * The full birth date (lists, exports, profile pages, the API): not for leaders (they see the birth year); always
	 * the person's own.
	 */
	public boolean seesBirthDate(Caller caller, boolean ownProfile) {
		return ownProfile || caller.hasAny(Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.UNIT_OFFICER);
	}

	/**
	 * Opening an account for a person (an invitation) or linking one to the profile hands the whole profile, national
	 * ID and party membership included, to whoever holds the account: only for those who see the whole profile.
	 */
	public boolean linksAccounts(Caller caller) {
		return seesNationalId(caller, false) && seesPartyMembership(caller, false);
	}

	public boolean edits(Caller caller) {
		return caller.hasAny(Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.UNIT_OFFICER);
	}

	public boolean readsChangeHistory(Caller caller) {
		return caller.hasAny(Role.HR_OFFICER, Role.SYSTEM_ADMINISTRATOR);
	}

	/** The ID as the caller may see it: full, or all but the last four digits masked (********1234). */
	public @Nullable String nationalId(@Nullable String id, Caller caller, boolean ownProfile) {
		if (id == null || seesNationalId(caller, ownProfile)) {
			return id;
		}
		return mask(id);
	}

	public static String mask(String id) {
		int keep = Math.min(4, id.length());
		return "*".repeat(id.length() - keep) + id.substring(id.length() - keep);
	}
}
