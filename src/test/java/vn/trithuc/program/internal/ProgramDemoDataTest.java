package vn.trithuc.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportStatus;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.program.Timeliness;
import vn.trithuc.program.UnitReports;

/**
 * The program's demo data: the seed program, eight communes, two 2024 periods with reports in every state, and the period
 * running today, in which the demo unit officer's school reports.
 */
@IntegrationTest
class ProgramDemoDataTest {

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrgUnitMatcher matcher;
	@Autowired
	vn.trithuc.orgunit.OrgUnits orgUnits;
	@Autowired
	Reorganisation reorganisation;
	@Autowired
	UserScopes scopes;
	@Autowired
	UserAdministration administration;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	Clock clock;

	@Test
	void the_demo_fills_the_completeness_matrix_and_then_counts_as_data_present() {
		// the demo unit officer of JOURNEYS.md, scoped to his school
		var school = ReportingUnitsFixtures.partyCommittee(operations, "Trường Tiểu học mẫu " + UUID.randomUUID().toString().substring(0, 6));
		TestAccounts.scoped(administration, scopes, "hai.hieutruong", school, Role.UNIT_OFFICER);
		var demo = new ProgramDemoData(programs, reports, jdbc, matcher, orgUnits, reorganisation, scopes, clock);
		var units = demo.loadReturningUnits();
		int n = units.size();
		assertThat(n).isGreaterThanOrEqualTo(8);
		var program = programs.seedProgram().orElseThrow();
		var completeness = reports.completeness(program);
		var firstHalf = completeness.periods().stream().filter(p -> p.name().equals("6 tháng đầu năm 2024")).findFirst().orElseThrow();
		var year = completeness.periods().stream().filter(p -> p.name().equals("Năm 2024")).findFirst().orElseThrow();
		// other tests add units to the same program: count the demo's own
		var lines = reports.reports(firstHalf.id()).stream().filter(l -> units.contains(l.unitId())).toList();
		assertThat(lines).hasSize(n);
		assertThat(lines).filteredOn(l -> l.timeliness() == Timeliness.ON_TIME).hasSize(n - 2);
		assertThat(lines.get(n - 2).timeliness()).isEqualTo(Timeliness.LATE);
		assertThat(lines.get(n - 1).timeliness()).isEqualTo(Timeliness.MISSING);
		var yearLines = reports.reports(year.id()).stream().filter(l -> units.contains(l.unitId())).toList();
		int sent = (n + 1) / 2;
		assertThat(yearLines).filteredOn(l -> l.timeliness() == Timeliness.ON_TIME).hasSize(sent);
		assertThat(yearLines).filteredOn(l -> l.timeliness() == Timeliness.MISSING).hasSize(n - sent);
		var returned = reports.report(yearLines.get(sent - 1).id()).orElseThrow();
		assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
		assertThat(returned.events()).last().satisfies(e -> assertThat(e.comment()).isEqualTo("Thiếu số liệu quán triệt."));
		var totals = completeness.totals().get(firstHalf.id());
		assertThat(totals.expected()).isEqualTo(reports.reports(firstHalf.id()).size());
		assertThat(demo.holdsRealData()).isTrue();

		// the period running today is open, and the school reports in it: its officer has something to send
		var today = LocalDate.now(clock);
		var running = reports.completeness(program).periods().stream().filter(p -> !p.dates().deadline().isBefore(today))
			.filter(p -> p.name().endsWith(" " + p.dates().cutoffTo().getYear())).toList();
		assertThat(running).hasSize(1);
		assertThat(running.get(0).dates().cutoffFrom()).isBeforeOrEqualTo(today);
		var schoolUnit = reports.units(program).stream().filter(u -> school.equals(u.orgUnitId())).findFirst().orElseThrow();
		assertThat(reports.reports(running.get(0).id())).filteredOn(l -> l.unitId().equals(schoolUnit.id())).singleElement()
			.satisfies(l -> assertThat(l.status()).isEqualTo(ReportStatus.DRAFT));
	}
}
