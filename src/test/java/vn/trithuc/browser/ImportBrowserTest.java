package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * An HR officer imports the messy sample shipped in test resources (header on rows 3–4 with merged cells, names in
 * TCVN3, d/M/yy and serial dates, ThS / Thạc sỹ, a repeated national ID, an ID that lost its leading zero): sees the
 * errors, downloads the check report and reads it back, fixes the two cells in it, uploads the fixed report, applies,
 * and finds a person by searching without diacritics.
 */
@IntegrationTest
@Tag("browser")
class ImportBrowserTest {

	private static final Path SAMPLE = Path.of("src/test/resources/registry/import/danh-sach-tri-thuc-cu.xlsx");

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void import_the_messy_sample_fix_it_through_the_report_apply_and_search_without_diacritics() throws Exception {
		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, "browser.importer", Role.HR_OFFICER);

		browser.get(url("/registry/import"));
		browser.findElement(By.id("file")).sendKeys(SAMPLE.toAbsolutePath().toString());
		submit(browser, browser.findElement(By.cssSelector("#content form button[type=submit]")));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"),
				"Kết quả kiểm tra"));
		// the dry run runs in the background; the page reloads with the result when it ends
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-summary")));
		var summary = browser.findElement(By.cssSelector(".import-summary")).getText();
		assertThat(summary).contains("3 người sẽ được thêm mới", "2 dòng có lỗi");
		assertThat(browser.findElement(By.cssSelector(".import-header")).getText()).contains("dòng 4");
		assertThat(browser.findElement(By.cssSelector("#content")).getText()).contains(
				"phông chữ cũ (TCVN3/VNI)");
		var problems = browser.findElement(By.cssSelector("table.import-problems")).getText();
		assertThat(problems).contains("Số CCCD này đã xuất hiện ở dòng 5", "có thể ô đã mất số 0 ở đầu");
		Browser.screenshot(browser, "import-dry-run");

		// the check report, fetched with the officer's session as the download link does
		var link = browser.findElement(By.cssSelector("a[href$='/errors.xlsx']")).getAttribute("href");
		var report = download(browser, link);
		var fixed = Files.createTempDirectory("trithuc-import").resolve("danh-sach-da-sua.xlsx");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(report))) {
			var sheet = workbook.getSheetAt(0);
			var repeated = sheet.getRow(6).getCell(4);
			assertThat(repeated.getCellComment().getString().getString()).contains("đã xuất hiện ở dòng 5");
			assertThat(repeated.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
			var lostZero = sheet.getRow(7).getCell(4);
			assertThat(lostZero.getCellComment().getString().getString()).contains("mất số 0 ở đầu");
			assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).as("TCVN3 converted").isEqualTo("Nguyễn Văn Hoà");
			// the officer fixes the two cells and saves
			repeated.setCellValue("068080001236");
			lostZero.setCellValue("068192001235");
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			Files.write(fixed, out.toByteArray());
		}

		browser.get(url("/registry/import"));
		browser.findElement(By.id("file")).sendKeys(fixed.toAbsolutePath().toString());
		submit(browser, browser.findElement(By.cssSelector("#content form button[type=submit]")));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"),
				"danh-sach-da-sua.xlsx"));
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-summary")));
		assertThat(browser.findElement(By.cssSelector(".import-summary")).getText()).contains(
				"5 người sẽ được thêm mới", "0 dòng có lỗi");
		submit(browser, browser.findElement(By.cssSelector("form[action$='/apply'] button[type=submit]")));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content"),
				"Đã ghi các dòng không có lỗi"));
		Browser.screenshot(browser, "import-applied");

		browser.get(url("/registry/people"));
		var q = browser.findElement(By.id("q"));
		q.sendKeys("nguyen van hoa");
		q.submit();
		wait(browser).until(ExpectedConditions.elementToBeClickable(By.linkText("Nguyễn Văn Hoà")));
		// the condition is the profile page itself: a click that a late swap of the result list swallowed (the
		// element went stale, or the navigation it started was replaced) is made again on the link now shown
		new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofSeconds(2))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.ElementNotInteractableException.class)
			.until(d -> {
				var heading = d.findElements(By.cssSelector("#content h1"));
				if (!heading.isEmpty() && heading.get(0).getText().contains("Nguyễn Văn Hoà")) {
					return true;
				}
				var links = d.findElements(By.linkText("Nguyễn Văn Hoà"));
				if (!links.isEmpty() && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))) {
					links.get(0).click();
				}
				return false;
			});
		assertThat(browser.findElement(By.cssSelector("#content")).getText()).contains("03/04/1979", "Thạc sĩ");
	}

	/**
	 * A larger file: the dry run and the apply run in the background; the job page shows the progress bar (phase,
	 * rows), keeps it across a reload, ends at 100 % with the result, and the job is found again in the list.
	 */
	@Test
	void a_large_file_is_checked_and_applied_in_the_background_with_a_progress_bar_that_survives_reloads()
			throws Exception {
		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, "browser.bulkimporter", Role.HR_OFFICER);
		int rows = 6_000;
		var file = Files.createTempDirectory("trithuc-import").resolve("danh-sach-lon.xlsx");
		Files.write(file, vn.trithuc.registry.bench.ImportBenchmarkSheets.sheet(
				java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 900), rows));

		browser.get(url("/registry/import"));
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		submit(browser, browser.findElement(By.cssSelector("#content form button[type=submit]")));
		var job = browser.getCurrentUrl();
		assertThat(job).matches(".*/registry/import/[0-9a-f-]{36}$");
		// the bar is there from the first response (the work may already have ended on a fast machine)
		assertThat(browser.findElement(By.cssSelector(".import-progress progress")).isDisplayed()).isTrue();
		browser.navigate().refresh(); // a reload while (or after) it runs: the page still knows the job
		var slow = new WebDriverWait(browser, Duration.ofSeconds(120));
		slow.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-summary")));
		assertThat(browser.findElement(By.cssSelector(".import-percent")).getText()).isEqualTo("100 %");
		assertThat(browser.findElement(By.cssSelector(".import-phase")).getText()).isEqualTo("Đã kiểm tra xong");
		assertThat(browser.findElement(By.cssSelector(".import-summary")).getText()).contains("6.000 người sẽ được thêm mới");

		submit(browser, browser.findElement(By.cssSelector("form[action$='/apply'] button[type=submit]")));
		browser.navigate().refresh();
		slow.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content"),
				"Đã ghi các dòng không có lỗi"));
		assertThat(browser.findElement(By.cssSelector(".import-phase")).getText()).isEqualTo("Đã ghi xong");
		assertThat(browser.findElement(By.cssSelector(".import-percent")).getText()).isEqualTo("100 %");
		Browser.screenshot(browser, "import-background-done");

		// "my imports": the job is listed and opens with its result
		browser.get(url("/registry/import"));
		browser.findElement(By.linkText("danh-sach-lon.xlsx")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content"),
				"Đã ghi các dòng không có lỗi"));
		assertThat(browser.getCurrentUrl()).isEqualTo(job);
	}

	private byte[] download(WebDriver browser, String link) throws Exception {
		var cookies = new StringBuilder();
		for (var cookie : browser.manage().getCookies()) {
			cookies.append(cookie.getName()).append('=').append(cookie.getValue()).append("; ");
		}
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
			.header("Cookie", cookies.toString()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		return response.body();
	}

	private static void submit(WebDriver browser, WebElement button) {
		var page = browser.findElement(By.tagName("html"));
		var content = browser.findElement(By.id("content"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
		button.click();
		wait(browser).until(d -> {
			try {
				page.isEnabled();
				content.isEnabled(); // htmx-boosted forms swap only the content
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
		wait(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}


	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
