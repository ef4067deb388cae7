package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import vn.trithuc.catalog.internal.Spreadsheets;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** An administrator browses administrative units across 1/7/2025 and imports a code-list version with preview. */
@IntegrationTest
@Tag("browser")
class CatalogBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void admin_units_on_30_6_and_1_7_2025_then_a_code_list_import_with_preview() throws Exception {
		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, "browser.catalog", Role.SYSTEM_ADMINISTRATOR);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Xin chào"));

		// the menu leads to the catalog
		browser.findElement(By.cssSelector(".sidenav a[href='/catalog']")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), "Danh mục"));
		browser.findElement(By.cssSelector("#content a[href='/catalog/admin-units']")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), "Đơn vị hành chính ngày"));

		show(browser, "30/06/2025", "24877");
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.admin-units"), "Xã Rô Men"));
		assertThat(browser.findElement(By.cssSelector("table.admin-units")).getText()).contains("Huyện Đam Rông")
			.doesNotContain("Xã Đam Rông 2");
		assertThat(browser.findElement(By.cssSelector("#content h1")).getText()).isEqualTo("Đơn vị hành chính ngày 30/06/2025");

		show(browser, "01/07/2025", "24877");
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.admin-units"), "Xã Đam Rông 2"));
		assertThat(browser.findElement(By.cssSelector("table.admin-units")).getText()).contains("Tỉnh Lâm Đồng")
			.doesNotContain("Xã Rô Men");

		// the unit's history: formed from Rô Men and Liêng Srônh
		browser.findElement(By.linkText("Xã Đam Rông 2")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), "Xã Đam Rông 2"));
		assertThat(browser.findElement(By.cssSelector("section.predecessors")).getText()).contains("Xã Rô Men", "Xã Liêng Srônh");

		// import a new version of the academic titles with a preview of the differences
		var file = Files.createTempDirectory("trithuc-import").resolve("hoc-ham-2026.xlsx");
		Files.write(file, Spreadsheets.xlsx(Spreadsheets.row("Mã", "Tên", "Thứ tự", "Trạng thái"),
				Spreadsheets.row("PGS", "Phó giáo sư", "1", "verified"), Spreadsheets.row("GS", "Giáo sư", "2", "verified"),
				Spreadsheets.row("GS_DANH_DU", "Giáo sư danh dự", "3", "unverified")));
		browser.get(url("/catalog/lists/academic-titles/import"));
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		submit(browser, browser.findElement(By.cssSelector("#content button[type=submit]")));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), "Xem trước thay đổi"));
		assertThat(browser.findElement(By.cssSelector(".preview-summary")).getText()).contains("Thêm mới 1", "đổi tên 0",
				"ngừng sử dụng 0");
		assertThat(browser.findElement(By.cssSelector(".diff-added")).getText()).contains("GS_DANH_DU", "Giáo sư danh dự");
		Browser.screenshot(browser, "catalog-preview");

		Browser.click(browser, browser.findElement(By.cssSelector(".actions button[type=submit]")));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content .alert-success"),
				"Đã áp dụng tệp"));
		assertThat(browser.findElement(By.cssSelector("table.entries")).getText()).contains("Giáo sư danh dự");
		assertThat(browser.findElement(By.cssSelector(".version-line")).getText()).isEqualTo(
				"Đang xem phiên bản 2 (phiên bản hiện hành: 2).");
		// the old version stays readable
		browser.get(browser.findElement(By.cssSelector("table.versions a[href$='version=1']")).getAttribute("href"));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".version-line"), "phiên bản 1"));
		assertThat(browser.findElement(By.cssSelector("table.entries")).getText()).doesNotContain("Giáo sư danh dự");
		Browser.screenshot(browser, "catalog-version-1");
	}

	private static void show(WebDriver browser, String date, String q) {
		var asOf = browser.findElement(By.id("asOf"));
		asOf.clear();
		asOf.sendKeys(date);
		var search = browser.findElement(By.id("q"));
		search.clear();
		search.sendKeys(q);
		var heading = browser.findElement(By.cssSelector("#content h1"));
		browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
		wait(browser).until(ExpectedConditions.stalenessOf(heading));
	}

	/** Clicks a submit button of a full-page form and waits until the browser has loaded the answer. */
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
