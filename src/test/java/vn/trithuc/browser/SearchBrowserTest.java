package vn.trithuc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;

/**
 * An HR officer narrows a search with two facets (links swapped in by htmx, both kept in the address), opens the
 * export dialog, saves the search and runs it from the saved list, then finds an expert on the Tìm chuyên gia page.
 */
@IntegrationTest
@Tag("browser")
class SearchBrowserTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;

	@Test
	void facets_combine_the_search_is_saved_and_run_and_an_expert_is_found() {
		var tag = RegistryFixtures.uniqueToken("Duyet");
		var unit = RegistryFixtures.orgUnit(operations, "Trung tâm thử duyệt " + tag);
		person(tag, "Hạnh", Sex.FEMALE, "THAC_SI", unit, "trồng cà phê " + tag);
		person(tag, "Hà", Sex.FEMALE, "DAI_HOC", unit, "du lịch sinh thái");
		person(tag, "Hùng", Sex.MALE, "THAC_SI", unit, "thủy lợi");
		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, "browser.search", Role.HR_OFFICER);

		browser.get(url("/registry/people?q=" + tag));
		waitFor(browser, ".result-count", "Tìm thấy 3 người");
		click(browser, By.xpath("//section[h3='Giới tính']//a[normalize-space()='Nữ']"));
		waitFor(browser, ".result-count", "Tìm thấy 2 người");
		click(browser, By.xpath("//section[h3='Trình độ cao nhất']//a[normalize-space()='Thạc sĩ']"));
		waitFor(browser, ".result-count", "Tìm thấy 1 người");
		assertThat(browser.getCurrentUrl()).contains("sex=FEMALE", "degree=THAC_SI");
		// the selected degree still shows its other value with its count within the other selection (women)
		assertThat(browser.findElement(By.xpath("//section[h3='Trình độ cao nhất']")).getText()).contains("Đại học");

		browser.findElement(By.cssSelector(".export-dialog summary")).click();
		assertThat(browser.findElement(By.id("col-nationalId")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("col-field")).isDisplayed()).isTrue();

		browser.findElement(By.cssSelector(".save-dialog summary")).click();
		var name = browser.findElement(By.id("saved-name"));
		name.sendKeys("Nữ thạc sĩ " + tag);
		name.sendKeys(org.openqa.selenium.Keys.ENTER);
		waitFor(browser, ".alert-success", "Đã lưu tìm kiếm.");

		browser.get(url("/registry/searches"));
		click(browser, By.linkText("Nữ thạc sĩ " + tag));
		waitFor(browser, ".result-count", "Tìm thấy 1 người");
		assertThat(browser.findElement(By.cssSelector(".results")).getText()).contains("Hạnh");

		click(browser, By.cssSelector(".sidenav a[href='/registry/experts']"));
		waitFor(browser, "#content h1", "Tìm chuyên gia");
		var q = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("q")));
		q.sendKeys("trong ca phe " + tag);
		q.submit();
		waitFor(browser, ".result-count", "Tìm thấy 1 chuyên gia phù hợp");
		assertThat(browser.findElement(By.cssSelector(".expert-results")).getText()).contains("Hạnh",
				"Nông, lâm nghiệp và thủy sản", "Trung tâm thử duyệt");

		// a boosted link to a page that is not there does not just do nothing: it is followed as a normal page load,
		// which shows the error page
		((JavascriptExecutor) browser).executeScript("""
				var link = document.createElement('a');
				link.id = 'missing-link';
				link.href = '/registry/people/' + arguments[0];
				link.textContent = 'missing';
				document.querySelector('#content h1').after(link);
				htmx.process(link);""", java.util.UUID.randomUUID().toString());
		click(browser, By.id("missing-link"));
		waitFor(browser, "h1", "Không tìm thấy");
		assertThat(browser.getCurrentUrl()).contains("/registry/people/");
		// the browser logged the two 404s (htmx's and the page load's): read here, so that the next test of the
		// shared browser does not find them among its own console errors
		assertThat(FirstLoginBrowserTest.consoleErrors(browser)).isNotEmpty().allMatch(e -> e.contains("404"));
	}

	/**
	 * An HR officer sorts a list of 22 by birth with a click on its header (oldest first, the header marked), again
	 * (youngest first), then goes to page 2 by its number: the order holds there.
	 */
	@Test
	void a_click_on_a_header_sorts_the_list_again_reverses_it_and_the_page_numbers_keep_the_order() {
		var tag = RegistryFixtures.uniqueToken("Tuoi");
		for (int i = 0; i < 22; i++) {
			profiles.register(RegistryFixtures.person("Lò", tag, "Xuân" + (char) ('A' + i), Sex.MALE,
					LocalDate.of(1990 - i, 6, 15)), "test");
		}
		var browser = Browser.get();
		BrowserLogin.as(browser, port, administration, "browser.sort", Role.HR_OFFICER);
		browser.get(url("/registry/people?q=" + tag));
		waitFor(browser, ".result-count", "Tìm thấy 22 người");
		assertThat(firstName(browser)).isEqualTo("Lò " + tag + " XuânA");

		click(browser, By.xpath("//th/a[normalize-space()='Ngày sinh']"));
		waitForAttribute(browser, "//th[a[normalize-space()='Ngày sinh']]", "aria-sort", "ascending");
		assertThat(firstName(browser)).isEqualTo("Lò " + tag + " XuânV"); // born 1969
		assertThat(browser.getCurrentUrl()).contains("sort=birth");

		click(browser, By.xpath("//th/a[normalize-space()='Ngày sinh']"));
		waitForAttribute(browser, "//th[a[normalize-space()='Ngày sinh']]", "aria-sort", "descending");
		assertThat(firstName(browser)).isEqualTo("Lò " + tag + " XuânA"); // born 1990
		assertThat(browser.findElement(By.xpath("//th[a[normalize-space()='Họ và tên']]")).getAttribute("aria-sort")).isNull();

		click(browser, By.xpath("//nav[@class='paging']//a[normalize-space()='2']"));
		waitForAttribute(browser, "//nav[@class='paging']//a[normalize-space()='2']", "aria-current", "page");
		assertThat(browser.getCurrentUrl()).contains("sort=birth", "page=1");
		assertThat(firstName(browser)).isEqualTo("Lò " + tag + " XuânU"); // the 21st youngest, born 1970
		assertThat(browser.findElement(By.xpath("//th[a[normalize-space()='Ngày sinh']]")).getAttribute("aria-sort"))
			.isEqualTo("descending");
	}

	private static String firstName(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.cssSelector(".results tbody tr td a")).getText());
	}

	private static void waitForAttribute(WebDriver browser, String xpath, String attribute, String value) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> value.equals(d.findElement(By.xpath(xpath)).getAttribute(attribute)));
	}

	private void person(String tag, String given, Sex sex, String degree, java.util.UUID unit, String keywords) {
		var id = ((Profiles.Created) profiles.register(RegistryFixtures.person("Võ", tag, given, sex,
				LocalDate.of(1984, 2, 2)), "test")).id();
		int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2022, 1, 1), null, Map.of("orgUnit",
				unit.toString(), "jobTitle", "Kỹ sư", "personnelCategory", "PUBLIC_EMPLOYEE"), "test");
		v = profiles.addPart(id, v, PartKind.DEGREE, null, null, Map.of("level", degree, "fieldOfStudy", "62"), "test");
		profiles.addPart(id, v, PartKind.EXPERTISE, null, null, Map.of("field", "62", "keywords", keywords), "test");
	}

	/**
	 * Clicks what may be swapped by htmx right before (retrying a stale element, or one that htmx's scroll to the top
	 * of the swapped page moved away from the point clicked).
	 */
	private static void click(WebDriver browser, By by) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
			var element = d.findElement(by);
			((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
			element.click();
			return true;
		});
	}

	private static void waitFor(WebDriver browser, String css, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
