package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/**
 * A leader's dashboard: open it, change the as-of date, go to the pivot, drill into a cell down to the people behind
 * it, export the table to .xlsx and read it back: the same numbers as on screen.
 */
@IntegrationTest
@Tag("browser")
class AnalyticsBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;

	@Test
	void dashboard_as_of_a_date_pivot_drill_down_and_export() throws Exception {
		var id = profiles.registerAnyway(new PersonData("Cil", "Ka", "Huệ", null, Sex.FEMALE, LocalDate.of(1988, 3, 8), null,
				"15", null, null, null, null, null, null, null, null), "test");
		profiles.addPart(id, 1, PartKind.DEGREE, LocalDate.of(2019, 6, 1), null,
				Map.of("level", "TIEN_SI_KHOA_HOC", "fieldOfStudy", "62"), "test");

		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, "browser.analytics", Role.HR_OFFICER);
		browser.get(url("/analytics/dashboard"));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"),
				"Thống kê đội ngũ trí thức"));
		assertThat(browser.findElements(By.cssSelector("svg.chart")).size()).isGreaterThan(3);

		// as of 31/12/2018 the doctor of science had no degree yet
		var asOf = browser.findElement(By.id("asOf"));
		asOf.clear();
		asOf.sendKeys("31/12/2018");
		var content = browser.findElement(By.id("content"));
		Browser.click(browser, browser.findElement(By.id("show")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(ExpectedConditions.attributeToBe(By.id("asOf"), "value", "31/12/2018"));
		assertThat(browser.findElements(By.cssSelector("#breakdown-DEGREE tr[data-value=TIEN_SI_KHOA_HOC]"))).isEmpty();

		browser.get(url("/analytics/pivot?rows=DEGREE&columns=SEX"));
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("pivot-table")));
		var row = browser.findElements(By.cssSelector("#pivot-table tbody tr")).stream()
			.filter(r -> r.findElement(By.tagName("th")).getText().equals("Tiến sĩ khoa học")).findFirst().orElseThrow();
		var screen = cellsOf(browser);
		content = browser.findElement(By.id("content"));
		Browser.click(browser, row.findElement(By.cssSelector("a.cell-link")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"),
				"Danh sách trí thức"));
		assertThat(browser.findElement(By.cssSelector(".people-list")).getText()).contains("Cil Ka Huệ");

		browser.navigate().back();
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("export-xlsx")));
		var href = browser.findElement(By.id("export-xlsx")).getAttribute("href");
		var cookie = browser.manage().getCookieNamed("TRITHUC_SESSION");
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
			.header("Cookie", cookie.getName() + "=" + cookie.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		var sheet = vn.trithuc.ScopedReads.xlsxRows(response.body());
		// the body rows of the sheet carry the same numbers as the screen (the sheet holds plain numbers)
		for (var line : screen) {
			var match = sheet.stream().filter(r -> !r.isEmpty() && r.get(0).equals(line.get(0))).findFirst().orElseThrow();
			for (int c = 1; c < line.size(); c++) {
				assertThat(Long.parseLong(match.get(c).replaceAll("\\.0$", ""))).as("%s col %d", line.get(0), c)
					.isEqualTo(Long.parseLong(line.get(c).replace(".", "")));
			}
		}

		// a named standard table from the dashboard: the .xlsx carries the numbers on screen and the chart
		browser.get(url("/analytics/dashboard"));
		content = browser.findElement(By.id("content"));
		Browser.click(browser, browser.findElement(By.linkText("Biểu thống kê chuẩn")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		content = browser.findElement(By.id("content"));
		Browser.click(browser, browser.findElement(By.partialLinkText("Biểu 02")));
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pivot-table")));
		assertThat(browser.findElements(By.cssSelector("figure.table-chart svg"))).hasSize(1);
		var standardScreen = cellsOf(browser);
		var standardHref = browser.findElement(By.id("export-xlsx")).getAttribute("href");
		var standard = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(standardHref))
			.header("Cookie", cookie.getName() + "=" + cookie.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(standard.statusCode()).isEqualTo(200);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(standard.body()))) {
			var standardSheet = workbook.getSheetAt(0);
			assertThat(workbook.getAllPictures()).hasSize(1);
			for (var line : standardScreen) {
				org.apache.poi.ss.usermodel.Row match = null;
				for (var sheetRow : standardSheet) {
					if (sheetRow.getCell(0) != null && sheetRow.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
							&& sheetRow.getCell(0).getStringCellValue().equals(line.get(0))) {
						match = sheetRow;
					}
				}
				assertThat(match).as("row %s in the sheet", line.get(0)).isNotNull();
				for (int c = 1; c < line.size(); c++) {
					assertThat((long) match.getCell(c).getNumericCellValue()).as("%s col %d", line.get(0), c)
						.isEqualTo(Long.parseLong(line.get(c).replace(".", "")));
				}
			}
		}
	}

	private static List<List<String>> cellsOf(WebDriver browser) {
		var lines = new ArrayList<List<String>>();
		for (var tr : browser.findElements(By.cssSelector("#pivot-table tbody tr"))) {
			var line = new ArrayList<String>();
			line.add(tr.findElement(By.tagName("th")).getText());
			tr.findElements(By.tagName("td")).forEach(td -> line.add(td.getText()));
			lines.add(line);
		}
		return lines;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}

}
