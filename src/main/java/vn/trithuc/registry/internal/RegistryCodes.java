package vn.trithuc.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnits;

/**
 * The one place where code-list values and references to other modules are checked. The catalog module owns
 * the code lists and administrative units, the orgunit module the organisation tree. Administrative units are
 * checked through the catalog's {@link AdminUnits}; until the catalog's code lists and the orgunit module are
 * merged, a code is accepted when it is well-formed and an org unit when it is a UUID — wiring their facades in
 * here is the whole change. Personnel categories are the closed list of issue 6.
 */
@Component
public class RegistryCodes {

	private final AdminUnits adminUnits;

	RegistryCodes(AdminUnits adminUnits) {
		this.adminUnits = adminUnits;
	}

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,30}");

	/** cadre / civil servant / public employee / armed forces / enterprise / private / retired / abroad */
	public static final List<String> PERSONNEL_CATEGORIES = List.of("CADRE", "CIVIL_SERVANT", "PUBLIC_EMPLOYEE",
			"ARMED_FORCES", "ENTERPRISE", "PRIVATE", "RETIRED", "ABROAD");

	/** Education levels, lowest to highest, to derive a person's highest degree. */
	private static final Map<String, Integer> DEGREE_RANK = Map.ofEntries(Map.entry("CAO_DANG", 1),
			Map.entry("DAI_HOC", 2), Map.entry("CHUYEN_KHOA_1", 3), Map.entry("BAC_SI_NOI_TRU", 3),
			Map.entry("THAC_SI", 4), Map.entry("CHUYEN_KHOA_2", 5), Map.entry("TIEN_SI", 6),
			Map.entry("TIEN_SI_KHOA_HOC", 7));

	/** @return empty when {@code code} may be stored for {@code list}; otherwise the message key of the problem */
	public Optional<String> checkCode(String list, String code) {
		if (!CODE.matcher(code).matches()) {
			return Optional.of("registry.code.unknown");
		}
		if (list.equals("personnel-categories") && !PERSONNEL_CATEGORIES.contains(code)) {
			return Optional.of("registry.code.unknown");
		}
		return Optional.empty();
	}

	/** @return empty when the administrative unit may be referred to */
	public Optional<String> checkAdminUnit(UUID unit) {
		return adminUnits.find(new AdminUnitId(unit)).isPresent() ? Optional.empty() : Optional.of("registry.unit.unknown");
	}

	/** The official name of an administrative unit ("Xã Đam Rông 2"), for display. */
	public Optional<String> adminUnitName(UUID unit) {
		return adminUnits.find(new AdminUnitId(unit)).map(AdminUnit::name);
	}

	/** @return empty when the org unit may be referred to */
	public Optional<String> checkOrgUnit(UUID unit) {
		return Optional.empty();
	}

	public int degreeRank(String level) {
		return DEGREE_RANK.getOrDefault(level, 0);
	}

	public Set<String> degreeLevels() {
		return DEGREE_RANK.keySet();
	}
}
