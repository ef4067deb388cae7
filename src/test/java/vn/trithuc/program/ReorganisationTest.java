package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.Sex;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;

/** A reorganisation carries reporting units and their reports along the successor links. */
@IntegrationTest
class ReorganisationTest {

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	Indicators indicators;
	@Autowired
	vn.trithuc.registry.internal.Profiles profiles;

	@Test
	void a_unit_merge_carries_its_reports_and_keeps_their_history_under_the_old_names() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var program = programs.importSeedProgram("test");
		var nameA = "Đảng ủy xã Rô Men " + tag;
		var nameB = "Đảng ủy xã Liêng Srônh " + tag;
		var orgA = ReportingUnitsFixtures.partyCommittee(operations, nameA);
		var orgB = ReportingUnitsFixtures.partyCommittee(operations, nameB);
		var unitA = reports.addUnit(program, nameA, orgA);
		var unitB = reports.addUnit(program, nameB, orgB);
		var today = LocalDate.now();
		// a past period: A's report accepted; a running one: A has started a draft, B has not touched its own
		var past = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất trước sáp nhập " + tag,
				new UnitReports.PeriodDates(today.minusMonths(2), today.minusMonths(4), today.minusMonths(2), today.minusMonths(2).plusDays(7)),
				"lan");
		var running = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất đang chạy " + tag,
				new UnitReports.PeriodDates(today.minusDays(3), today.minusMonths(1), today.minusDays(1), today.plusDays(10)), "lan");
		var pastReport = line(past, unitA).id();
		reports.save(pastReport, 0, new UnitReports.Content("Báo cáo của xã Rô Men.", null, null, Map.of(), Map.of()), "hai");
		reports.act(pastReport, 1, ReportAction.SUBMIT, null, "hai");
		reports.act(pastReport, 2, ReportAction.ACCEPT, null, "lan");
		var runningA = line(running, unitA).id();
		reports.save(runningA, 0, new UnitReports.Content("Đang soạn.", null, null, Map.of(), Map.of()), "hai");

		var merged = operations.merge(List.of(new OrgUnitId(orgA), new OrgUnitId(orgB)), null,
				NewUnit.of("M" + tag, "Đảng ủy xã Đam Rông 2 " + tag, OrgUnitKind.PARTY_COMMITTEE, null), today, Decision.NONE);

		var units = reports.units(program);
		var a = units.stream().filter(u -> u.id().equals(unitA)).findFirst().orElseThrow();
		assertThat(a.ended()).isTrue();
		assertThat(a.endedOn()).isEqualTo(today.minusDays(1));
		var successor = reports.successors(unitA);
		assertThat(successor).hasSize(1);
		assertThat(successor.get(0).orgUnitId()).isEqualTo(merged.value());
		assertThat(successor.get(0).name()).isEqualTo("Đảng ủy xã Đam Rông 2 " + tag);
		assertThat(reports.successors(unitB)).extracting(UnitReports.ReportingUnit::id).containsExactly(successor.get(0).id());

		// the successor carries the history, each report under the name of the unit that wrote it
		var carried = reports.carriedReports(successor.get(0).id());
		assertThat(carried).anySatisfy(l -> {
			assertThat(l.id()).isEqualTo(pastReport);
			assertThat(l.unitName()).isEqualTo(nameA);
			assertThat(l.status()).isEqualTo(ReportStatus.ACCEPTED);
		});
		assertThat(reports.report(pastReport).orElseThrow().unit().name()).isEqualTo(nameA);
		// A's started draft of the running period moved to the successor; B's empty one is no longer expected
		assertThat(reports.report(runningA).orElseThrow().unit().id()).isEqualTo(successor.get(0).id());
		assertThat(reports.report(runningA).orElseThrow().content().narrative()).isEqualTo("Đang soạn.");
		assertThat(reports.reports(running)).extracting(UnitReports.ReportLine::unitId).doesNotContain(unitA, unitB)
			.containsOnlyOnce(successor.get(0).id());
		// computed indicators after the merge count a person of the new commune once, not once per merged unit
		person(merged.value(), today);
		var ended = reports.units(program).stream().filter(u -> u.id().equals(unitA) || u.id().equals(unitB)).toList();
		var computed = indicators.computed(java.util.stream.Stream.concat(ended.stream(), successor.stream()).toList(), today);
		assertThat(computed.get(successor.get(0).id()).get("INTELLECTUALS")).isEqualByComparingTo("1");
		assertThat(computed.values().stream().map(v -> v.get("INTELLECTUALS")).reduce(java.math.BigDecimal.ZERO,
				java.math.BigDecimal::add)).as("the same person, counted once over all units").isEqualByComparingTo("1");
		// without the successor among them, the ended units carry it between them, still once
		var carriedOnly = indicators.computed(ended, today);
		assertThat(carriedOnly.values().stream().map(v -> v.get("INTELLECTUALS")).reduce(java.math.BigDecimal.ZERO,
				java.math.BigDecimal::add)).isEqualByComparingTo("1");

		// a period opened afterwards expects the successor, not the ended units
		var later = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất sau sáp nhập " + tag,
				new UnitReports.PeriodDates(today, today.minusMonths(1), today, today.plusDays(20)), "lan");
		assertThat(reports.reports(later)).extracting(UnitReports.ReportLine::unitId).doesNotContain(unitA, unitB)
			.contains(successor.get(0).id());
	}

	private void person(UUID unit, LocalDate from) {
		var id = profiles.registerAnyway(new PersonData("Kiểm", "Thử", "Sáp Nhập", null, Sex.MALE, LocalDate.of(1990, 5, 6),
				null, "01", null, null, null, null, null, null, null, null), "test");
		profiles.addPart(id, 1, PartKind.POSITION, from, null,
				Map.of("orgUnit", unit.toString(), "jobTitle", "Cán bộ", "personnelCategory", "CIVIL_SERVANT"), "test");
	}

	private UnitReports.ReportLine line(UUID period, UUID unit) {
		return reports.reports(period).stream().filter(l -> l.unitId().equals(unit)).findFirst().orElseThrow();
	}
}
