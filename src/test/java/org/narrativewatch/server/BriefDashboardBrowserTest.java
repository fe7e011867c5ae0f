package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.brief.BriefContext;
import org.narrativewatch.brief.BriefFixture;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard's "Add to brief" (web/src/brief.js) in headless Chromium: the view becomes a block, appended with the token. */
class BriefDashboardBrowserTest {
    static final String TOKEN = "brief-browser-token-0123456789";
    @TempDir
    static Path dir;
    static Engine engine;
    static DashboardServer server;
    static WebDriver driver;
    static Path briefs;

    @BeforeAll
    static void start() throws Exception {
        BrowserTestBase.requireChromium();
        try (Engine e = BriefFixture.index(dir.resolve("index"))) {
            e.name();
        }
        engine = LuceneEngine.open(dir.resolve("index"));
        briefs = Files.createDirectories(dir.resolve("briefs"));
        server = new DashboardServer(engine, ServerOptions.defaults(dir.resolve("events.csv")).withPort(0),
                new AccessToken(TOKEN, "test", false), EventStore.open(dir.resolve("events.csv")), DashboardBrowserTest::peakAsChange)
                .withPolls(dir.resolve("polls.json"))
                .withBriefs(briefs, b -> new BriefContext.Sources(() -> engine, "--index x", null, null, "no data", null, "nwatch test", false))
                .start();
        driver = BrowserTestBase.chromium(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        BrowserTestBase.shutDown(driver, server, engine);
    }

    @Test
    void theViewIsAppendedToANewBrief() throws Exception {
        driver.get("http://127.0.0.1:" + server.port() + "/#q=" + java.net.URLEncoder.encode("саммит", "UTF-8")
                + "&by=month&from=2024-01-01&to=2024-06-30&mode=share");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.id("add-to-brief")).size() == 1);
        driver.findElement(By.id("add-to-brief")).click();
        wait.until(d -> d.findElement(By.id("brief-block")).getAttribute("value").startsWith("```figure"));
        String block = driver.findElement(By.id("brief-block")).getAttribute("value");
        assertTrue(block.contains("query: саммит") && block.contains("measure: share") && block.contains("from: 2024-01-01"), block);
        wait.until(d -> d.findElement(By.id("brief-new")).isDisplayed());
        driver.findElement(By.id("brief-new")).sendKeys("from-dashboard.md");
        driver.findElement(By.id("brief-append")).click();
        wait.until(d -> d.findElement(By.id("brief-status")).getText().contains("401") || d.findElement(By.id("brief-status")).getText().contains("token"));
        driver.findElement(By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.id("brief-append")).click();
        wait.until(d -> d.findElement(By.id("brief-status")).getText().startsWith("appended"));
        String written = Files.readString(briefs.resolve("from-dashboard.md"));
        assertTrue(written.contains("```figure") && written.contains("query: саммит"), written);
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.contains("401")).toList();
        assertEquals(List.of(), problems);
    }
}
