package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** Real headless Chromium against the running application, as a first-time administrator would use it. */
@IntegrationTest
@Tag("browser")
class FirstLoginBrowserTest {

	@LocalServerPort
	int port;
	@Value("${trithuc.identity.initial-admin-password}")
	String oneTimePassword;
	@Autowired
	UserAdministration administration;
	@Autowired
	java.util.List<vn.trithuc.shared.NavigationItem> navigation;
	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void first_login_with_the_one_time_password_forces_a_change_then_shows_the_vietnamese_home() throws Exception {
		var browser = Browser.get();
		browser.get(url("/"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.getTitle()).isEqualTo("Đăng nhập · TriThức");
		login(browser, "admin", oneTimePassword);

		wait(browser).until(ExpectedConditions.urlContains("/account/password"));
		assertThat(browser.findElement(By.cssSelector(".alert-warning")).getText())
			.isEqualTo("Bạn đang dùng mật khẩu dùng một lần. Hãy đặt mật khẩu mới trước khi tiếp tục.");
		// a weak password is refused with a message beside the field
		changePassword(browser, oneTimePassword, "yếu", "yếu");
		assertThat(browser.findElement(By.cssSelector("#proposed ~ .invalid-feedback")).getText())
			.contains("Mật khẩu phải có ít nhất 10 ký tự.");
		// trying to leave goes back to the change form
		browser.get(url("/admin/users"));
		assertThat(browser.getCurrentUrl()).endsWith("/account/password");

		changePassword(browser, oneTimePassword, "Quản-trị-2026!", "Quản-trị-2026!");
		// administrators must set up the second factor right after the password change
		wait(browser).until(ExpectedConditions.urlContains("/account/second-factor"));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Đã đổi mật khẩu.");
		assertThat(browser.findElement(By.cssSelector("#content .alert-warning")).getText())
			.isEqualTo("Tài khoản quản trị phải bật xác thực hai lớp trước khi tiếp tục.");
		browser.get(url("/admin/users"));
		assertThat(browser.getCurrentUrl()).endsWith("/account/second-factor");
		var secret = browser.findElement(By.id("totp-secret")).getAttribute("data-secret");
		browser.findElement(By.id("code")).sendKeys(TestAccounts.totp(secret, 0));
		submit(browser, browser.findElement(By.cssSelector("#content form button[type=submit]")));
		assertThat(browser.findElements(By.cssSelector(".recovery-code"))).hasSize(10);

		browser.get(url("/"));
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Xin chào"));
		assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Xin chào, Quản trị hệ thống");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
		assertThat(browser.findElements(By.cssSelector(".tiles a"))).extracting(e -> e.findElement(By.tagName("strong")).getText())
			.containsExactlyElementsOf(expectedTilesForAdministrator())
			.contains("Cơ quan, đơn vị", "Danh mục", "Quản lý người dùng", "Nhật ký bảo mật", "Đổi mật khẩu", "Xác thực hai lớp");
		screenshot(browser, "home");

		// htmx navigation: the sidebar link swaps only the content, the page title follows
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
		browser.findElement(By.cssSelector(".sidenav a[href='/admin/users']")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"),
				"Quản lý người dùng"));
		wait(browser).until(ExpectedConditions.titleIs("Quản lý người dùng · TriThức"));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
		assertThat(browser.getCurrentUrl()).endsWith("/admin/users");
		assertThat(browser.findElement(By.cssSelector("table")).getText()).contains("Quản trị hệ thống");
		screenshot(browser, "users");
		assertThat(consoleErrors(browser)).isEmpty();
	}

	@Test
	void five_failed_logins_show_the_locked_message() {
		var username = TestAccounts.ready(administration, "browser.lockout", Role.LEADER);
		var browser = Browser.get();
		for (int attempt = 1; attempt <= 4; attempt++) {
			browser.get(url("/login"));
			login(browser, username, "Sai-mật-khẩu-" + attempt);
			assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText())
				.isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
		}
		browser.get(url("/login"));
		login(browser, username, "Sai-mật-khẩu-5");
		assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText())
			.startsWith("Tài khoản đã bị tạm khóa do đăng nhập sai nhiều lần.");
		browser.get(url("/login"));
		login(browser, username, TestAccounts.PASSWORD);
		assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText()).startsWith("Tài khoản đã bị tạm khóa");
	}

	/** Every navigation item the modules contribute that an administrator may see, in menu order. */
	private java.util.List<String> expectedTilesForAdministrator() {
		return navigation.stream()
			.filter(item -> item.visibleTo(java.util.List.of(Role.SYSTEM_ADMINISTRATOR.authority())))
			.sorted(java.util.Comparator.comparingInt(vn.trithuc.shared.NavigationItem::order))
			.map(item -> messages.getMessage(item.labelKey(), null, java.util.Locale.forLanguageTag("vi")))
			.toList();
	}

	static void login(WebDriver browser, String username, String password) {
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));
	}

	/** Clicks a submit button and waits until the browser has loaded the answer. */
	static void submit(WebDriver browser, org.openqa.selenium.WebElement button) {
		var page = browser.findElement(By.tagName("html"));
		button.click();
		wait(browser).until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) { // stale, or no longer in the document
				return true;
			}
		});
		wait(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	private void changePassword(WebDriver browser, String current, String proposed, String confirmation) {
		browser.findElement(By.id("current")).clear();
		browser.findElement(By.id("current")).sendKeys(current);
		browser.findElement(By.id("proposed")).sendKeys(proposed);
		browser.findElement(By.id("confirmation")).sendKeys(confirmation);
		submit(browser, browser.findElement(By.cssSelector("#content button[type=submit]")));
	}

	static java.util.List<String> consoleErrors(WebDriver browser) {
		return browser.manage().logs().get("browser").getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(entry -> entry.getMessage()).toList();
	}

	static void screenshot(WebDriver browser, String name) throws java.io.IOException {
		var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		var target = java.nio.file.Path.of("target", "screenshots", name + ".png");
		java.nio.file.Files.createDirectories(target.getParent());
		java.nio.file.Files.write(target, png);
	}

	static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
