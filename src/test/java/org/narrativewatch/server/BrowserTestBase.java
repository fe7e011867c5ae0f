package org.narrativewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.narrativewatch.index.Engine;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the dashboard's browser tests share: the dashboard in a real headless Chromium (Debian's chromium and
 * chromium-driver; .ci/setup-browser.sh installs them) against the real engine on the fixture corpus. Skipped only
 * when Chromium is missing outside CI; in CI (CI=true) a missing browser fails the test.
 */
abstract class BrowserTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static Path dir;
    static Engine engine;
    static DashboardServer server;
    static WebDriver driver;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        requireChromium();
        dir = Files.createTempDirectory("nwatch-browser-test");
        engine = FixtureCorpus.build(dir.resolve("index"));
        server = new DashboardServer(engine, ServerOptions.defaults(dir.resolve("events.csv")).withPort(0),
                new AccessToken("browser-test-token-0123456789", "test", false), EventStore.open(dir.resolve("events.csv")),
                BrowserTestBase::peakAsChange)
                .withTerritory(MapFixture.geo(dir.resolve("geo")))
                .withPolls(MapFixture.polls(dir.resolve("polls.json")))
                .start();
        http = new Http(server.port());
        driver = chromium(dir);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        shutDown(driver, server, engine);
    }

    /** Aborts the test class when Chromium or chromedriver is missing, except in CI (CI=true), where it fails it. */
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            String msg = "Chromium or chromedriver missing (" + CHROMIUM + ", " + DRIVER + "): run .ci/setup-browser.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("in CI the browser tests must run. " + msg);
            }
            Assumptions.abort("browser tests skipped: " + msg);
        }
    }

    /** A headless Chromium with a fresh profile under {@code dir}, its console kept for {@link LogType#BROWSER}. */
    static WebDriver chromium(Path dir) throws IOException {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--window-size=1400,2000",
                "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(svc, o);
    }

    /** Quits the browser, then closes the server and the engine: each only if it was started. */
    static void shutDown(WebDriver driver, DashboardServer server, Engine engine) throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * A stand-in detector for the page tests (the real one is tested through the API in ServeCommandTest):
     * it reports a rise at the bucket with the most matches and a fall at the bucket after it, so the page's
     * drawing of changes is checked against a known answer.
     */
    static JsonNode peakAsChange(String query, org.narrativewatch.timeline.Series s, String model) {
        var o = Views.MAPPER.createObjectNode();
        o.put("query", query);
        o.put("model", model == null ? "poisson" : model);
        var changes = o.putArray("changes");
        var buckets = s.buckets();
        int peak = 0;
        for (int i = 1; i < buckets.size(); i++) {
            if (buckets.get(i).count() > buckets.get(peak).count()) {
                peak = i;
            }
        }
        if (peak > 0) {
            var c = changes.addObject();
            c.put("date", buckets.get(peak).start().toString());
            c.put("before", buckets.get(peak - 1).count());
            c.put("after", buckets.get(peak).count());
            c.putArray("before_ci").add(0.5).add(2.5);
            c.putArray("after_ci").add(2.0).add(4.5);
            c.put("relative_change", 2.0);
            c.put("p", 0.0004);
        }
        if (peak + 1 < buckets.size() && buckets.get(peak + 1).count() < buckets.get(peak).count()) {
            var c = changes.addObject();
            c.put("date", buckets.get(peak + 1).start().toString());
            c.put("before", buckets.get(peak).count());
            c.put("after", buckets.get(peak + 1).count());
            c.put("relative_change", buckets.get(peak + 1).count() / (double) buckets.get(peak).count() - 1);
            c.put("p", 0.02);
        }
        return o;
    }

    static String base() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Opens a view by its URL and waits until the chart for it is drawn. */
    static void open(String hash) {
        driver.get("about:blank");
        driver.get(base() + "#" + hash);
        waiting().until(d -> js("return document.body.dataset.drawn || ''") instanceof String s && !s.isEmpty());
    }

    /** Clicks the chart at mid-height on the bucket that starts on {@code day} (yyyy-mm-dd). */
    static void clickBucket(String day) {
        Number[] xy = ((java.util.List<?>) js("""
                const u = window.nwatchDashboard.chart();
                const t = Date.parse(arguments[0] + 'T00:00:00Z') / 1000;
                return [u.valToPos(t, 'x'), u.bbox.height / devicePixelRatio / 2];""", day)).toArray(new Number[0]);
        WebElement over = driver.findElement(By.cssSelector("#chart .u-over"));
        int w = over.getRect().getWidth();
        int h = over.getRect().getHeight();
        new Actions(driver).moveToElement(over, xy[0].intValue() - w / 2, xy[1].intValue() - h / 2).click().perform();
    }

    /** The page's viewport as a device of this width (a desktop window cannot be made narrower than about 500 px). */
    static void viewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    static void desktopViewport() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

}
