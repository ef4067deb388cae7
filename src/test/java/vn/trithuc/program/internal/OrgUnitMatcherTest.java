package vn.trithuc.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;

/** Units named in a document found in the real organisation tree as of the document's date. */
@IntegrationTest
class OrgUnitMatcherTest {

	@Autowired
	OrgUnitMatcher matcher;
	@Autowired
	OrgUnitOperations operations; // the tree's own API for building fixtures

	@Test
	void a_unit_written_without_its_place_is_found_with_the_issuers_place_as_of_the_date() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var place = "Huyện Thử " + tag;
		var date = LocalDate.of(2020, 1, 1);
		var committee = operations.create(NewUnit.of("HU-" + tag, "Huyện ủy " + place, OrgUnitKind.PARTY_COMMITTEE, null), date, Decision.NONE);
		var commission = operations.create(NewUnit.of("BTG-" + tag, "Ban Tuyên giáo Huyện ủy " + place,
				OrgUnitKind.PARTY_COMMISSION, committee), date, Decision.NONE);
		var grassroots = operations.create(NewUnit.of("CB-" + tag, "Chi bộ Trường học " + place,
				OrgUnitKind.GRASSROOTS_PARTY_ORGANISATION, committee), date, Decision.NONE);
		var commune = operations.create(NewUnit.of("DU-" + tag, "Đảng ủy xã Một " + place, OrgUnitKind.PARTY_COMMITTEE,
				committee), date, Decision.NONE);

		assertThat(matcher.find("Huyện ủy " + place, place, LocalDate.of(2024, 3, 1))).contains(committee);
		assertThat(matcher.find("Ban Tuyên giáo Huyện ủy", place, LocalDate.of(2024, 3, 1))).contains(commission);
		assertThat(matcher.find("Ban Tuyên giáo Huyện ủy", place, LocalDate.of(2019, 12, 31))).isEmpty();
		assertThat(matcher.grassrootsUnder(committee, LocalDate.of(2024, 3, 1))).extracting(OrgUnit::id)
			.containsExactlyInAnyOrder(grassroots, commune);
	}

	@Test
	void two_units_with_the_same_name_link_neither() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var date = LocalDate.of(2020, 1, 1);
		operations.create(NewUnit.of("A-" + tag, "Ban Trùng Tên " + tag, OrgUnitKind.OTHER, null), date, Decision.NONE);
		operations.create(NewUnit.of("B-" + tag, "Ban Trùng Tên " + tag, OrgUnitKind.OTHER, null), date, Decision.NONE);
		assertThat(matcher.find("Ban Trùng Tên " + tag, "", LocalDate.of(2024, 1, 1))).isEmpty();
	}
}
