package vn.trithuc.analytics.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnits;

/**
 * The sector (khối, ngành) a person works in, from the kind of their unit: the party's bodies, the government side
 * (people's committees and councils, their departments), the Fatherland Front with mass organisations and
 * associations, education, health, enterprises, other. "" when the unit is not in the organisation tree.
 */
@Component
public class SectorPolicy {

	/** The sectors in the order tables show them. */
	public static final List<String> SECTORS = List.of("PARTY", "GOVERNMENT", "FRONT", "EDUCATION", "HEALTH", "ENTERPRISE",
			"OTHER");

	private static final Map<OrgUnitKind, String> BY_KIND = new EnumMap<>(Map.ofEntries(
			Map.entry(OrgUnitKind.PARTY_COMMITTEE, "PARTY"), Map.entry(OrgUnitKind.GRASSROOTS_PARTY_ORGANISATION, "PARTY"),
			Map.entry(OrgUnitKind.PARTY_CELL, "PARTY"), Map.entry(OrgUnitKind.PARTY_COMMISSION, "PARTY"),
			Map.entry(OrgUnitKind.PEOPLES_COMMITTEE, "GOVERNMENT"),
			Map.entry(OrgUnitKind.PEOPLES_COMMITTEE_DEPARTMENT, "GOVERNMENT"),
			Map.entry(OrgUnitKind.PEOPLES_COUNCIL, "GOVERNMENT"), Map.entry(OrgUnitKind.FATHERLAND_FRONT, "FRONT"),
			Map.entry(OrgUnitKind.MASS_ORGANISATION, "FRONT"), Map.entry(OrgUnitKind.ASSOCIATION, "FRONT"),
			Map.entry(OrgUnitKind.SCHOOL, "EDUCATION"), Map.entry(OrgUnitKind.HEALTH_FACILITY, "HEALTH"),
			Map.entry(OrgUnitKind.ENTERPRISE, "ENTERPRISE"), Map.entry(OrgUnitKind.OTHER, "OTHER")));

	private final OrgUnits orgUnits;
	private final Map<UUID, String> cache = new ConcurrentHashMap<>();

	SectorPolicy(OrgUnits orgUnits) {
		this.orgUnits = orgUnits;
	}

	public static String of(OrgUnitKind kind) {
		return BY_KIND.getOrDefault(kind, "OTHER");
	}

	String sector(UUID orgUnit) {
		return cache.computeIfAbsent(orgUnit,
				id -> orgUnits.find(new OrgUnitId(id)).map(OrgUnit::kind).map(SectorPolicy::of).orElse(""));
	}

	void forget() {
		cache.clear();
	}
}
