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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;

/** An HR officer in headless Chromium: the tree as of a date, a branch opened with htmx, a history, a merge. */
@IntegrationTest
@Tag("browser")
class OrgUnitBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	OrgUnits units;

	@Test
	void an_hr_officer_browses_the_tree_as_of_a_date_opens_a_history_and_merges_two_communes() {
		var run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		var start = LocalDate.of(2020, 1, 1);
		var root = operations.create(NewUnit.of("B" + run + "-HU", "Huyện ủy Trình Duyệt " + run,
				OrgUnitKind.PARTY_COMMITTEE, null), start, Decision.NONE);
		operations.create(NewUnit.of("B" + run + "-A", "Đảng ủy xã Rô Men " + run, OrgUnitKind.PARTY_COMMITTEE, root),
				start, Decision.NONE);
		operations.create(NewUnit.of("B" + run + "-B", "Đảng ủy xã Liêng Srônh " + run, OrgUnitKind.PARTY_COMMITTEE, root),
				start, Decision.NONE);
		var username = TestAccounts.ready(administration, "browser.hr", Role.HR_OFFICER);
		var browser = Browser.get();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));

		// the navigation leads to the tree; the date is typed dd/MM/yyyy
		browser.findElement(By.cssSelector(".sidenav a[href='/orgunit/units']")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), "Cơ quan, đơn vị"));
		var asOf = browser.findElement(By.id("asOf"));
		asOf.clear();
		asOf.sendKeys("30/06/2025");
		// pages inside <main> are boosted by htmx: the content is swapped, the page stays
		browser.findElement(By.cssSelector(".asof-form button[type=submit]")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tree-section h2"),
				"Cây tổ chức tại ngày 30/06/2025"));

		// htmx opens the branch in place
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
		var toggle = browser.findElement(By.cssSelector("a.tree-toggle[aria-controls='c-" + root + "']"));
		toggle.click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("c-" + root), "Đảng ủy xã Rô Men " + run));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);

		// the unit's history page
		browser.findElement(By.linkText("Đảng ủy xã Rô Men " + run)).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), "Đảng ủy xã Rô Men " + run));
		assertThat(browser.findElement(By.cssSelector("table.events")).getText()).contains("01/01/2020", "Thành lập");

		// merge it with its neighbour into a new commune committee
		browser.findElement(By.linkText("Sáp nhập, hợp nhất")).click();
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("sourceCodes")));
		browser.findElement(By.id("sourceCodes")).sendKeys("\nB" + run + "-B");
		browser.findElement(By.id("code")).sendKeys("B" + run + "-DR2");
		browser.findElement(By.id("name")).sendKeys("Đảng ủy xã Đam Rông 2 " + run);
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("PARTY_COMMITTEE");
		browser.findElement(By.id("parentCode")).sendKeys("B" + run + "-HU");
		var effective = browser.findElement(By.id("effectiveOn"));
		effective.clear();
		effective.sendKeys("01/07/2025");
		browser.findElement(By.id("decisionNumber")).sendKeys("1671/NQ-UBTVQH15");
		var apply = browser.findElement(By.cssSelector("#content button[type=submit]"));
		// the long form ends below the 900-pixel window: submit it as the button would
		((JavascriptExecutor) browser).executeScript("arguments[0].form.requestSubmit(arguments[0])", apply);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Đã sáp nhập."));
		assertThat(browser.findElement(By.cssSelector("#content h1")).getText()).isEqualTo("Đảng ủy xã Đam Rông 2 " + run);
		assertThat(browser.findElement(By.cssSelector("section.predecessors")).getText())
			.contains("Đảng ủy xã Rô Men " + run, "Đảng ủy xã Liêng Srônh " + run, "Toàn bộ");
		var merged = units.findByCode("B" + run + "-DR2").orElseThrow();
		assertThat(units.children(root, LocalDate.of(2025, 7, 1))).extracting(u -> u.id()).containsExactly(merged.id());
	}

	/** Clicks a submit button and waits until the browser has loaded the answer. */
	private static void submit(WebDriver browser, WebElement button) {
		var page = browser.findElement(By.tagName("html"));
		button.click();
		wait(browser).until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
		wait(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
