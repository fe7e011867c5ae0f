package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.narrativewatch.index.Engine;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A bucket click shows the bucket's key terms next to its articles (web/src/explain.js over
 * /api/explain), in headless Chromium; skipped without a browser outside CI, as DashboardBrowserTest.
 */
class ExplainBrowserTest {

    static Path dir;
    static Engine engine;
    static DashboardServer server;
    static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(DashboardBrowserTest.CHROMIUM) && Files.isExecutable(DashboardBrowserTest.DRIVER);
        if (!present) {
            String msg = "Chromium or chromedriver missing: run .ci/setup-browser.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("in CI the browser tests must run. " + msg);
            }
            Assumptions.abort("browser tests skipped: " + msg);
        }
        dir = Files.createTempDirectory("nwatch-explain-browser-test");
        engine = FixtureCorpus.build(dir.resolve("index"));
        server = new DashboardServer(engine, ServerOptions.defaults(dir.resolve("events.csv")).withPort(0),
                new AccessToken("explain-browser-token-0123456789", "test", false), EventStore.open(dir.resolve("events.csv")),
                null).start();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(DashboardBrowserTest.CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--window-size=1400,2000", "--lang=en-US");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DashboardBrowserTest.DRIVER.toFile())
                .usingAnyFreePort().build(), o);
    }

    @AfterAll
    static void stop() throws Exception {
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

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void aBucketClickShowsItsKeyTerms() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get("http://127.0.0.1:" + server.port() + "/#q=" + Http.enc("переговоры") + "&by=week");
        wait.until(d -> js("return document.body.dataset.drawn || ''") instanceof String s && !s.isEmpty());
        Number[] xy = ((List<?>) js("""
                const u = window.nwatchDashboard.chart();
                const t = Date.parse('2022-02-21T00:00:00Z') / 1000;
                return [u.valToPos(t, 'x'), u.bbox.height / devicePixelRatio / 2];""")).toArray(new Number[0]);
        WebElement over = driver.findElement(By.cssSelector("#chart .u-over"));
        int w = over.getRect().getWidth();
        int h = over.getRect().getHeight();
        new Actions(driver).moveToElement(over, xy[0].intValue() - w / 2, xy[1].intValue() - h / 2).click().perform();
        wait.until(d -> d.findElements(By.cssSelector("#articles .keyterms-head")).size() == 1);
        String head = driver.findElement(By.cssSelector("#articles .keyterms-head")).getText();
        // the week of 2022-02-21 has 3 talks articles; the eight weeks before it (from 2021-12-27) have 1
        assertTrue(head.contains("Key terms: 3 articles here vs 1 in 2021-12-27 – 2022-02-20"), head);
        assertTrue(driver.findElements(By.cssSelector("#articles .keyterms-box script, #articles .keyterms-box img")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("#articles .hit")).isEmpty(), "the articles are still listed");
    }
}
