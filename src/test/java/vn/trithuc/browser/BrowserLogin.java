package vn.trithuc.browser;

import static vn.trithuc.browser.FirstLoginBrowserTest.login;
import static vn.trithuc.browser.FirstLoginBrowserTest.submit;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** Logs a ready test account into the browser, through the second factor when the account has one. */
final class BrowserLogin {

	private BrowserLogin() {
	}

	static void as(WebDriver browser, int port, UserAdministration administration, String username, Role... roles) {
		// makes the account ready, with its second factor set up when it needs one
		TestAccounts.loggedIn(port, administration, username, roles);
		browser.get("http://localhost:" + port + "/login");
		login(browser, username, TestAccounts.PASSWORD);
		if (browser.getCurrentUrl().endsWith("/login/second-factor")) {
			browser.findElement(By.id("code")).sendKeys(TestAccounts.takeRecoveryCode(username));
			submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));
		}
	}
}
