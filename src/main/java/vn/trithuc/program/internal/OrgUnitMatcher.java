package vn.trithuc.program.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.shared.VietnameseText;

/**
 * Finds the units a document names in the organisation tree as it was on the document's date. Party
 * documents write a unit without its place when it is the issuer's own (Ban Tuyên giáo Huyện ủy = of this
 * district): the name is tried as written, then followed by the issuer's place. Only a single exact match
 * (diacritics and case as written) links; anything else stays unlinked for a person to decide.
 */
@Component
class OrgUnitMatcher {

	private final OrgUnits orgUnits;

	OrgUnitMatcher(OrgUnits orgUnits) {
		this.orgUnits = orgUnits;
	}

	Optional<OrgUnitId> find(String writtenName, String place, LocalDate date) {
		var exact = exactly(writtenName, date);
		return exact.isPresent() ? exact : exactly(writtenName + " " + place, date);
	}

	/** The party organisations directly under a committee on a date: those expected to report. */
	List<OrgUnit> grassrootsUnder(OrgUnitId committee, LocalDate date) {
		return orgUnits.children(committee, date).stream()
			.filter(u -> u.kind() == OrgUnitKind.GRASSROOTS_PARTY_ORGANISATION || u.kind() == OrgUnitKind.PARTY_COMMITTEE)
			.toList();
	}

	private Optional<OrgUnitId> exactly(String name, LocalDate date) {
		var wanted = VietnameseText.nfc(name);
		var matches = orgUnits.search(name, date, 20).stream()
			.filter(u -> u.inForceOn(date) && wanted.equals(VietnameseText.nfc(u.name()))).toList();
		return matches.size() == 1 ? Optional.of(matches.get(0).id()) : Optional.empty();
	}
}
