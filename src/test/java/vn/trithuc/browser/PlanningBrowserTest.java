package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.planning.PlanningFixtures;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Profiles;

/**
 * An HR officer opens the retirement forecast from the navigation, breaks it down by unit, drills into a cell, extends
 * one person's service with a reason, sees the forecast move, then saves a projection scenario.
 */
@IntegrationTest
@Tag("browser")
class PlanningBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;

	@Test
	void retirement_forecast_drill_down_override_and_a_saved_scenario() {
		var hospital = PlanningFixtures.unit(operations, "Bệnh viện Trình Duyệt Hưu", null);
		// born 1/1/1966: retires on 1/11/2027
		PlanningFixtures.person(profiles, "Trình Duyệt", Sex.MALE, LocalDate.of(1966, 1, 1), "TIEN_SI", "72", hospital, Map.of());

		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, "browser.planning", Role.HR_OFFICER);
		browser.get(url("/"));
		var content = browser.findElement(By.id("content"));
		browser.findElement(By.linkText("Quy hoạch, dự báo")).click();
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), "Dự báo nghỉ hưu"));
		assertThat(browser.findElements(By.cssSelector("svg.chart"))).isNotEmpty();

		browser.get(url("/planning/retirements?by=UNIT&unit=" + hospital));
		var row = wait(browser).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#retirement-table tr[data-value='" + hospital + "']")));
		assertThat(row.getText()).contains("Bệnh viện Trình Duyệt Hưu");
		content = browser.findElement(By.id("content"));
		click(browser, row.findElement(By.cssSelector("a.cell-link")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		var person = wait(browser).until(ExpectedConditions.elementToBeClickable(By.linkText("Kiểm Thử Trình Duyệt")));
		assertThat(browser.findElement(By.id("retirement-people")).getText()).contains("01/11/2027");
		content = browser.findElement(By.id("content"));
		click(browser, person);
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("extensionMonths"))).sendKeys("24");
		browser.findElement(By.id("reason")).sendKeys("Tiến sĩ, bệnh viện đề nghị kéo dài");
		content = browser.findElement(By.id("content"));
		click(browser, browser.findElement(By.id("save-override")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("retirement-date"), "01/11/2029"));
		assertThat(browser.findElement(By.id("override-history")).getText()).contains("Kéo dài 24 tháng", "browser.planning");

		browser.get(url("/planning/retirements?by=UNIT&unit=" + hospital));
		var cells = wait(browser).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#retirement-table tr[data-value='" + hospital + "']"))).findElements(By.tagName("td"));
		int first = LocalDate.now().getYear();
		assertThat(cells.get(2027 - first).getText()).isEqualTo("0");
		assertThat(cells.get(2029 - first).getText()).isEqualTo("1");

		browser.get(url("/planning/projection"));
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("name"))).sendKeys("Kịch bản trình duyệt");
		browser.findElement(By.id("recruitment")).sendKeys("7");
		content = browser.findElement(By.id("content"));
		click(browser, browser.findElement(By.id("save-scenario")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".scenario-list"), "Kịch bản trình duyệt"));
		assertThat(browser.findElement(By.id("recruitment")).getAttribute("value")).isEqualTo("7");
		assertThat(browser.findElements(By.cssSelector("#projection-table tbody tr"))).hasSize(5);
	}

	private static void click(WebDriver browser, WebElement element) {
		// by keyboard, as a keyboard user would (the pointer lands under the sticky layout on the small headless window)
		element.sendKeys(Keys.ENTER);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}
}
