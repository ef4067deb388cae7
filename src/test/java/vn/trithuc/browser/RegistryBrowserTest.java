package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

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
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/** An HR officer finds a person typing without diacritics, opens the profile, and meets a concurrent edit. */
@IntegrationTest
@Tag("browser")
class RegistryBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;

	@Test
	void search_without_diacritics_open_the_profile_and_edit_into_a_concurrent_edit() throws Exception {
		var given = "Thuỷ" ;
		var middle = "Ngọc Bích";
		var data = new PersonData("Đặng", middle, given, null, Sex.FEMALE, LocalDate.of(1986, 10, 20), null, "01", null,
				null, null, null, null, "0263123456", null, null);
		var id = ((Profiles.Created) profiles.register(data, "test.hr")).id();
		var username = TestAccounts.ready(administration, "browser.hr", Role.HR_OFFICER);

		var browser = Browser.get();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));

		browser.findElement(By.cssSelector(".sidenav a[href='/registry/people']")).click();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"),
				"Cơ sở dữ liệu trí thức"));
		var q = browser.findElement(By.id("q"));
		q.sendKeys("dang ngoc bich thuy");
		q.submit();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-count"),
				"Tìm thấy 1 người"));
		wait(browser).until(ExpectedConditions.elementToBeClickable(By.linkText("Đặng Ngọc Bích Thuỷ")));
		Browser.screenshot(browser, "registry-search");

		// the result list may be swapped once more by htmx after it appears: click the link that stays
		wait(browser).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
			d.findElement(By.linkText("Đặng Ngọc Bích Thuỷ")).click();
			return true;
		});
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#content h1"),
				"Đặng Ngọc Bích Thuỷ"));
		assertThat(browser.getCurrentUrl()).endsWith("/registry/people/" + id);
		assertThat(browser.findElement(By.cssSelector(".profile-grid")).getText()).contains("20/10/1986", "0263123456");

		browser.findElement(By.linkText("Sửa")).click();
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("phone")));
		// meanwhile a colleague saves a new phone number
		profiles.update(id, 1, new PersonData("Đặng", middle, given, null, Sex.FEMALE, LocalDate.of(1986, 10, 20), null,
				"01", null, null, null, null, null, "0263999999", null, null), "dong.nghiep");
		var phone = browser.findElement(By.id("phone"));
		phone.clear();
		phone.sendKeys("0912000111");
		submitByEnter(browser, phone);

		var conflict = wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert.conflict")));
		assertThat(conflict.getText()).contains("Hồ sơ này vừa được người khác sửa", "dong.nghiep", "0263999999",
				"0912000111");
		// the form now shows the colleague's value; nothing was overwritten
		assertThat(browser.findElement(By.id("phone")).getAttribute("value")).isEqualTo("0263999999");
		Browser.screenshot(browser, "registry-conflict");

		// saving again on the latest version works
		phone = browser.findElement(By.id("phone"));
		phone.clear();
		phone.sendKeys("0912000111");
		submitByEnter(browser, phone);
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Đã lưu."));
		assertThat(browser.findElement(By.cssSelector(".profile-grid")).getText()).contains("0912000111");
		assertThat(consoleErrors(browser)).isEmpty();
	}

	@Test
	void ending_a_part_and_merging_ask_first_and_a_dismissed_question_submits_nothing() throws Exception {
		var data = new PersonData("Lương", "Thế", "Vinh" + System.nanoTime() % 100_000, null, Sex.MALE,
				LocalDate.of(1971, 4, 2), null, "01", null, null, null, null, null, null, null, null);
		var id = ((Profiles.Created) profiles.register(data, "test.hr")).id();
		profiles.addPart(id, 1, PartKind.WORK, LocalDate.of(2020, 1, 6), null, java.util.Map.of("title", "Giáo trình đại số"),
				"test.hr");
		var username = TestAccounts.ready(administration, "browser.hr.confirm", Role.HR_OFFICER);
		var browser = Browser.get();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		submit(browser, browser.findElement(By.cssSelector("button[type=submit]")));
		browser.get(url("/registry/people/" + id));
		wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.end-part button")));

		// "Kết thúc" with an empty date box: the question says it ends today; Cancel leaves the part open
		var today = vn.trithuc.shared.Formats.DATE.format(LocalDate.now(vn.trithuc.shared.Formats.ZONE));
		Browser.click(browser, browser.findElement(By.cssSelector("form.end-part button")));
		var question = wait(browser).until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).isEqualTo("Kết thúc «Công trình khoa học, ấn phẩm» vào ngày hôm nay (" + today
				+ ")? Nếu không phải hôm nay, hãy bấm Hủy và nhập ngày kết thúc.");
		question.dismiss();
		// the merge form too: the question names the record typed in; Cancel merges nothing
		var other = ((Profiles.Created) profiles.register(new PersonData("Lương", "Văn", "Khác" + data.givenName(), null, Sex.MALE,
				LocalDate.of(1972, 5, 3), null, "01", null, null, null, null, null, "0912 000 222", null, null), "test.hr"));
		browser.findElement(By.id("merge-other")).sendKeys(other.id().toString());
		Browser.click(browser, browser.findElement(By.cssSelector("form.merge-form button")));
		question = wait(browser).until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).startsWith("Gộp hồ sơ có mã " + other.id() + " vào hồ sơ của " + data.fullName() + "?");
		question.dismiss();
		Thread.sleep(500); // a request, had one been sent, would have answered by now
		assertThat(profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().parts()).singleElement().satisfies(p -> assertThat(p.validTo()).isNull());
		assertThat(profiles.find(other.id(), vn.trithuc.registry.internal.RegistryFixtures.hr())).isPresent();
		assertThat(profiles.mergedInto(other.id())).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".alert-success"))).isEmpty();

		// with a date typed the question quotes it; OK ends the part on that day (a boosted submit)
		var end = browser.findElement(By.cssSelector("form.end-part input[name=validTo]"));
		end.sendKeys("31/12/2025");
		Browser.click(browser, browser.findElement(By.cssSelector("form.end-part button")));
		question = wait(browser).until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).isEqualTo("Kết thúc «Công trình khoa học, ấn phẩm» vào ngày 31/12/2025?");
		question.accept();
		wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Đã lưu."));
		assertThat(profiles.find(id, vn.trithuc.registry.internal.RegistryFixtures.hr()).orElseThrow().parts()).singleElement()
			.satisfies(p -> assertThat(p.validTo()).isEqualTo(LocalDate.of(2025, 12, 31)));
		assertThat(browser.findElements(By.cssSelector("form.end-part"))).isEmpty();
		assertThat(consoleErrors(browser)).isEmpty();
	}

	/** Presses Enter in a form field (a real submit event, as a keyboard user does) and waits for the answer. */
	private static void submitByEnter(WebDriver browser, WebElement field) {
		var content = browser.findElement(By.id("content"));
		field.sendKeys(org.openqa.selenium.Keys.ENTER);
		wait(browser).until(ExpectedConditions.stalenessOf(content));
		wait(browser).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	private static void submit(WebDriver browser, WebElement button) {
		var page = browser.findElement(By.tagName("html"));
		var content = browser.findElements(By.id("content"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
		button.click();
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
