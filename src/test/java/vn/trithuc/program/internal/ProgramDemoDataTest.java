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

	@Test
	void the_demo_fills_the_completeness_matrix_and_then_counts_as_data_present() {
		var demo = new ProgramDemoData(programs, reports, jdbc);
		demo.load();
		var program = programs.seedProgram().orElseThrow();
		var completeness = reports.completeness(program);
		var firstHalf = completeness.periods().stream().filter(p -> p.name().equals("6 tháng đầu năm 2024")).findFirst().orElseThrow();
		var year = completeness.periods().stream().filter(p -> p.name().equals("Năm 2024")).findFirst().orElseThrow();
		// other tests add units to the same program: count the demo's eight
		var lines = reports.reports(firstHalf.id()).stream().filter(l -> ProgramDemoData.DEMO_UNITS.contains(l.unitName())).toList();
		assertThat(lines).extracting(UnitReports.ReportLine::timeliness).containsExactly(Timeliness.ON_TIME,
				Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.ON_TIME,
				Timeliness.LATE, Timeliness.MISSING);
		var yearLines = reports.reports(year.id()).stream().filter(l -> ProgramDemoData.DEMO_UNITS.contains(l.unitName())).toList();
		assertThat(yearLines).filteredOn(l -> l.timeliness() == Timeliness.ON_TIME).hasSize(5);
		assertThat(yearLines).filteredOn(l -> l.timeliness() == Timeliness.MISSING).hasSize(3);
		var totals = completeness.totals().get(firstHalf.id());
		assertThat(totals.expected()).isEqualTo(reports.reports(firstHalf.id()).size());
		assertThat(totals.submitted()).isEqualTo(7 + (int) reports.reports(firstHalf.id()).stream()
			.filter(l -> !ProgramDemoData.DEMO_UNITS.contains(l.unitName()) && l.timeliness().submitted()).count());
		assertThat(lines.get(0).unitName()).isEqualTo("Đảng ủy xã Phi Liêng");
		var returned = reports.report(yearLines.get(4).id()).orElseThrow();
		assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
		assertThat(returned.events()).last().satisfies(e -> assertThat(e.comment()).isEqualTo("Thiếu số liệu quán triệt."));
		assertThat(demo.holdsRealData()).isTrue();
	}
}
