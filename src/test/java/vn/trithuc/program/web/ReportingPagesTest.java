package vn.trithuc.program.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportStatus;
import vn.trithuc.program.UnitReports;

/** Periods and unit reports over HTTP: the commission opens a period, a unit reports, the commission reviews. */
@IntegrationTest
class ReportingPagesTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;
	@Autowired
	vn.trithuc.identity.UserScopes scopes;

	@Test
	void a_unit_report_goes_through_submit_return_resubmit_accept_over_http() {
		var program = programs.importSeedProgram("test");
		var unitName = "Đảng ủy xã kiểm thử HTTP " + UUID.randomUUID().toString().substring(0, 8);
		var orgUnit = ReportingUnitsFixtures.partyCommittee(operations, unitName);
		var lan = TestAccounts.loggedIn(port, administration, "reporting.lan", Role.PROGRAM_MANAGER);
		var page = lan.get("/program/programs/" + program + "/reporting");
		assertThat(page.status()).isEqualTo(200);
		var csrf = WebClientSession.csrfToken(page.body());
		assertThat(lan.postForm("/program/programs/" + program + "/units", Map.of("_csrf", csrf, "name", unitName,
				"orgUnitId", orgUnit.toString())).status())
			.isEqualTo(302);
		var opened = lan.postForm("/program/programs/" + program + "/periods", Map.of("_csrf", csrf, "kind", "SIX_MONTH",
				"name", "6 tháng đầu năm 2099 (HTTP)", "year", "2099"));
		assertThat(opened.status()).isEqualTo(302);
		var periodId = UUID.fromString(opened.header("Location").replaceAll(".*/program/periods/", ""));
		var period = reports.period(periodId).orElseThrow();
		assertThat(period.dates().cutoffFrom()).hasToString("2098-12-15");
		assertThat(period.dates().deadline()).hasToString("2099-06-21");
		var line = reports.reports(periodId).stream().filter(l -> l.unitName().equals(unitName)).findFirst().orElseThrow();
		var reportPath = "/program/reports/" + line.id();

		// a unit officer of another unit (or without a scope) does not even learn that the report exists
		var other = TestAccounts.loggedIn(port, administration, "reporting.other", Role.UNIT_OFFICER);
		assertThat(other.get(reportPath).status()).isEqualTo(404);

		ReportingUnitsFixtures.officerOf(administration, scopes, "reporting.hai", orgUnit);
		var hai = TestAccounts.loggedIn(port, administration, "reporting.hai", Role.UNIT_OFFICER);
		var form = hai.get(reportPath);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Nháp", "Nhóm nhiệm vụ 3", "Chưa đến hạn");
		var task = programs.find(program, period.dates().cutoffTo()).orElseThrow().items(ItemKind.TASK).get(0);
		var fields = new HashMap<String, String>();
		fields.put("_csrf", WebClientSession.csrfToken(form.body()));
		fields.put("version", version(form.body()));
		fields.put("narrative", "Đã quán triệt cho 45 đảng viên là trí thức.");
		fields.put("task." + task.id() + ".status", "DONE");
		fields.put("task." + task.id() + ".progress", "100");
		fields.put("indicator.RND_STAFF_PER_10000", "2,5");
		assertThat(hai.postForm(reportPath, fields).status()).isEqualTo(302);
		form = hai.get(reportPath);
		assertThat(form.body()).contains("Đã lưu báo cáo.", "Đã quán triệt cho 45 đảng viên là trí thức.", "value=\"2,5\"");
		assertThat(hai.postForm(reportPath + "/submit", Map.of("_csrf", csrf(form), "version", version(form.body()))).status())
			.isEqualTo(302);
		// a unit officer cannot accept its own report
		form = hai.get(reportPath);
		assertThat(hai.postForm(reportPath + "/accept", Map.of("_csrf", csrf(form), "version", version(form.body()))).status())
			.isEqualTo(403);

		var review = lan.get(reportPath);
		assertThat(review.body()).contains("Đã gửi", "Đúng hạn");
		// returning without a comment is refused with a message
		lan.postForm(reportPath + "/return", Map.of("_csrf", csrf(review), "version", version(review.body()), "comment", " "));
		assertThat(lan.get(reportPath).body()).contains("Vui lòng ghi nội dung cần bổ sung hoặc lý do.");
		review = lan.get(reportPath);
		lan.postForm(reportPath + "/return", Map.of("_csrf", csrf(review), "version", version(review.body()),
				"comment", "thiếu số liệu quán triệt"));
		assertThat(reports.report(line.id()).orElseThrow().status()).isEqualTo(ReportStatus.RETURNED);

		form = hai.get(reportPath);
		assertThat(form.body()).contains("Bị trả lại", "thiếu số liệu quán triệt");
		hai.postForm(reportPath + "/submit", Map.of("_csrf", csrf(form), "version", version(form.body())));
		review = lan.get(reportPath);
		assertThat(review.body()).contains("Đã gửi lại");
		var staleVersion = version(review.body());
		lan.postForm(reportPath + "/accept", Map.of("_csrf", csrf(review), "version", staleVersion));
		var accepted = lan.get(reportPath).body();
		assertThat(accepted).contains("Đã duyệt", "và đã khóa");
		// who acted, by the names people know them by, not their user names
		assertThat(accepted).contains("Báo cáo đã được Tài khoản kiểm thử reporting.lan duyệt lúc",
				": Tài khoản kiểm thử reporting.hai — Gửi", ": Tài khoản kiểm thử reporting.lan — Trả lại")
			.doesNotContain("được reporting.lan duyệt", ": reporting.hai —");
		// the same accept sent again from the stale page: a clear conflict message, nothing changes
		lan.postForm(reportPath + "/accept", Map.of("_csrf", csrf(review), "version", staleVersion));
		assertThat(lan.get(reportPath).body()).contains("Báo cáo vừa được người khác thay đổi.");
		assertThat(reports.report(line.id()).orElseThrow().events()).hasSize(4);

		var matrix = lan.get("/program/programs/" + program + "/completeness").body();
		assertThat(matrix).contains(unitName, "6 tháng đầu năm 2099 (HTTP)", "Hạn 21/06/2099", "Đúng hạn");
		// the legend explains every word a cell may hold, also the cells of periods a unit had no report in
		assertThat(matrix).contains(", Không phải gửi (đơn vị chưa có hoặc không còn trong kỳ đó).");
		var leader = TestAccounts.loggedIn(port, administration, "reporting.leader", Role.LEADER);
		assertThat(leader.get("/program/programs/" + program + "/completeness").status()).isEqualTo(200);
		var leaderPage = leader.get(reportPath);
		assertThat(leaderPage.body()).doesNotContain("accept-report", "return-report");
	}

	@Test
	void urging_the_units_that_have_not_reported_says_once_how_many_were_urged() {
		var program = programs.importSeedProgram("test");
		var unitName = "Đảng ủy xã đôn đốc " + UUID.randomUUID().toString().substring(0, 8);
		reports.addUnit(program, unitName, ReportingUnitsFixtures.partyCommittee(operations, unitName));
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất đôn đốc " + unitName,
				new UnitReports.PeriodDates(today.minusDays(20), today.minusMonths(6), today.minusDays(10), today.minusDays(3)), "test");
		long pending = reports.reports(period).stream().filter(l -> l.firstSubmittedAt() == null).count();
		var lan = TestAccounts.loggedIn(port, administration, "reporting.urge", Role.PROGRAM_MANAGER);
		var page = lan.get("/program/periods/" + period);
		assertThat(lan.postForm("/program/periods/" + period + "/remind", Map.of("_csrf", csrf(page))).status()).isEqualTo(302);
		var after = lan.get("/program/periods/" + period).body();
		assertThat(after).contains("Đã đôn đốc " + pending + " đơn vị chưa gửi báo cáo.");
		assertThat(after.split("Đã đôn đốc", -1)).hasSize(2);
		assertThat(after).contains("<td>Tài khoản kiểm thử reporting.urge</td>");
	}

	@Test
	void a_unit_officer_finds_on_the_period_page_a_link_to_the_reports_of_their_units_only() {
		var program = programs.importSeedProgram("test");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var mine = ReportingUnitsFixtures.partyCommittee(operations, "Chi bộ của tôi " + tag);
		reports.addUnit(program, "Chi bộ của tôi " + tag, mine);
		reports.addUnit(program, "Chi bộ khác " + tag, ReportingUnitsFixtures.partyCommittee(operations, "Chi bộ khác " + tag));
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất phạm vi " + tag,
				new UnitReports.PeriodDates(today, today.minusMonths(6), today, today.plusDays(7)), "test");
		var lines = reports.reports(period);
		var myReport = lines.stream().filter(l -> l.unitName().equals("Chi bộ của tôi " + tag)).findFirst().orElseThrow();
		var otherReport = lines.stream().filter(l -> l.unitName().equals("Chi bộ khác " + tag)).findFirst().orElseThrow();
		ReportingUnitsFixtures.officerOf(administration, scopes, "reporting.links." + tag, mine);
		var officer = TestAccounts.loggedIn(port, administration, "reporting.links." + tag, Role.UNIT_OFFICER);
		var page = officer.get("/program/periods/" + period).body();
		assertThat(page).contains("href=\"/program/reports/" + myReport.id() + "\"", "Chi bộ khác " + tag)
			.doesNotContain("/program/reports/" + otherReport.id());
		assertThat(officer.get("/program/reports/" + otherReport.id()).status()).isEqualTo(404);
		var lan = TestAccounts.loggedIn(port, administration, "reporting.links.lan", Role.PROGRAM_MANAGER);
		assertThat(lan.get("/program/periods/" + period).body()).contains("/program/reports/" + myReport.id(),
				"/program/reports/" + otherReport.id());
	}

	@Test
	void a_period_with_bad_dates_is_refused_with_a_message() {
		var program = programs.importSeedProgram("test");
		var lan = TestAccounts.loggedIn(port, administration, "reporting.lan2", Role.PROGRAM_MANAGER);
		var page = lan.get("/program/programs/" + program + "/reporting");
		var response = lan.postForm("/program/programs/" + program + "/periods", Map.of("_csrf",
				WebClientSession.csrfToken(page.body()), "kind", "AD_HOC", "name", "Đột xuất", "opensOn", "01/02/2025",
				"cutoffFrom", "31/01/2025", "cutoffTo", "01/01/2025", "deadline", "15/02/2025"));
		assertThat(response.status()).isEqualTo(302);
		assertThat(lan.get("/program/programs/" + program + "/reporting").body()).contains("Chưa mở được kỳ báo cáo");
	}

	private static String csrf(WebClientSession.Response page) {
		return WebClientSession.csrfToken(page.body());
	}

	private static String version(String html) {
		var matcher = VERSION.matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
