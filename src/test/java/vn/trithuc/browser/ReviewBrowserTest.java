package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.Programs;
import vn.trithuc.program.ReportAction;
import vn.trithuc.program.ReportingUnitsFixtures;
import vn.trithuc.program.TaskStatus;
import vn.trithuc.program.UnitReports;

/**
 * Headless Chromium: the program manager drafts the interim review of a period from the accepted reports, edits a
 * section, downloads the DOCX (read back with POI) and the PDF (its header lines read with PDFBox).
 */
@IntegrationTest
@Tag("browser")
class ReviewBrowserTest {

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

	@Test
	void the_interim_review_is_drafted_edited_and_downloaded_as_docx_and_pdf() throws Exception {
		var program = programs.importSeedProgram("test");
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var unitName = "Đảng ủy xã sơ kết " + tag;
		var unit = reports.addUnit(program, unitName, ReportingUnitsFixtures.partyCommittee(operations, unitName));
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.INTERIM_REVIEW, "Sơ kết trình duyệt " + tag,
				new UnitReports.PeriodDates(today.minusDays(5), today.minusMonths(6), today.minusDays(1), today.plusDays(10)), "test");
		var reportId = reports.reports(period).stream().filter(l -> l.unitId().equals(unit)).findFirst().orElseThrow().id();
		var task = programs.find(program, today).orElseThrow().items(ItemKind.TASK).get(0);
		reports.save(reportId, 0, new UnitReports.Content("Đã quán triệt cho 52 đảng viên.", null, null,
				Map.of(task.id(), new UnitReports.TaskProgress(TaskStatus.DONE, 100, null)),
				Map.of("RND_STAFF_PER_10000", new BigDecimal("2.5"))), "hai");
		reports.act(reportId, 1, ReportAction.SUBMIT, null, "hai");
		reports.act(reportId, 2, ReportAction.ACCEPT, null, "lan");

		var browser = loginAs("browser.review", Role.PROGRAM_MANAGER);
		browser.get(url("/program/periods/" + period));
		browser.findElement(By.cssSelector(".draft-review-button")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content .alert-success"),
				"Đã lập dự thảo báo cáo"));
		assertThat(browser.findElement(By.cssSelector(".review-title")).getText()).contains("Báo cáo sơ kết", tag);
		assertThat(browser.findElement(By.id("text-SITUATION")).getAttribute("value")).contains("Đã quán triệt cho 52 đảng viên.");
		var reviewUrl = browser.getCurrentUrl().replaceAll("#.*$", "");

		var lessons = browser.findElement(By.id("text-LESSONS"));
		lessons.clear();
		lessons.sendKeys("Bài học rút ra: phát huy vai trò người đứng đầu cấp ủy " + tag + ".");
		browser.findElement(By.cssSelector("#section-LESSONS .save-section")).sendKeys(Keys.ENTER);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content .alert-success"),
				"Đã lưu phần báo cáo."));
		assertThat(browser.findElement(By.cssSelector("#section-LESSONS .revision-line")).getText()).startsWith("Bản 2");
		assertThat(browser.findElement(By.cssSelector("#section-LESSONS .section-history summary")).getText())
			.contains("Các bản trước (1)");
		// the chart on the page is the server-rendered image the exports carry
		var chart = browser.findElement(By.cssSelector(".review-chart img"));
		var svg = download(browser, chart.getAttribute("src"));
		assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<svg", "Nhóm 1", "Đã hoàn thành");
		wait(browser).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
				"return arguments[0].complete ? arguments[0].naturalWidth : 0", chart)).intValue() > 0);
		Browser.screenshot(browser, "review-report");

		var docxUrl = browser.findElement(By.cssSelector(".download-docx")).getAttribute("href");
		var pdfUrl = browser.findElement(By.cssSelector(".download-pdf")).getAttribute("href");
		var docx = download(browser, docxUrl);
		assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".docx");
		try (var read = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
			var text = new StringBuilder();
			read.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
			read.getTables().forEach(t -> text.append(t.getText()).append('\n'));
			assertThat(text).contains("Bài học rút ra: phát huy vai trò người đứng đầu cấp ủy " + tag + ".",
					"Đã quán triệt cho 52 đảng viên.", unitName, "HUYỆN ỦY ĐAM RÔNG", "BÁO CÁO");
			assertThat(read.getStyles().getDefaultRunStyle()).isNotNull();
			assertThat(read.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).map(r -> r.getFontFamily())
				.filter(f -> f != null).distinct()).containsExactly("Times New Roman");
		}
		var pdf = download(browser, pdfUrl);
		try (var read = Loader.loadPDF(pdf.body())) {
			var stripper = new PDFTextStripper();
			stripper.setEndPage(1);
			var lines = stripper.getText(read).lines().map(String::strip).toList();
			assertThat(lines).anySatisfy(l -> assertThat(l).contains("ĐẢNG BỘ TỈNH LÂM ĐỒNG"))
				.anySatisfy(l -> assertThat(l).contains("HUYỆN ỦY ĐAM RÔNG"))
				.anySatisfy(l -> assertThat(l).contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
				.anySatisfy(l -> assertThat(l).contains("Số").contains("-BC/HU"))
				.anySatisfy(l -> assertThat(l).contains("Đam Rông, ngày")).contains("BÁO CÁO");
			assertThat(new PDFTextStripper().getText(read)).contains("Bài học rút ra: phát huy vai trò người đứng đầu cấp ủy");
		}
		assertThat(reviewUrl).contains("/program/reviews/");
	}

	/** Downloads what a link points at with the browser's session cookie (Chromium headless keeps no download list). */
	private static HttpResponse<byte[]> download(WebDriver browser, String url) throws Exception {
		var cookie = browser.manage().getCookieNamed("TRITHUC_SESSION");
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
			.header("Cookie", cookie.getName() + "=" + cookie.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response;
	}

	private WebDriver loginAs(String username, Role role) {
		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, username, role);
		return browser;
	}


	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
