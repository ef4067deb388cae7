package vn.trithuc.registry.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeLists;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;

/**
 * The one place where code-list values and references to other modules are checked and named: codes through
 * the catalog's {@link CodeLists} (an unknown code gets a clear message naming it), administrative units through
 * {@link AdminUnits}, org units through {@link OrgUnits}. Bean name {@code registryCodes}: templates show names
 * with {@code @registryCodes.name('ethnic-groups', code)}.
 */
@Component("registryCodes")
public class RegistryCodes {

	private final AdminUnits adminUnits;
	private final CodeLists codeLists;
	private final OrgUnits orgUnits;
	private final java.time.Clock clock;

	RegistryCodes(AdminUnits adminUnits, CodeLists codeLists, OrgUnits orgUnits, java.time.Clock clock) {
		this.adminUnits = adminUnits;
		this.codeLists = codeLists;
		this.orgUnits = orgUnits;
		this.clock = clock;
	}

	/** cadre / civil servant / public employee / armed forces / enterprise / private / retired / abroad */
	public static final List<String> PERSONNEL_CATEGORIES = List.of("CADRE", "CIVIL_SERVANT", "PUBLIC_EMPLOYEE",
			"ARMED_FORCES", "ENTERPRISE", "PRIVATE", "RETIRED", "ABROAD");

	/** Education levels, lowest to highest, to derive a person's highest degree. */
	private static final Map<String, Integer> DEGREE_RANK = Map.ofEntries(Map.entry("CAO_DANG", 1),
			Map.entry("DAI_HOC", 2), Map.entry("CHUYEN_KHOA_1", 3), Map.entry("BAC_SI_NOI_TRU", 3),
			Map.entry("THAC_SI", 4), Map.entry("CHUYEN_KHOA_2", 5), Map.entry("TIEN_SI", 6),
			Map.entry("TIEN_SI_KHOA_HOC", 7));

	/** The catalog lists a registry field takes its codes from ("ranks-and-titles": ranks or professional titles). */
	static List<CodeListKind> kinds(String list) {
		if (list.equals("ranks-and-titles")) {
			return List.of(CodeListKind.CIVIL_SERVANT_RANK, CodeListKind.PROFESSIONAL_TITLE);
		}
		return CodeListKind.fromSlug(list).map(List::of).orElse(List.of());
	}

	/** @return empty when {@code code} may be stored for {@code list}; otherwise the message key of the problem */
	public Optional<String> checkCode(String list, String code) {
		var kinds = kinds(list);
		if (kinds.isEmpty()) {
			throw new IllegalArgumentException("no code list " + list);
		}
		return kinds.stream().anyMatch(kind -> codeLists.find(kind, code).isPresent()) ? Optional.empty()
				: Optional.of("registry.code.unknown");
	}

	/** The name of a code ("Cơ-ho" for 15 in ethnic-groups); the code itself when the list does not know it. */
	public String name(String list, @Nullable String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		return kinds(list).stream().map(kind -> codeLists.find(kind, code)).flatMap(Optional::stream).findFirst()
			.map(CodeListEntry::name).orElse(code);
	}

	/** The code meant by a spreadsheet cell: the code itself, or an entry's name with or without diacritics. */
	public Optional<String> codeFor(String list, String text) {
		var folded = vn.trithuc.shared.VietnameseText.fold(text);
		for (var kind : kinds(list)) {
			var exact = codeLists.find(kind, text.strip());
			if (exact.isPresent()) {
				return Optional.of(exact.get().code());
			}
			var byName = codeLists.entries(kind).stream()
				.filter(e -> vn.trithuc.shared.VietnameseText.fold(e.name()).equals(folded)).findFirst();
			if (byName.isPresent()) {
				return Optional.of(byName.get().code());
			}
		}
		return Optional.empty();
	}

	/** The entries that may be chosen now, for selects. */
	public List<CodeListEntry> choices(String list) {
		return kinds(list).stream().flatMap(kind -> codeLists.active(kind).stream()).toList();
	}

	/** @return empty when the administrative unit may be referred to */
	public Optional<String> checkAdminUnit(UUID unit) {
		return adminUnits.find(new AdminUnitId(unit)).isPresent() ? Optional.empty() : Optional.of("registry.unit.unknown");
	}

	/** The official name of an administrative unit ("Xã Đam Rông 2"), for display. */
	public Optional<String> adminUnitName(UUID unit) {
		return adminUnits.find(new AdminUnitId(unit)).map(AdminUnit::name);
	}

	/**
	 * Where a person is from or lives, as HR records write it: the unit and its province ("Xã Bắc Ruộng, Tỉnh Bình
	 * Thuận"; a province alone by its name).
	 */
	public Optional<String> adminUnitPlace(UUID unit) {
		var found = adminUnits.find(new AdminUnitId(unit));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var province = found.get().level() == vn.trithuc.catalog.AdminUnitLevel.PROVINCE ? Optional.<UUID>empty()
				: provinceOf(unit).flatMap(this::adminUnitName);
		return Optional.of(province.map(p -> found.get().name() + ", " + p).orElse(found.get().name()));
	}

	/**
	 * Names of many administrative units at once (search facets): the units of {@code level} in force on {@code date}
	 * (below {@code parent} when given) in one look-up, any other id one by one; an unknown id is left out.
	 */
	public Map<UUID, String> adminUnitNames(java.util.Collection<UUID> ids, vn.trithuc.catalog.AdminUnitLevel level,
			@Nullable UUID parent, java.time.LocalDate date) {
		var names = new java.util.HashMap<UUID, String>();
		if (ids.isEmpty()) {
			return names;
		}
		for (var unit : adminUnits.inForce(date, level, parent == null ? null : new AdminUnitId(parent))) {
			if (ids.contains(unit.id().value())) {
				names.put(unit.id().value(), unit.name());
			}
		}
		for (var id : ids) {
			if (!names.containsKey(id)) {
				adminUnitName(id).ifPresent(name -> names.put(id, name));
			}
		}
		return names;
	}

	/** @return empty when the org unit exists (or existed) in the organisation tree */
	public Optional<String> checkOrgUnit(UUID unit) {
		return orgUnits.find(new OrgUnitId(unit)).isPresent() ? Optional.empty() : Optional.of("registry.orgUnit.unknown");
	}

	/** The name of an org unit (its latest name), for display. */
	public String orgUnitName(@Nullable String unit) {
		if (unit == null || unit.isEmpty()) {
			return "";
		}
		try {
			return orgUnits.find(new OrgUnitId(UUID.fromString(unit))).map(OrgUnit::name).orElse(unit);
		}
		catch (IllegalArgumentException e) {
			return unit;
		}
	}

	/** The text to show for a part's field value: code names, unit names, dates dd/MM/yyyy. */
	public String display(PartKind.Field field, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return switch (field.type()) {
			case CODE -> field.name().equals("personnelCategory") ? name("personnel-categories", value) : name(field.codeList(), value);
			case ORG_UNIT -> orgUnitName(value);
			case ADMIN_UNIT -> {
				try {
					yield adminUnitPlace(UUID.fromString(value)).orElse(value);
				}
				catch (IllegalArgumentException e) {
					yield value;
				}
			}
			case DATE -> {
				try {
					yield vn.trithuc.shared.Formats.DATE.format(java.time.LocalDate.parse(value));
				}
				catch (java.time.format.DateTimeParseException e) {
					yield value;
				}
			}
			default -> value;
		};
	}

	/**
	 * What a form's administrative-unit field offers for {@code value} (a unit id as typed or stored): the provinces in
	 * force today, the province the value lies in and that province's communes in force today. A value no longer in
	 * force (a commune before the 2025 reorganisation) is offered too, by its name; a province alone stands for "commune
	 * unknown".
	 */
	public AdminUnitChoice adminUnitChoice(@Nullable String value) {
		var unit = uuid(value).flatMap(id -> adminUnits.find(new AdminUnitId(id)));
		var province = unit.flatMap(u -> provinceOf(u.id().value())).orElse(null);
		var choice = adminUnitChoiceIn(province);
		if (unit.isEmpty()) {
			return choice;
		}
		var id = unit.get().id().value();
		boolean offered = id.equals(province) || choice.communes().stream().anyMatch(c -> c.id().value().equals(id));
		return new AdminUnitChoice(choice.provinces(), province, choice.communes(), id, offered ? null : unit.get().name());
	}

	/** {@link #adminUnitChoice} once a province is chosen (nothing chosen below it yet). */
	public AdminUnitChoice adminUnitChoiceIn(@Nullable UUID province) {
		var today = java.time.LocalDate.now(clock);
		var provinces = adminUnits.inForce(today, vn.trithuc.catalog.AdminUnitLevel.PROVINCE, null);
		var chosen = province != null && provinces.stream().anyMatch(p -> p.id().value().equals(province)) ? province : null;
		var communes = chosen == null ? List.<AdminUnit>of()
				: adminUnits.inForce(today, vn.trithuc.catalog.AdminUnitLevel.COMMUNE, new AdminUnitId(chosen));
		return new AdminUnitChoice(provinces, chosen, communes, null, null);
	}

	/**
	 * @param province the province the value lies in, null when none is chosen
	 * @param value the chosen unit (a commune, or the province alone), null when none
	 * @param formerName the value's name when it is not among the communes in force (offered as it is)
	 */
	public record AdminUnitChoice(List<AdminUnit> provinces, @Nullable UUID province, List<AdminUnit> communes,
			@Nullable UUID value, @Nullable String formerName) {
	}

	private static Optional<UUID> uuid(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** The province an administrative unit lies in (itself for a province); empty when unknown. */
	public Optional<UUID> provinceOf(@Nullable UUID unit) {
		var current = unit == null ? null : adminUnits.find(new AdminUnitId(unit)).orElse(null);
		for (int depth = 0; current != null && depth < 4; depth++) {
			if (current.level() == vn.trithuc.catalog.AdminUnitLevel.PROVINCE) {
				return Optional.of(current.id().value());
			}
			current = current.parentId() == null ? null : adminUnits.find(current.parentId()).orElse(null);
		}
		return Optional.empty();
	}

	/** What search derives from the parts of a profile (fields, title, expertise document). */
	public SearchDocument searchDocument(List<Part> parts) {
		return SearchDocument.of(parts, code -> name("fields-of-study", code));
	}

	public int degreeRank(String level) {
		return DEGREE_RANK.getOrDefault(level, 0);
	}

	public Set<String> degreeLevels() {
		return DEGREE_RANK.keySet();
	}
}
