package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.Programs;
import vn.trithuc.program.Reminders;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.program.UnitReports;

/** Headless Chromium: the late unit's officer sees the overdue notice under the bell, its leader the escalation. */
@IntegrationTest
@Tag("browser")
class NoticeBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	Reminders reminders;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;

	@Test
	void the_late_unit_officer_sees_the_notice_and_the_leader_sees_the_escalation() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var program = programs.importSeedProgram("test");
		var lateName = "Đảng ủy xã chậm nộp " + tag;
		var late = ReportingUnitsFixtures.partyCommittee(operations, lateName);
		reports.addUnit(program, lateName, late);
		var longLateName = "Đảng ủy xã chậm lâu " + tag;
		var longLate = ReportingUnitsFixtures.partyCommittee(operations, longLateName);
		reports.addUnit(program, longLateName, longLate);
		var officer = ReportingUnitsFixtures.officerOf(administration, scopes, "browser.tb.hai." + tag, late);
		var leader = "browser.tb.bithu." + tag;
		vn.trithuc.TestAccounts.ready(administration, leader, Role.LEADER);
		scopes.assign(administration.findByUsername(leader).orElseThrow().id(), longLate, "test");
		var today = LocalDate.now(vn.trithuc.shared.Formats.ZONE);
		// two days late: the units' officers are told; seven days late (M = 5): the leaders of the units' scopes
		var periodName = "Sáu tháng thông báo " + tag;
		reports.openPeriod(program, PeriodKind.AD_HOC, periodName,
				new UnitReports.PeriodDates(today.minusDays(40), today.minusMonths(6), today.minusDays(7), today.minusDays(2)),
				"test");
		var longPeriodName = "Năm thông báo " + tag;
		reports.openPeriod(program, PeriodKind.AD_HOC, longPeriodName,
				new UnitReports.PeriodDates(today.minusDays(40), today.minusMonths(6), today.minusDays(12), today.minusDays(7)),
				"test");
		reminders.sendDue();

		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, officer, Role.UNIT_OFFICER);
		var bell = browser.findElement(By.cssSelector(".topbar .notice-bell"));
		assertThat(bell.findElement(By.cssSelector(".notice-count")).getText()).isNotBlank();
		bell.click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), "Thông báo"));
		var mine = browser.findElements(By.cssSelector(".notice-list .notice")).stream()
			.filter(n -> n.getText().contains(lateName)).toList();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).getText()).contains("Báo cáo kỳ \"" + periodName + "\" của " + lateName + " đã quá hạn.",
				"Chưa đọc");
		assertThat(mine.get(0).getAttribute("data-kind")).isEqualTo("OVERDUE");
		Browser.screenshot(browser, "notices-officer");
		mine.get(0).findElement(By.cssSelector(".open-notice")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content"), lateName));
		browser.get(url("/notices"));
		assertThat(browser.findElements(By.cssSelector(".notice-list .notice")).stream()
			.filter(n -> n.getText().contains(lateName)).findFirst().orElseThrow().getText()).contains("Đã đọc");

		browser = Browser.get();
		BrowserLogin.as(browser, port, administration, leader, Role.LEADER);
		browser.get(url("/notices"));
		var escalation = browser.findElements(By.cssSelector(".notice-list .notice")).stream()
			.filter(n -> n.getText().contains(longLateName)).toList();
		assertThat(escalation).hasSize(1);
		assertThat(escalation.get(0).getText()).contains("Báo cáo kỳ \"" + longPeriodName + "\" của " + longLateName
				+ " đã quá hạn nhiều ngày: đề nghị lãnh đạo chỉ đạo");
		assertThat(escalation.get(0).getAttribute("data-kind")).isEqualTo("ESCALATION");
		// the leader is not told about a unit outside the scope
		assertThat(browser.findElements(By.cssSelector(".notice-list .notice")).stream()
			.noneMatch(n -> n.getText().contains(lateName))).isTrue();
		Browser.screenshot(browser, "notices-leader");
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
