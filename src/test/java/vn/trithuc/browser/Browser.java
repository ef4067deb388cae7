package vn.trithuc.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the whole suite (Debian's chromium + chromium-driver). Missing browser = failed
 * test, never a skipped one: CI installs both in .ci/run.
 */
final class Browser {

	private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
	private static ChromeDriver driver;

	private Browser() {
	}

	static synchronized WebDriver get() {
		if (driver == null) {
			driver = start();
			Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
		}
		forgetSession(driver);
		return driver;
	}

	/**
	 * Logs the browser out by deleting its cookies, after leaving the page it shows: an open page asks for the notice
	 * bell on its own, and a request that has lost its session cookie is answered 401 (a console error for the test
	 * that reads the console next). From a blank page the cookies are cleared through the DevTools protocol.
	 */
	static void forgetSession(WebDriver browser) {
		browser.get("about:blank");
		((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
	}

	/**
	 * Clicks an element after scrolling it to the middle of the small headless window (at its edge the pointer can
	 * land under the sticky page header or footer); by keyboard when the pointer would still hit something else.
	 */
	static void click(WebDriver browser, WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException e) {
			// near the page's end the element cannot reach the middle and may stay under the sticky layout: use the
			// keyboard, as a keyboard user would (Enter follows a link or presses a button)
			element.sendKeys(org.openqa.selenium.Keys.ENTER);
		}
	}

	/** Saves what the browser shows to {@code target/screenshots/<name>.png} (for a look after the run). */
	static void screenshot(WebDriver browser, String name) throws IOException {
		var png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
		var target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, png);
	}

	private static ChromeDriver start() {
		if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("Browser tests need Chromium and its driver at " + CHROMIUM + " and "
					+ CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
		}
		System.setProperty("SE_OFFLINE", "true");
		Path profile;
		try {
			profile = Files.createTempDirectory("trithuc-chromium");
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=vi", "--user-data-dir=" + profile);
		var logging = new org.openqa.selenium.logging.LoggingPreferences();
		logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
		var chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return chrome;
	}
}
