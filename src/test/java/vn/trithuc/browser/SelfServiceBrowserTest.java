package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.program.MailTestServer;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/**
 * Cô Hương's self-service journey (JOURNEYS.md) in a real Chromium, through the pages only: an officer invites her,
 * she opens her account from the e-mailed link, proposes her new master's degree with the diploma scan, the officer
 * returns it with a reason, she corrects and sends it again, the officer approves; she lists herself in the public
 * expert directory and withdraws; then, working in the private sector, she asks for erasure and the officer executes
 * it within the deadline shown.
 */
@IntegrationTest
@Tag("browser")
class SelfServiceBrowserTest {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void invitation_change_returned_resubmitted_approved_directory_consent_and_erasure() throws Exception {
		var given = "Hương" + run.replaceAll("[0-9]", "").toLowerCase();
		var name = "Ka Thị " + given;
		var email = "huong." + run + "@congty.vn";
		var id = ((Profiles.Created) profiles.register(new PersonData("Ka", "Thị", given, null, Sex.FEMALE,
				LocalDate.of(1990, 3, 8), null, "01", null, null, null, null, null, "0912345678", email, null), "test.hr")).id();
		int version = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2022, 1, 1), null,
				Map.of("jobTitle", "Kỹ sư nông nghiệp", "personnelCategory", "ENTERPRISE"), "test.hr");
		profiles.addPart(id, version, PartKind.EXPERTISE, null, null,
				Map.of("keywords", "trồng cà phê bền vững " + run), "test.hr");
		var officer = "self.officer";
		var browser = Browser.get();

		// the officer invites her from her profile
		BrowserLogin.as(browser, port, administration, officer, Role.HR_OFFICER);
		browser.get(url("/registry/people/" + id));
		submit(browser, browser.findElement(By.cssSelector(".invite-form button")));
		assertThat(text(browser, ".alert-info")).contains("Thư mời đã gửi tới " + email);
		var link = invitationLinkFor(email);

		// she opens the link, chooses her password and logs in
		Browser.forgetSession(browser);
		browser.get(link);
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(email);
		browser.findElement(By.id("password")).sendKeys("Cô-Hương-2026");
		browser.findElement(By.id("confirmation")).sendKeys("Cô-Hương-2026");
		submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.getPageSource()).contains("Đã tạo tài khoản.");
		loginAs(browser, email, "Cô-Hương-2026");
		browser.get(url("/registry/me"));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"), name));
		assertThat(browser.getCurrentUrl()).endsWith("/registry/people/" + id);

		// she proposes her new master's degree with the diploma scan (a real file upload), with a wrong year
		Browser.click(browser, browser.findElement(By.linkText("Học vị, văn bằng")));
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("evidence")));
		var scan = Files.createTempDirectory("evidence").resolve("Bằng thạc sĩ.pdf");
		Files.write(scan, PDF);
		browser.findElement(By.id("validFrom")).sendKeys("15/06/2024");
		new Select(browser.findElement(By.id("level"))).selectByVisibleText("Thạc sĩ");
		browser.findElement(By.id("institution")).sendKeys("Trường Đại học Tây Nguyên");
		browser.findElement(By.id("year")).sendKeys("2023");
		browser.findElement(By.id("evidence")).sendKeys(scan.toAbsolutePath().toString());
		submit(browser, browser.findElement(By.cssSelector("#content form button[type=submit]")));
		assertThat(text(browser, ".messages")).contains("Đã gửi đề nghị.");
		assertThat(text(browser, ".my-requests")).contains("Bằng thạc sĩ.pdf", "Chờ duyệt");

		// the officer sees the file and returns the request with a reason
		switchTo(browser, officer);
		browser.get(url("/registry/requests"));
		var row = rowOf(browser, "table.requests", name);
		assertThat(row.getText()).contains("Bằng thạc sĩ.pdf", "Trường Đại học Tây Nguyên", "2023");
		row.findElement(By.name("reason")).sendKeys("Năm cấp bằng trên bản scan là 2024");
		submit(browser, row.findElement(By.cssSelector(".return-form button")));
		assertThat(text(browser, ".messages")).contains("Đã trả lại đề nghị kèm lý do.");
		assertThat(browser.findElements(By.xpath("//table[contains(@class,'requests')]//a[text()='" + name + "']"))).isEmpty();

		// she sees why, corrects the year and sends it again (the scan goes with it)
		switchTo(browser, email, "Cô-Hương-2026");
		browser.get(url("/registry/me"));
		assertThat(text(browser, ".my-requests")).contains("Bị trả lại", "Năm cấp bằng trên bản scan là 2024");
		Browser.click(browser, browser.findElement(By.cssSelector(".my-requests a.resubmit")));
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".returned-reason")));
		assertThat(text(browser, ".returned-reason")).contains("Năm cấp bằng trên bản scan là 2024");
		assertThat(browser.findElement(By.id("institution")).getAttribute("value")).isEqualTo("Trường Đại học Tây Nguyên");
		assertThat(browser.findElement(By.id("validFrom")).getAttribute("value")).isEqualTo("15/06/2024");
		assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption().getText()).isEqualTo("Thạc sĩ");
		var year = browser.findElement(By.id("year"));
		year.clear();
		year.sendKeys("2024");
		submit(browser, browser.findElement(By.cssSelector("#content form button[type=submit]")));
		assertThat(text(browser, ".messages")).contains("Đã gửi lại đề nghị đã sửa.");
		assertThat(browser.findElements(By.cssSelector(".my-requests a.resubmit"))).as("sent again only once").isEmpty();

		// the officer sees it is a resubmission, downloads nothing new, approves
		switchTo(browser, officer);
		browser.get(url("/registry/requests"));
		row = rowOf(browser, "table.requests", name);
		assertThat(row.getText()).contains("Gửi lại sau khi bị trả lại", "Năm cấp bằng trên bản scan là 2024", "2024",
				"Bằng thạc sĩ.pdf");
		submit(browser, row.findElement(By.xpath(".//button[normalize-space()='Duyệt']")));
		assertThat(text(browser, ".messages")).contains("Đã duyệt; hồ sơ đã được cập nhật.");
		browser.get(url("/registry/people/" + id + "/history"));
		var changes = text(browser, "table.changes");
		assertThat(changes).contains(officer, "Học vị, văn bằng").contains("2024");

		// her profile shows the degree in its timeline; her request is approved
		switchTo(browser, email, "Cô-Hương-2026");
		browser.get(url("/registry/me"));
		assertThat(text(browser, ".timeline")).contains("15/06/2024", "Thạc sĩ", "Trường Đại học Tây Nguyên", "2024");
		assertThat(text(browser, ".my-requests")).contains("Đã duyệt");

		// consent: listed in the public expert directory, then withdrawn: gone at once
		submit(browser, consentButton(browser, "Có tên trong danh bạ chuyên gia công khai"));
		assertThat(text(browser, ".messages")).contains("Đã ghi nhận sự đồng ý của bạn.");
		var directory = new WebClientDirectory(port, "/directory?q=" + run);
		assertThat(directory.names()).containsExactly(name);
		submitConfirmed(browser, consentButton(browser, "Có tên trong danh bạ chuyên gia công khai"),
				"Rút lại đồng ý «Có tên trong danh bạ chuyên gia công khai»? Thay đổi có hiệu lực ngay.");
		assertThat(text(browser, ".messages")).contains("Đã rút lại sự đồng ý; thay đổi có hiệu lực ngay.");
		assertThat(directory.names()).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".consent-history")).getAttribute("textContent"))
			.as("she sees her own consent log").contains("Có tên trong danh bạ chuyên gia công khai — Không đồng ý (người thực hiện: " + email + ")")
			.contains("Có tên trong danh bạ chuyên gia công khai — Đồng ý (người thực hiện: " + email + ")");
		assertThat(jdbc.sql("select granted, actor from registry.consent where person_id = :p and purpose = 'EXPERT_DIRECTORY' order by id")
			.param("p", id).query((rs, n) -> rs.getBoolean(1) + " " + rs.getString(2)).list())
			.as("grant and withdrawal logged with who").containsExactly("true " + email, "false " + email);

		// erasure: she works in the private sector, so she may ask; the officer sees the deadline and executes it
		browser.findElement(By.id("erasure-reason")).sendKeys("Tôi không còn làm việc với cơ quan nhà nước");
		submitConfirmed(browser, browser.findElement(By.cssSelector(".erasure button[type=submit]")),
				"Gửi yêu cầu xóa dữ liệu cá nhân của bạn?");
		assertThat(text(browser, ".messages")).contains("Đã gửi yêu cầu xóa dữ liệu.");
		var due = jdbc.sql("select due_on from registry.erasure_request where person_id = :p and status = 'OPEN'")
			.param("p", id).query(LocalDate.class).single();
		assertThat(text(browser, ".erasure")).contains("Chờ xử lý").contains(vn.trithuc.shared.Formats.DATE.format(due));

		switchTo(browser, officer);
		browser.get(url("/registry/requests"));
		var task = rowOf(browser, "table.erasures", name);
		assertThat(task.getText()).contains("Tôi không còn làm việc với cơ quan nhà nước",
				vn.trithuc.shared.Formats.DATE.format(due));
		submitConfirmed(browser, task.findElement(By.cssSelector("button.btn-danger")), "Xóa dữ liệu cá nhân của " + name + "?");
		assertThat(text(browser, ".messages")).contains("Đã xóa dữ liệu cá nhân (ẩn danh hóa)");
		assertThat(browser.findElements(By.xpath("//table[contains(@class,'erasures')]//a[text()='" + name + "']"))).isEmpty();
		browser.get(url("/registry/people/" + id));
		assertThat(text(browser, "#content h1")).doesNotContain(given);
		assertThat(text(browser, ".profile-grid")).doesNotContain(email, "0912345678", "08/03/1990");
		Browser.screenshot(browser, "self-service-erased");
		assertThat(consoleErrors(browser)).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	/** The public directory read without any session, as a visitor would. */
	private record WebClientDirectory(int port, String path) {

		java.util.List<String> names() {
			var page = new vn.trithuc.WebClientSession(port).get(path);
			assertThat(page.status()).isEqualTo(200);
			var matcher = Pattern.compile("<tr class=\"expert\">\\s*<th scope=\"row\">([^<]+)</th>").matcher(page.body());
			var names = new java.util.ArrayList<String>();
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}
	}

	private WebElement consentButton(WebDriver browser, String purpose) {
		return browser.findElement(By.xpath("//ul[contains(@class,'consents')]//li[.//span[normalize-space()='" + purpose
				+ "']]//button"));
	}

	private void switchTo(WebDriver browser, String officer) {
		Browser.forgetSession(browser);
		BrowserLogin.as(browser, port, administration, officer, Role.HR_OFFICER);
	}

	private void switchTo(WebDriver browser, String username, String password) {
		Browser.forgetSession(browser);
		loginAs(browser, username, password);
	}

	private void loginAs(WebDriver browser, String username, String password) {
		browser.get(url("/login"));
		FirstLoginBrowserTest.login(browser, username, password);
		assertThat(browser.getCurrentUrl()).doesNotContain("error");
	}

	private static WebElement rowOf(WebDriver browser, String table, String name) {
		return wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//table[contains(@class,'"
				+ table.substring(table.indexOf('.') + 1) + "')]//tr[.//a[text()='" + name + "']]")));
	}

	private static String invitationLinkFor(String email) throws Exception {
		var mails = Arrays.stream(MailTestServer.server().getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(email))
			.toList();
		assertThat(mails).hasSize(1);
		var matcher = Pattern.compile("https?://[^\\s]+/invitation/[A-Za-z0-9_-]+").matcher(mails.get(0).getContent().toString());
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String text(WebDriver browser, String css) {
		return wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css))).getText();
	}

	/** Clicks a submit button and waits until the page (or the boosted content) was replaced and has loaded. */
	private static void submit(WebDriver browser, WebElement button) {
		var page = browser.findElement(By.tagName("html"));
		var content = browser.findElements(By.id("content"));
		Browser.click(browser, button);
		waitForReplaced(browser, page, content);
	}

	/** Submits a destructive action: its question comes first (it starts with {@code question}) and is accepted. */
	private static void submitConfirmed(WebDriver browser, WebElement button, String question) {
		var page = browser.findElement(By.tagName("html"));
		var content = browser.findElements(By.id("content"));
		Browser.click(browser, button);
		var alert = wait(browser).until(ExpectedConditions.alertIsPresent());
		assertThat(alert.getText()).startsWith(question);
		alert.accept();
		waitForReplaced(browser, page, content);
	}

	private static void waitForReplaced(WebDriver browser, WebElement page, java.util.List<WebElement> content) {
		wait(browser).until(d -> {
			try {
				page.isEnabled();
				if (!content.isEmpty()) {
					content.get(0).isEnabled();
				}
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) { // stale: the page or the boosted content changed
				return true;
			}
		});
		wait(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	private static java.util.List<String> consoleErrors(WebDriver browser) {
		return browser.manage().logs().get("browser").getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(entry -> entry.getMessage()).toList();
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
