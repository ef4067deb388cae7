package vn.trithuc.program.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitReports;
import vn.trithuc.shared.DemoDataContributor;
import vn.trithuc.shared.Formats;

/**
 * Demo mode: the seed program with its cascade; as reporting units the party committees of the eight
 * communes of the former Đam Rông district (DOMAIN.md), two past periods of 2024 with reports in every
 * state (accepted on time, late, returned, missing) so that the completeness matrix has something to show.
 */
@Component
class ProgramDemoData implements DemoDataContributor {

	static final List<String> DEMO_UNITS = List.of("Đảng ủy xã Phi Liêng", "Đảng ủy xã Đạ K'Nàng", "Đảng ủy xã Rô Men",
			"Đảng ủy xã Liêng Srônh", "Đảng ủy xã Đạ Rsal", "Đảng ủy xã Đạ M'Rông", "Đảng ủy xã Đạ Tông",
			"Đảng ủy xã Đạ Long");

	private final Programs programs;
	private final UnitReports reports;
	private final JdbcClient jdbc;

	ProgramDemoData(Programs programs, UnitReports reports, JdbcClient jdbc) {
		this.programs = programs;
		this.reports = reports;
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("select count(*) from program.action_program where seed_key is null").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from program.reporting_period").query(Long.class).single() > 0;
	}

	@Override
	public void load() {
		var program = programs.importSeedProgram("demo");
		DEMO_UNITS.forEach(name -> reports.addUnit(program, name, null));
		var firstHalf = reports.openPeriod(program, PeriodKind.SIX_MONTH, "6 tháng đầu năm 2024",
				reports.proposedDates(PeriodKind.SIX_MONTH, 2024).orElseThrow(), "demo");
		var year = reports.openPeriod(program, PeriodKind.ANNUAL, "Năm 2024",
				reports.proposedDates(PeriodKind.ANNUAL, 2024).orElseThrow(), "demo");
		var lines = demoLines(firstHalf);
		// first half: six on time (accepted), one late, one missing
		for (int i = 0; i < lines.size(); i++) {
			if (i == 7) {
				continue;
			}
			var sentOn = i == 6 ? LocalDate.of(2024, 7, 2) : LocalDate.of(2024, 6, 17 + i % 4);
			history(lines.get(i).id(), sentOn, i < 6 ? "ACCEPTED" : "SUBMITTED");
		}
		var yearLines = demoLines(year);
		// year: four on time, one returned for correction, three missing
		for (int i = 0; i < 5; i++) {
			history(yearLines.get(i).id(), LocalDate.of(2024, 12, 16 + i), i == 4 ? "RETURNED" : "ACCEPTED");
		}
	}

	private List<UnitReports.ReportLine> demoLines(UUID period) {
		return reports.reports(period).stream().filter(l -> DEMO_UNITS.contains(l.unitName())).toList();
	}

	/** Writes a past workflow history directly: the workflow itself would stamp today's date. */
	private void history(UUID reportId, LocalDate sentOn, String finalStatus) {
		var sent = Timestamp.from(sentOn.atTime(LocalTime.of(9, 30)).atZone(Formats.ZONE).toInstant());
		var reviewed = Timestamp.from(sentOn.plusDays(2).atTime(LocalTime.of(15, 0)).atZone(Formats.ZONE).toInstant());
		jdbc.sql("""
				update program.unit_report set status = :s, narrative = :n, first_submitted_at = :sent,
				  last_submitted_at = :sent, accepted_at = :accepted, accepted_by = :by, version = version + 1
				where id = :id""")
			.param("s", finalStatus).param("n", "Đã tổ chức quán triệt Nghị quyết 45-NQ/TW và Chương trình hành động cho cán bộ, đảng viên.")
			.param("sent", sent).param("accepted", "ACCEPTED".equals(finalStatus) ? reviewed : null, java.sql.Types.TIMESTAMP)
			.param("by", "ACCEPTED".equals(finalStatus) ? "lan.tuyengiao" : null, java.sql.Types.VARCHAR)
			.param("id", reportId).update();
		event(reportId, sent, "demo", "SUBMIT", "DRAFT", "SUBMITTED", null);
		if ("ACCEPTED".equals(finalStatus)) {
			event(reportId, reviewed, "lan.tuyengiao", "ACCEPT", "SUBMITTED", "ACCEPTED", null);
		}
		if ("RETURNED".equals(finalStatus)) {
			event(reportId, reviewed, "lan.tuyengiao", "RETURN", "SUBMITTED", "RETURNED", "Thiếu số liệu quán triệt.");
		}
	}

	private void event(UUID reportId, Timestamp at, String by, String action, String from, String to, String comment) {
		jdbc.sql("""
				insert into program.report_event (id, report_id, at, by_user, action, from_status, to_status, comment)
				values (:id, :r, :at, :by, :a, :f, :t, :c)""")
			.param("id", UUID.randomUUID()).param("r", reportId).param("at", at).param("by", by).param("a", action)
			.param("f", from).param("t", to).param("c", comment, java.sql.Types.VARCHAR).update();
	}
}
