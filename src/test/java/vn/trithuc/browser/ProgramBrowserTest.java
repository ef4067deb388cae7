package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportStatus;
import vn.trithuc.program.UnitReports;

/** Headless Chromium: the program page as a leader reads it, and a unit report through its whole workflow. */
@IntegrationTest
@Tag("browser")
class ProgramBrowserTest {

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
	void the_program_page_shows_the_party_header_and_22_tasks_in_the_5_task_groups() throws Exception {
		var program = programs.importSeedProgram("test");
		var browser = loginAs("browser.bithu", Role.LEADER);
		browser.findElement(By.cssSelector(".sidenav a[href='/program/programs']")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"),
				"Chương trình hành động"));
		browser.get(url("/program/programs/" + program + "?asOf=31/12/2024"));
		assertThat(browser.findElement(By.cssSelector(".doc-issuer-name")).getText()).isEqualTo("HUYỆN ỦY ĐAM RÔNG");
		assertThat(browser.findElement(By.cssSelector(".doc-number")).getText()).contains("Số … -CTr/HU", "chưa rõ số");
		assertThat(browser.findElement(By.cssSelector(".doc-date")).getText())
			.contains("Đam Rông, ngày … tháng 3 năm 2024", "chưa rõ ngày");
		var groups = browser.findElements(By.cssSelector(".task-group"));
		assertThat(groups).hasSize(5);
		assertThat(groups).extracting(g -> g.findElements(By.cssSelector(".task")).size()).containsExactly(5, 3, 6, 4, 4);
		assertThat(browser.findElements(By.cssSelector(".task"))).hasSize(22);
		assertThat(groups.get(0).findElement(By.tagName("h3")).getText())
			.isEqualTo("1. Nâng cao nhận thức về vị trí, vai trò, tầm quan trọng của đội ngũ trí thức");
		assertThat(browser.findElements(By.cssSelector(".cascade-list a"))).hasSize(3);
		Browser.screenshot(browser, "program");
	}

	@Test
	void a_unit_report_is_submitted_returned_resubmitted_and_accepted_in_the_browser() throws Exception {
		var program = programs.importSeedProgram("test");
		var unitName = "Đảng ủy xã trình duyệt " + UUID.randomUUID().toString().substring(0, 6);
		var orgUnit = ReportingUnitsFixtures.partyCommittee(operations, unitName);
		var unit = reports.addUnit(program, unitName, orgUnit);
		ReportingUnitsFixtures.officerOf(administration, scopes, "browser.hai", orgUnit);
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất trình duyệt " + unitName,
				new UnitReports.PeriodDates(today.minusDays(5), today.minusMonths(3), today.minusDays(1), today.plusDays(10)),
				"test");
		var reportId = reports.reports(period).stream().filter(l -> l.unitId().equals(unit)).findFirst().orElseThrow().id();
		var reportUrl = url("/program/reports/" + reportId);

		var browser = loginAs("browser.hai", Role.UNIT_OFFICER);
		browser.get(reportUrl);
		browser.findElement(By.id("narrative")).sendKeys("Đã quán triệt Nghị quyết cho 30 đảng viên.");
		new Select(browser.findElements(By.cssSelector(".report-task select")).get(0)).selectByVisibleText("Đã hoàn thành");
		clickAndExpect(browser, ".save-report", "Đã lưu báo cáo.");
		clickAndExpect(browser, ".submit-report", "Đã gửi báo cáo.");
		assertThat(browser.findElement(By.cssSelector(".report-state")).getText()).contains("Đã gửi", "Đúng hạn");

		browser = loginAs("browser.lan", Role.PROGRAM_MANAGER);
		browser.get(reportUrl);
		browser.findElement(By.id("returnComment")).sendKeys("thiếu số liệu quán triệt");
		clickAndExpect(browser, ".return-report", "Đã trả lại báo cáo cho đơn vị.");

		browser = loginAs("browser.hai", Role.UNIT_OFFICER);
		browser.get(reportUrl);
		assertThat(browser.findElement(By.cssSelector(".report-events")).getText()).contains("thiếu số liệu quán triệt");
		clickAndExpect(browser, ".submit-report", "Đã gửi báo cáo.");

		browser = loginAs("browser.lan", Role.PROGRAM_MANAGER);
		browser.get(reportUrl);
		clickAndExpect(browser, ".accept-report", "Đã duyệt báo cáo.");
		assertThat(browser.findElement(By.cssSelector(".report-state")).getText()).contains("Đã duyệt");
		assertThat(browser.findElement(By.id("narrative")).isEnabled()).isFalse();
		Browser.screenshot(browser, "unit-report");
		assertThat(reports.report(reportId).orElseThrow().status()).isEqualTo(ReportStatus.ACCEPTED);

		browser.get(url("/program/programs/" + program + "/completeness"));
		var row = browser.findElements(By.cssSelector(".heatmap tbody tr")).stream()
			.filter(r -> r.findElement(By.tagName("th")).getText().equals(unitName)).findFirst().orElseThrow();
		assertThat(row.getText()).contains("Đúng hạn");
		Browser.screenshot(browser, "completeness");
	}

	@Test
	void on_a_400_px_phone_each_task_of_a_unit_report_shows_its_status_progress_and_note_in_full_width() throws Exception {
		var program = programs.importSeedProgram("test");
		var unitName = "Chi bộ điện thoại " + UUID.randomUUID().toString().substring(0, 6);
		var orgUnit = ReportingUnitsFixtures.partyCommittee(operations, unitName);
		var unit = reports.addUnit(program, unitName, orgUnit);
		ReportingUnitsFixtures.officerOf(administration, scopes, "browser.phone", orgUnit);
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất điện thoại " + unitName,
				new UnitReports.PeriodDates(today, today.minusMonths(3), today, today.plusDays(10)), "test");
		var reportId = reports.reports(period).stream().filter(l -> l.unitId().equals(unit)).findFirst().orElseThrow().id();
		var browser = loginAs("browser.phone", Role.UNIT_OFFICER);
		var chrome = (org.openqa.selenium.chrome.ChromeDriver) browser;
		chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				java.util.Map.of("width", 400, "height", 850, "deviceScaleFactor", 1, "mobile", true));
		try {
			browser.get(url("/program/reports/" + reportId));
			var task = browser.findElements(By.cssSelector(".report-task")).get(0);
			var text = task.findElement(By.cssSelector(".task-text"));
			var status = task.findElement(By.cssSelector("select"));
			var note = task.findElement(By.cssSelector("input[name$='.note']"));
			assertThat(status.getSize().getWidth()).isGreaterThan(300);
			assertThat(note.getSize().getWidth()).isGreaterThan(300);
			assertThat(text.getSize().getWidth()).isGreaterThan(300);
			assertThat(status.getLocation().getY()).isGreaterThan(text.getLocation().getY() + text.getSize().getHeight() - 1);
			new Select(status).selectByVisibleText("Đang thực hiện");
			assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
				.isEqualTo(400L);
			Browser.screenshot(browser, "unit-report-phone");
		}
		finally {
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
		}
	}

	private WebDriver loginAs(String username, Role role) {
		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, username, role);
		return browser;
	}

	/** Clicks a (possibly htmx-boosted) form button and waits for the flash message of the result. */
	private static void clickAndExpect(WebDriver browser, String button, String message) {
		WebElement element = browser.findElement(By.cssSelector(button));
		// below the long task table Chromium reports the button as covered: click it as a keyboard user would
		element.sendKeys(org.openqa.selenium.Keys.ENTER);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content .alert-success"), message));
	}


	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
