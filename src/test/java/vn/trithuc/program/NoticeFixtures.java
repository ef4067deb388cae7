package vn.trithuc.program;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.orgunit.internal.OrgUnitOperations;

/** A unit report to hang notices on, and unread notices of a user about it (as the reminder pass stores them). */
public final class NoticeFixtures {

	private NoticeFixtures() {
	}

	/** The report of a new reporting unit in an open ad-hoc period of the seed program. */
	public static UUID report(Programs programs, UnitReports reports, OrgUnitOperations operations, String tag) {
		var program = programs.importSeedProgram("test");
		var name = "Đảng ủy chuông " + tag;
		var unit = reports.addUnit(program, name, ReportingUnitsFixtures.partyCommittee(operations, name));
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Kỳ chuông " + tag,
				new UnitReports.PeriodDates(today.minusDays(10), today.minusMonths(6), today.minusDays(1), today.plusDays(30)), "test");
		return reports.reports(period).stream().filter(r -> r.unitId().equals(unit)).findFirst().orElseThrow().id();
	}

	/** A new unread notice of {@code username} about {@code report}. */
	public static UUID notice(JdbcClient jdbc, String username, UUID report) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into program.notice (id, username, kind, report_id, unit_name, period_name, source, created_at)
				values (:id, :u, 'OVERDUE', :r, 'Đảng ủy chuông', 'Kỳ chuông', :src, now())""")
			.param("id", id).param("u", username).param("r", report).param("src", "test:" + id).update();
		return id;
	}
}
