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
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.Inspections;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.program.UnitReports;

/**
 * A program manager plans an inspection and types a day the calendar lacks: the page says so beside the date, keeps
 * what was typed and plans nothing; with the day corrected the inspection is planned.
 */
@IntegrationTest
@Tag("browser")
class DatesBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	Inspections inspections;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;

	@Test
	void a_day_the_calendar_lacks_is_told_beside_the_field_and_the_corrected_form_goes_through() throws Exception {
		var program = programs.importSeedProgram("test");
		var unitName = "Chi bộ trình duyệt ngày " + UUID.randomUUID().toString().substring(0, 6);
		var unit = reports.addUnit(program, unitName, ReportingUnitsFixtures.partyCommittee(operations, unitName));
		int planned = inspections.inspections(program).size();

		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, "browser.dates", Role.PROGRAM_MANAGER);
		browser.get("http://localhost:" + port + "/program/programs/" + program + "/inspections");
		new org.openqa.selenium.support.ui.Select(wait(browser).until(ExpectedConditions.presenceOfElementLocated(
				By.id("unitId")))).selectByVisibleText(unitName);
		var date = browser.findElement(By.id("plannedOn"));
		assertThat(date.getAttribute("placeholder")).isEqualTo("dd/MM/yyyy");
		date.sendKeys("31/02/2025");
		var content = browser.findElement(By.id("content"));
		Browser.click(browser, browser.findElement(By.cssSelector("form[action$='/inspections'] button[type=submit]")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));

		var message = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("plannedOn-error")));
		assertThat(message.getText()).isEqualTo(
				"Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày. Kiểm tra lại ngày và tháng.");
		date = browser.findElement(By.id("plannedOn"));
		assertThat(date.getAttribute("value")).isEqualTo("31/02/2025");
		assertThat(date.getAttribute("class")).contains("is-invalid");
		assertThat(date.getAttribute("aria-describedby")).isEqualTo("plannedOn-error");
		// beside the field: right under it, in the same column
		assertThat(message.getLocation().getY()).isGreaterThanOrEqualTo(date.getLocation().getY() + date.getSize().getHeight());
		assertThat(message.getLocation().getX()).isEqualTo(date.getLocation().getX());
		assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("unitId"))).getFirstSelectedOption()
			.getText()).as("the rest of the form as typed").isEqualTo(unitName);
		Browser.screenshot(browser, "dates-inspection-refused");
		assertThat(inspections.inspections(program)).as("nothing planned").hasSize(planned);

		date.clear();
		date.sendKeys("28/02/2025");
		content = browser.findElement(By.id("content"));
		Browser.click(browser, browser.findElement(By.cssSelector("form[action$='/inspections'] button[type=submit]")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), unitName));
		assertThat(inspections.inspections(program)).filteredOn(i -> i.unitId().equals(unit))
			.extracting(Inspections.Inspection::plannedOn).containsExactly(LocalDate.of(2025, 2, 28));
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}
}
