package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.program.NoticeFixtures;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitReports;

/**
 * Headless Chromium: a notice made while a page is open shows in the bell's count without a reload (the test settings
 * poll every 2 s), and marking the notices read clears the count, again without a reload.
 */
@IntegrationTest
@Tag("browser")
class NoticeBellBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	JdbcClient jdbc;

	@Test
	void a_new_notice_appears_in_the_bell_of_an_open_page_and_marking_read_clears_it() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var report = NoticeFixtures.report(programs, reports, operations, tag);
		var user = "browser.bell." + tag;
		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, user, Role.UNIT_OFFICER);
		browser.get("http://localhost:" + port + "/notices");
		assertThat(browser.findElements(By.cssSelector(".topbar .notice-count"))).isEmpty();
		// a mark on the window: it is gone if the page is ever reloaded; and where the user is, which a refresh of the
		// bell must not move (the focus stays on the link the user is on)
		((JavascriptExecutor) browser).executeScript("window.bellTestMark = 'same page';"
				+ " document.querySelector('#content .breadcrumb a').focus();");

		NoticeFixtures.notice(jdbc, user, report);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".topbar .notice-count"), "1"));
		NoticeFixtures.notice(jdbc, user, report);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".topbar .notice-count"), "2"));
		assertThat(browser.findElement(By.cssSelector(".topbar .notice-bell")).getAttribute("title")).isEqualTo("Thông báo chưa đọc: 2");
		assertThat(((JavascriptExecutor) browser).executeScript("return window.bellTestMark;")).isEqualTo("same page");
		assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.getAttribute('href');"))
			.as("the focus after the bell refreshed").isEqualTo("/");
		Browser.screenshot(browser, "notice-bell-polled");

		// the page still shows the list as it was loaded; the read-all button is a boosted form
		browser.navigate().refresh();
		((JavascriptExecutor) browser).executeScript("window.bellTestMark = 'same page';");
		browser.findElement(By.cssSelector("button.read-all")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content"),
				"Đã đánh dấu tất cả thông báo là đã đọc."));
		wait(browser).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".topbar .notice-count"), 0));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.bellTestMark;")).isEqualTo("same page");
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}
}
