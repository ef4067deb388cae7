package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.browser.FirstLoginBrowserTest.login;
import static vn.trithuc.browser.FirstLoginBrowserTest.submit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.SecurityEventType;
import vn.trithuc.identity.internal.SecurityEvents;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * Passkeys with Chromium's virtual authenticator (CTAP2, internal, resident keys, user verification): register one
 * on the account page, log out, log in with password and passkey; a removed passkey no longer works.
 */
@IntegrationTest
@Tag("browser")
class PasskeyBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	SecurityEvents events;

	private final List<VirtualAuthenticator> authenticators = new ArrayList<>();

	@Test
	void register_a_passkey_log_out_log_in_with_password_and_passkey_a_removed_passkey_no_longer_works()
			throws Exception {
		var username = TestAccounts.ready(administration, "browser.passkey", Role.HR_OFFICER);
		var browser = Browser.get();
		try {
			browser.get(url("/login"));
			login(browser, username, TestAccounts.PASSWORD);
			waitForHome(browser);

			// register a passkey with a name on the account page
			var first = addAuthenticator(browser);
			browser.get(url("/account/second-factor"));
			assertThat(browser.findElement(By.id("passkeys-none")).getText()).isEqualTo("Chưa đăng ký khóa truy cập nào.");
			register(browser, "Máy tính cơ quan");
			assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
				.isEqualTo("Đã đăng ký khóa truy cập.");
			assertThat(labels(browser)).containsExactly("Máy tính cơ quan");
			assertThat(first.getCredentials()).hasSize(1).allMatch(Credential::isResidentCredential);
			var oldKey = first.getCredentials().get(0);
			assertThat(count(SecurityEventType.PASSKEY_REGISTERED, username)).isEqualTo(1);
			FirstLoginBrowserTest.screenshot(browser, "passkeys");
			logout(browser);

			// password alone is not a login; the passkey completes it (no code form: this user has no TOTP)
			login(browser, username, TestAccounts.PASSWORD);
			assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
			assertThat(browser.findElements(By.id("code"))).isEmpty();
			var passkeyButton = browser.findElement(By.id("passkey-login"));
			assertThat(passkeyButton.getText()).isEqualTo("Dùng khóa truy cập (passkey)");
			passkeyButton.click();
			waitForHome(browser);
			assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Xin chào, Tài khoản kiểm thử " + username);
			assertThat(events.search(new SecurityEvents.Filter(username, SecurityEventType.LOGIN_SUCCEEDED, null, null), 0, 1)
				.events().get(0).details()).isEqualTo("password and passkey");

			// a second passkey on another authenticator, then the first one is removed
			removeAuthenticators(browser);
			var second = addAuthenticator(browser);
			browser.get(url("/account/second-factor"));
			register(browser, "Điện thoại");
			assertThat(labels(browser)).containsExactly("Máy tính cơ quan", "Điện thoại");
			var newKey = second.getCredentials().get(0);
			var remove = browser.findElements(By.cssSelector("tr.passkey")).get(0)
				.findElement(By.cssSelector("button.passkey-remove"));
			remove.sendKeys(org.openqa.selenium.Keys.ENTER);
			// removing asks first (a normal, not boosted, submit)
			var question = FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.alertIsPresent());
			assertThat(question.getText()).isEqualTo("Xóa khóa truy cập «Máy tính cơ quan»? Sẽ không dùng khóa này để đăng nhập được nữa.");
			question.accept();
			FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.stalenessOf(remove));
			assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Đã xóa khóa truy cập.");
			assertThat(labels(browser)).containsExactly("Điện thoại");
			assertThat(count(SecurityEventType.PASSKEY_REMOVED, username)).isEqualTo(1);
			assertThat(count(SecurityEventType.PASSKEY_REGISTERED, username)).isEqualTo(2);
			logout(browser);

			// the removed passkey (still in the authenticator) is refused and counts as a failed second factor
			removeAuthenticators(browser);
			addAuthenticator(browser).addCredential(oldKey);
			long failuresBefore = count(SecurityEventType.SECOND_FACTOR_FAILED, username);
			login(browser, username, TestAccounts.PASSWORD);
			assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
			browser.findElement(By.id("passkey-login")).click();
			var error = browser.findElement(By.id("passkey-login-error"));
			FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.visibilityOf(error));
			assertThat(error.getText()).isEqualTo("Khóa truy cập không hợp lệ cho tài khoản này. Vui lòng thử lại.");
			assertThat(browser.getCurrentUrl()).endsWith("/login/second-factor");
			assertThat(count(SecurityEventType.SECOND_FACTOR_FAILED, username)).isEqualTo(failuresBefore + 1);
			browser.get(url("/"));
			assertThat(browser.getCurrentUrl()).endsWith("/login");

			// the remaining passkey still works
			removeAuthenticators(browser);
			addAuthenticator(browser).addCredential(newKey);
			browser.get(url("/login"));
			login(browser, username, TestAccounts.PASSWORD);
			browser.findElement(By.id("passkey-login")).click();
			waitForHome(browser);
			assertThat(FirstLoginBrowserTest.consoleErrors(browser)).noneMatch(m -> m.contains("passkeys.js"));
		}
		finally {
			removeAuthenticators(browser);
		}
	}

	private VirtualAuthenticator addAuthenticator(WebDriver browser) {
		var options = new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true);
		var authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(options);
		authenticators.add(authenticator);
		return authenticator;
	}

	private void removeAuthenticators(WebDriver browser) {
		authenticators.forEach(a -> ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(a));
		authenticators.clear();
	}

	private static void register(WebDriver browser, String label) {
		// Enter in the name field submits the form (the page script takes it over)
		browser.findElement(By.id("passkey-label")).sendKeys(label, org.openqa.selenium.Keys.ENTER);
		FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.urlContains("registered"));
		FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
	}

	private static List<String> labels(WebDriver browser) {
		return browser.findElements(By.cssSelector("tr.passkey .passkey-label")).stream().map(e -> e.getText()).toList();
	}

	private long count(SecurityEventType type, String username) {
		return events.search(new SecurityEvents.Filter(username, type, null, null), 0, 1).total();
	}

	private static void waitForHome(WebDriver browser) {
		FirstLoginBrowserTest.wait(browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Xin chào"));
	}

	private void logout(WebDriver browser) {
		submit(browser, browser.findElement(By.cssSelector(".user-menu button[type=submit]")));
		FirstLoginBrowserTest.wait(browser).until(ExpectedConditions.urlContains("/login"));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
