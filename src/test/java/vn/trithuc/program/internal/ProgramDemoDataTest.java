package vn.trithuc.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportStatus;
import vn.trithuc.program.Timeliness;
import vn.trithuc.program.UnitReports;

/** The program's demo data: the seed program, eight communes, two 2024 periods with reports in every state. */
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

	@Test
	void the_demo_fills_the_completeness_matrix_and_then_counts_as_data_present() {
		var demo = new ProgramDemoData(programs, reports, jdbc, matcher);
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
	}
}
