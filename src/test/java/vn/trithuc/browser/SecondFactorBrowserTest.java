package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.browser.FirstLoginBrowserTest.login;
import static vn.trithuc.browser.FirstLoginBrowserTest.submit;


import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** A user sets up the authenticator app, then logs in with password and code, or with a recovery code once. */
@IntegrationTest
@Tag("browser")
class SecondFactorBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void set_up_totp_then_log_in_with_password_and_code_wrong_code_refused_recovery_code_works_once()
			throws Exception {
		var username = TestAccounts.ready(administration, "browser.totp", Role.HR_OFFICER);
		var browser = Browser.get();
		browser.get(url("/login"));
		login(browser, username, TestAccounts.PASSWORD);
		FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Xin chào"));

		// set up: QR code and secret shown, confirmed with a code from the "app"
		browser.get(url("/account/second-factor"));
		assertThat(browser.findElement(By.cssSelector("img.qr-code")).getAttribute("src")).startsWith("data:image/png;base64,");
		var secret = browser.findElement(By.id("totp-secret")).getAttribute("data-secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		browser.findElement(By.id("code")).sendKeys(TestAccounts.totp(secret, 0));
		submit(browser, browser.findElement(By.cssSelector("#content form button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Đã bật xác thực hai lớp.");
		List<String> recoveryCodes = browser.findElements(By.cssSelector(".recovery-code")).stream()
			.map(WebElement::getText).toList();
		assertThat(recoveryCodes).hasSize(10).allMatch(c -> c.matches("[a-z0-9]{4}-[a-z0-9]{4}"));
		FirstLoginBrowserTest.screenshot(browser, "second-factor-codes");
		// shown once only
		browser.get(url("/account/second-factor"));
		assertThat(browser.findElements(By.cssSelector(".recovery-code"))).isEmpty();
		assertThat(browser.findElement(By.id("remaining-codes")).getText()).isEqualTo("Còn 10 mã khôi phục chưa dùng.");
		logout(browser);

		// password alone is not a login: the code page follows, and nothing else opens
		login(browser, username, TestAccounts.PASSWORD);
		assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
		assertThat(browser.getTitle()).isEqualTo("Xác thực hai lớp · TriThức");
		// a wrong code is refused in Vietnamese
		enterCode(browser, wrongCode(secret));
		assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText())
			.isEqualTo("Mã xác thực không đúng hoặc đã hết hạn. Vui lòng nhập mã mới nhất trong ứng dụng.");
		assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
		// the right code logs in
		enterCode(browser, TestAccounts.totp(secret, 1));
		FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Xin chào"));
		assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Xin chào, Tài khoản kiểm thử " + username);
		logout(browser);

		// a recovery code works once
		login(browser, username, TestAccounts.PASSWORD);
		enterCode(browser, recoveryCodes.get(3));
		FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Xin chào"));
		logout(browser);
		login(browser, username, TestAccounts.PASSWORD);
		enterCode(browser, recoveryCodes.get(3));
		assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
		assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText()).startsWith("Mã xác thực không đúng");
		enterCode(browser, recoveryCodes.get(4));
		FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Xin chào"));
		browser.get(url("/account/second-factor"));
		assertThat(browser.findElement(By.id("remaining-codes")).getText()).isEqualTo("Còn 8 mã khôi phục chưa dùng.");
		assertThat(FirstLoginBrowserTest.consoleErrors(browser)).isEmpty();
	}

	private static String wrongCode(String secret) {
		var valid = List.of(TestAccounts.totp(secret, -1), TestAccounts.totp(secret, 0), TestAccounts.totp(secret, 1),
				TestAccounts.totp(secret, 2));
		for (int i = 0;; i++) {
			var candidate = String.format("%06d", 123456 + i);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}

	private static void enterCode(WebDriver browser, String code) {
		browser.findElement(By.id("code")).sendKeys(code);
		submit(browser, browser.findElement(By.cssSelector("form button.btn-primary")));
	}

	private void logout(WebDriver browser) {
		submit(browser, browser.findElement(By.cssSelector(".user-menu button[type=submit]")));
		FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.urlContains("/login"));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
