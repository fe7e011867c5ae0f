package org.narrativewatch.brief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.Engine;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import picocli.CommandLine;

/**
 * A page from {@code nwatch brief render} opened from disk in headless Chromium (Debian's chromium and
 * chromium-driver; .ci/setup-browser.sh installs them): every chart drawn with real extent, no console errors, no
 * network request, readable at phone width. Skipped only when Chromium is missing outside CI.
 */
class BriefBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static WebDriver driver;
    static Path page;

    @BeforeAll
    static void start() throws Exception {
        if (!(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))) {
            String msg = "Chromium or chromedriver missing (" + CHROMIUM + ", " + DRIVER + "): run .ci/setup-browser.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("in CI the browser tests must run. " + msg);
            }
            Assumptions.abort("browser tests skipped: " + msg);
        }
        Path index = dir.resolve("index");
        try (Engine e = BriefFixture.index(index)) {
            e.name();
        }
        Path data = BriefFixture.data(dir.resolve("data"));
        Path brief = dir.resolve("brief.md");
        Files.writeString(brief, BriefCommandTest.BRIEF);
        page = dir.resolve("brief.html");
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute("brief", "render", brief.toString(), "-o", page.toString(), "--index", index.toString(),
                "--data", data.toString());
        assertEquals(0, code);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--window-size=1200,1600", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build(), o);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void everyChartIsDrawnWithoutErrorsOrNetwork() {
        driver.get(page.toUri().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) js("""
                return [...document.querySelectorAll('figure.nw-figure')].map(f => {
                  const svgs = [...f.querySelectorAll('svg.nw-chart')];
                  return {id: f.id, status: f.dataset.status, svgs: svgs.length,
                    drawn: svgs.filter(s => {
                      const b = s.getBoundingClientRect();
                      const marks = [...s.querySelectorAll('path, circle')].filter(p => {
                        const r = p.getBBox(); return (r.width > 0 || r.height > 0) && (p.tagName !== 'path' || p.getAttribute('d').length > 2);
                      });
                      return b.width > 100 && b.height > 50 && marks.length > 0;
                    }).length};
                });""");
        assertEquals(9, charts.size(), charts.toString());
        int withCharts = 0;
        for (Map<String, Object> c : charts) {
            long svgs = (Long) c.get("svgs");
            assertEquals(svgs, (long) (Long) c.get("drawn"), "every chart of " + c.get("id") + " is drawn: " + c);
            if (!"unknown".equals(c.get("status"))) {
                assertTrue(svgs > 0, c.get("id") + " has a chart");
                withCharts++;
            }
        }
        assertEquals(8, withCharts);
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), problems, "no console errors");
        assertEquals(0L, js("return performance.getEntriesByType('resource').length;"), "no resource fetched");
        // requests made for our page (the browser's own new-tab page fetches chrome:// resources of its own)
        String doc = "\"documentURL\":\"" + page.toUri();
        List<String> requests = driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("\"Network.requestWillBeSent\"") && m.contains(doc) && !m.contains("\"url\":\"" + page.toUri() + "\""))
                .map(m -> m.length() > 300 ? m.substring(0, 300) : m).toList();
        assertEquals(List.of(), requests, "no request besides the page itself");
        assertEquals(Boolean.FALSE, js("return !!window.__pwned;"), "nothing from the brief ran");
    }

    @Test
    void readableOnAPhone() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.get(page.toUri().toString());
        Number overflow = (Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "no horizontal scrolling at 390 px: " + overflow);
        Number svgWidth = (Number) js("return Math.max(...[...document.querySelectorAll('svg.nw-chart')].map(s => s.getBoundingClientRect().width));");
        assertTrue(svgWidth.doubleValue() <= 390, "charts shrink to the screen: " + svgWidth);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1600));
    }
}
