package vn.trithuc.planning;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/** Units and people of known facts for planning tests, made through the real modules. */
public final class PlanningFixtures {

	private PlanningFixtures() {
	}

	public static UUID unit(OrgUnitOperations operations, String name, @Nullable UUID parent) {
		return unit(operations, "PL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT), name, parent);
	}

	public static UUID unit(OrgUnitOperations operations, String code, String name, @Nullable UUID parent) {
		var newUnit = OrgUnitOperations.NewUnit.of(code, name, OrgUnitKind.SCHOOL,
				parent == null ? null : new vn.trithuc.orgunit.OrgUnitId(parent));
		return operations.create(newUnit, LocalDate.of(2000, 1, 1), OrgUnitOperations.Decision.NONE).value();
	}

	/** A person with one degree (since 1995) and one position in {@code unit} (since 2000). */
	public static UUID person(Profiles profiles, String given, Sex sex, LocalDate birth, String degree, String field, UUID unit,
			Map<String, String> position) {
		return person(profiles, given, sex, birth, degree, field, unit, position, Map.of());
	}

	/** The same, with political theory, state management, foreign language or IT levels held since 2010. */
	public static UUID person(Profiles profiles, String given, Sex sex, LocalDate birth, String degree, String field, UUID unit,
			Map<String, String> position, Map<PartKind, String> levels) {
		var id = profiles.registerAnyway(new PersonData("Kiểm", "Thử", given, null, sex, birth, null, "01", null, null, null, null,
				null, null, null, null), "test");
		int version = profiles.addPart(id, 1, PartKind.DEGREE, LocalDate.of(1995, 7, 1), null,
				Map.of("level", degree, "fieldOfStudy", field), "test");
		var attributes = new java.util.HashMap<>(Map.of("orgUnit", unit.toString(), "jobTitle", "Giáo viên", "personnelCategory",
				"PUBLIC_EMPLOYEE"));
		attributes.putAll(position);
		version = profiles.addPart(id, version, PartKind.POSITION, LocalDate.of(2000, 1, 1), null, attributes, "test");
		for (var e : levels.entrySet()) {
			var values = e.getKey() == PartKind.FOREIGN_LANGUAGE ? Map.of("language", "Tiếng Anh", "level", e.getValue())
					: Map.of("level", e.getValue());
			version = profiles.addPart(id, version, e.getKey(), LocalDate.of(2010, 1, 1), null, values, "test");
		}
		return id;
	}
}
