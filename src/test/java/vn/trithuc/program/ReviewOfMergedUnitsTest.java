package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;

/**
 * A review of a period that began before the 2025 reorganisation covers the accepted reports of the units merged
 * afterwards, under their old names: A and B merged into C on 01/07/2025; the reviews of the first half of 2025
 * and of the year 2025, for every unit and for C's subtree, show A's and B's reports.
 */
@IntegrationTest
class ReviewOfMergedUnitsTest {

	private static final LocalDate MERGE = LocalDate.of(2025, 7, 1);

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	ReviewReports reviews;
	@Autowired
	OrgUnitOperations operations;

	@Test
	void the_reviews_of_2025_cover_the_predecessors_reports_under_their_old_names() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var program = programs.importSeedProgram("test");
		var nameA = "Đảng ủy xã Phi Liêng " + tag;
		var nameB = "Đảng ủy xã Đạ K'Nàng " + tag;
		var orgA = ReportingUnitsFixtures.partyCommittee(operations, nameA);
		var orgB = ReportingUnitsFixtures.partyCommittee(operations, nameB);
		var unitA = reports.addUnit(program, nameA, orgA);
		var unitB = reports.addUnit(program, nameB, orgB);
		var firstHalf = reports.openPeriod(program, PeriodKind.SIX_MONTH, "6 tháng đầu năm 2025 " + tag,
				new UnitReports.PeriodDates(LocalDate.of(2025, 6, 1), LocalDate.of(2024, 12, 15), LocalDate.of(2025, 6, 14),
						LocalDate.of(2025, 6, 21)), "lan");
		var year = reports.openPeriod(program, PeriodKind.ANNUAL, "Năm 2025 " + tag,
				new UnitReports.PeriodDates(LocalDate.of(2025, 6, 1), LocalDate.of(2024, 12, 15), LocalDate.of(2025, 12, 14),
						LocalDate.of(2025, 12, 21)), "lan");
		for (var period : List.of(firstHalf, year)) {
			accept(period, unitA, "Xã Phi Liêng đã quán triệt cho 40 đảng viên (" + tag + ").");
			accept(period, unitB, "Xã Đạ K'Nàng đã quán triệt cho 25 đảng viên (" + tag + ").");
		}

		var orgC = operations.merge(List.of(new OrgUnitId(orgA), new OrgUnitId(orgB)), null,
				NewUnit.of("C" + tag, "Đảng ủy xã Đam Rông 1 " + tag, OrgUnitKind.PARTY_COMMITTEE, null), MERGE, Decision.NONE);

		for (var period : List.of(firstHalf, year)) {
			for (var scope : java.util.Arrays.asList(null, orgC.value())) {
				var review = reviews.review(reviews.draft(period, scope, "lan")).orElseThrow();
				var situation = review.section(ReviewSection.SITUATION).text();
				assertThat(situation).as("period %s, scope %s", period, scope)
					.contains("- " + nameA + ": Xã Phi Liêng đã quán triệt cho 40 đảng viên (" + tag + ").")
					.contains("- " + nameB + ": Xã Đạ K'Nàng đã quán triệt cho 25 đảng viên (" + tag + ").");
				assertThat(review.facts().units()).as("period %s, scope %s", period, scope)
					.filteredOn(u -> u.status() == ReportStatus.ACCEPTED && u.unitName().endsWith(tag))
					.extracting(ReviewReports.UnitLine::unitName).containsExactlyInAnyOrder(nameA, nameB);
			}
		}
	}

	private void accept(UUID period, UUID unit, String narrative) {
		var report = reports.reports(period).stream().filter(l -> l.unitId().equals(unit)).findFirst().orElseThrow().id();
		reports.save(report, 0, new UnitReports.Content(narrative, null, null, Map.of(), Map.of()), "hai");
		reports.act(report, 1, ReportAction.SUBMIT, null, "hai");
		reports.act(report, 2, ReportAction.ACCEPT, null, "lan");
	}
}
