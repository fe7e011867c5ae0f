package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** The dashboard in a real headless Chromium against the real engine on the fixture corpus (see {@link BrowserTestBase}). */
class DashboardBrowserTest extends BrowserTestBase {

    @Test
    void theChartIsDrawnAndThePagesNumbersAreTheApis() throws Exception {
        String q1 = "переговоры";
        String q2 = "погода OR снег";
        driver.manage().logs().get(LogType.BROWSER); // drain what earlier tests left
        open("q=" + Http.enc(q1) + "&q=" + Http.enc(q2) + "&by=week&mode=count");
        // a canvas with lines drawn on it: count pixels that are not background
        Number inked = (Number) js("""
                const c = document.querySelector('#chart canvas');
                if (!c) return 0;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
                return n;""");
        assertTrue(inked.longValue() > 500, "the chart canvas has drawing on it: " + inked);
        assertEquals(2L, js("return window.nwatchDashboard.chart().series.length - 1"));

        JsonNode api = Views.MAPPER.readTree(http.get("/api/timelines?by=week&q=" + Http.enc(q1) + "&q=" + Http.enc(q2)).body());
        List<WebElement> summary = driver.findElements(By.cssSelector("#summary li"));
        assertEquals(2, summary.size());
        for (int i = 0; i < 2; i++) {
            long sum = 0;
            for (JsonNode b : api.path("series").get(i).path("buckets")) {
                sum += b.path("count").asLong();
            }
            assertEquals(String.valueOf(sum), summary.get(i).getAttribute("data-matches"));
        }
        driver.findElement(By.cssSelector("#data-table-box summary")).click();
        List<WebElement> rows = waiting().until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("#numbers tbody tr"));
            return r.isEmpty() ? null : r;
        });
        JsonNode b0 = api.path("series").get(0).path("buckets");
        JsonNode b1 = api.path("series").get(1).path("buckets");
        assertEquals(b0.size(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(b0.get(r).path("start").asText(), rows.get(r).findElement(By.tagName("th")).getText());
            List<WebElement> cells = rows.get(r).findElements(By.tagName("td")); // days, then count, total, share per query
            assertEquals(b0.get(r).path("count").asText(), cells.get(1).getText());
            assertEquals(b0.get(r).path("total").asText(), cells.get(2).getText());
            assertEquals(b1.get(r).path("count").asText(), cells.get(4).getText());
            assertEquals(b1.get(r).path("total").asText(), cells.get(5).getText());
        }
        // the values the chart plots are the API's counts (each bucket a step; the last x closes the last bucket)
        Object plotted = js("return window.nwatchDashboard.chart().data[1]");
        List<?> ys = (List<?>) plotted;
        assertEquals(b0.size() + 1, ys.size());
        for (int r = 0; r < b0.size(); r++) {
            assertEquals(b0.get(r).path("count").asLong(), ((Number) ys.get(r)).longValue());
        }
        screenshot("dashboard-fixture.png");
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                .toList();
        assertEquals(List.of(), problems, "no errors or Content-Security-Policy violations in the console");
    }

    @Test
    void aQueryTypedInTheBoxRunsAndLandsInTheUrl() {
        open("q=" + Http.enc("погода") + "&by=day");
        String before = (String) js("return document.body.dataset.drawn");
        WebElement box = driver.findElement(By.cssSelector("input.query"));
        box.clear();
        box.sendKeys("переговоры", Keys.ENTER);
        waiting().until(d -> !before.equals(js("return document.body.dataset.drawn")));
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("q=" + Http.enc("переговоры")), url);
        assertTrue(driver.findElement(By.id("summary")).getText().contains("4 matching"),
                driver.findElement(By.id("summary")).getText());
    }

    @Test
    void theUrlReproducesTheView() {
        open("q=" + Http.enc("переговоры") + "&q=" + Http.enc("снег") + "&by=month&mode=share&smooth=3&log=1&group=state");
        assertEquals(2, driver.findElements(By.cssSelector("input.query")).size());
        assertEquals("снег", driver.findElements(By.cssSelector("input.query")).get(1).getAttribute("value"));
        assertEquals("month", driver.findElement(By.id("by")).getAttribute("value"));
        assertTrue(driver.findElement(By.cssSelector("input[name=mode][value=share]")).isSelected());
        assertTrue(driver.findElement(By.id("log")).isSelected());
        assertEquals("3", driver.findElement(By.id("smooth")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("smooth-note")).getText().contains("centred moving average over 3"));
        assertEquals(List.of("state"), js("return [...document.getElementById('group').selectedOptions].map(o => o.value)"));
    }

    @Test
    void aBadQueryShowsItsErrorNextToTheBox() {
        open("q=" + Http.enc("переговоры"));
        WebElement box = driver.findElement(By.cssSelector("input.query"));
        box.clear();
        box.sendKeys("путин AND (война", Keys.ENTER);
        WebElement err = waiting().until(d -> {
            WebElement e = d.findElement(By.cssSelector(".query-row .query-error"));
            return e.getText().isBlank() ? null : e;
        });
        assertTrue(err.getText().contains("column"), err.getText());
        assertTrue(driver.findElement(By.id("chart-message")).isDisplayed());
        assertTrue(driver.findElement(By.id("chart-message")).getText().contains("error"));
    }

    @Test
    void clickingABucketListsItsArticlesAsTextWithMarks() throws Exception {
        open("q=" + Http.enc("переговоры") + "&by=week");
        // move to the bucket of the week of 2022-02-21 and click it
        clickBucket("2022-02-21");
        waiting().until(d -> d.findElements(By.cssSelector("#articles .hit")).size() >= 3);
        assertTrue(driver.findElement(By.id("articles-title")).getText().contains("2022-02-21"));
        List<String> titles = driver.findElements(By.cssSelector("#articles .hit-title")).stream().map(WebElement::getText).toList();
        assertTrue(titles.contains(FixtureCorpus.EVIL_TITLE), "the title is shown as text: " + titles);
        assertTrue(driver.findElements(By.cssSelector("#articles script, #articles img")).isEmpty(), "no markup from articles");
        assertNull(js("return window.__pwned === undefined ? null : window.__pwned"), "no script from an article ran");
        // the list may be drawn again while the page settles (a second page load after the click): wait for the marks
        waiting().until(d -> !d.findElements(By.cssSelector("#articles .hit-title mark")).isEmpty());
        List<String> marks = driver.findElements(By.cssSelector("#articles .hit-title mark")).stream().map(WebElement::getText).toList();
        assertFalse(marks.isEmpty());
        assertTrue(marks.stream().allMatch(m -> m.equalsIgnoreCase("переговоры")), marks.toString());
        screenshot("dashboard-articles.png");
    }

    @Test
    void downloadsCarryTheQueryAndThePngIsAnImage() throws Exception {
        open("q=" + Http.enc("переговоры") + "&by=week&group=state");
        String csvHref = driver.findElement(By.id("dl-csv")).getAttribute("href");
        String csv = http.get(csvHref.substring(csvHref.indexOf("/api/"))).body();
        assertTrue(csv.startsWith("# nwatch timelines"), csv);
        assertTrue(csv.contains("# query: переговоры") && csv.contains("groups=state"), csv);
        String jsonHref = driver.findElement(By.id("dl-json")).getAttribute("href");
        JsonNode j = Views.MAPPER.readTree(http.get(jsonHref.substring(jsonHref.indexOf("/api/"))).body());
        assertEquals("переговоры", j.path("series").get(0).path("query").asText());
        assertEquals("[\"state\"]", j.path("selection").path("groups").toString());
        Object header = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "window.nwatchDashboard.png().then(async (b) => {"
                + "  const bytes = new Uint8Array(await b.arrayBuffer());"
                + "  done([b.type, b.size, Array.from(bytes.slice(1, 4)).map((c) => String.fromCharCode(c)).join('')]);"
                + "});");
        List<?> h = (List<?>) header;
        assertEquals("image/png", h.get(0));
        assertTrue(((Number) h.get(1)).longValue() > 5_000, "a real image: " + h);
        assertEquals("PNG", h.get(2));
    }

    @Test
    void eventsAreAddedWithTheTokenAndDrawn() {
        open("q=" + Http.enc("переговоры") + "&by=day");
        driver.findElement(By.id("token")).clear();
        driver.findElement(By.id("ev-label")).sendKeys("fixture <b>event</b>");
        js("document.getElementById('ev-date').value = '2022-02-18'");
        driver.findElement(By.cssSelector("#event-form button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("ev-status")).getText().contains("token"));
        driver.findElement(By.id("token")).sendKeys("browser-test-token-0123456789");
        driver.findElement(By.cssSelector("#event-form button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("event-list")).getText().contains("2022-02-18 · fixture <b>event</b>"));
        assertTrue(driver.findElements(By.cssSelector("#event-list b")).isEmpty(), "labels are text, not markup");
    }

    @Test
    void eventsPanelsAndChangePointsAreShown() {
        open("q=" + Http.enc("переговоры") + "&by=day");
        waiting().until(d -> d.findElements(By.cssSelector("#event-list li")).size() > 10);
        assertTrue(driver.findElement(By.id("event-list")).getText().contains("2022-02-24"));
        waiting().until(d -> (Long) js("return window.nwatchDashboard.panels()") >= 3L);
        waiting().until(d -> d.findElement(By.id("changes")).getText().contains("change points (poisson)"));
    }

    @Test
    void changePointsAreListedWithTheirConfidence() {
        open("q=" + Http.enc("переговоры") + "&by=week");
        WebElement list = waiting().until(d -> {
            WebElement e = d.findElement(By.id("changes"));
            return e.getText().contains("2022-02-21") ? e : null;
        });
        assertTrue(list.getText().contains("1.00 → 3.00"), list.getText());
        assertTrue(list.getText().contains("p<0.001"), list.getText());
        assertTrue(list.getText().contains("+200%"), list.getText());
    }

    @Test
    void theMapTabDrawsTheFixtureAndFollowsTheSlider() throws Exception {
        driver.get("about:blank");
        driver.get(base() + "#view=map&date=2025-01-01");
        waiting().until(d -> driver.findElement(By.id("map-stats")).getText().contains("Snapshot 2025-01-01"));
        assertFalse(driver.findElement(By.id("view-map")).getAttribute("hidden") != null);
        assertTrue(driver.findElement(By.id("view-timelines")).getAttribute("hidden") != null);
        // two region outlines, one occupied area, one contact line
        assertEquals(2L, js("return document.querySelectorAll('#map .layer-region path').length"));
        assertEquals(1L, js("return document.querySelectorAll('#map .layer-occupied path').length"));
        assertEquals(1L, js("return document.querySelectorAll('#map .layer-contact_line path').length"));
        // the occupied box [33,34]×[47,49] is drawn inside the map's width, east of its middle
        Object box = js("var r = document.querySelector('#map .layer-occupied path').getBBox();"
                + "var w = document.querySelector('#map svg').viewBox.baseVal.width; return [r.x / w, (r.x + r.width) / w];");
        List<?> xs = (List<?>) box;
        assertTrue(((Number) xs.get(0)).doubleValue() > 0.7 && ((Number) xs.get(1)).doubleValue() < 1.0, "occupied box at " + xs);
        String figures = driver.findElement(By.id("map-stats")).getText();
        JsonNode api = Views.MAPPER.readTree(http.get("/api/territory/control?date=2025-01-01").body());
        String km2 = String.format(java.util.Locale.US, "%,.1f", api.path("stats").path("occupied_km2").asDouble()).replaceAll("\\.0$", "");
        assertTrue(figures.contains(km2 + " km²"), figures + " should show " + km2);
        // slide to the second snapshot: the hash and the drawing follow
        WebElement slider = driver.findElement(By.id("map-slider"));
        slider.sendKeys(Keys.ARROW_RIGHT);
        waiting().until(d -> driver.findElement(By.id("map-stats")).getText().contains("Snapshot 2025-01-10"));
        assertTrue(driver.getCurrentUrl().contains("date=2025-01-10"), driver.getCurrentUrl());
        // a scenario typed in: its table and overlay appear
        WebElement text = driver.findElement(By.id("scenario-text"));
        text.clear();
        text.sendKeys("name: <b>West</b> to Russia\nsteps:\n  - to: russia\n    regions: [West Oblast]\n");
        driver.findElement(By.id("scenario-apply")).click();
        waiting().until(d -> !driver.findElements(By.id("scenario-table")).isEmpty());
        assertEquals(1L, js("return document.querySelectorAll('#map .layer-to_russia path').length"));
        assertTrue(driver.findElement(By.id("scenario-table")).getText().contains("West Oblast"));
        assertTrue(driver.findElement(By.id("scenario-status")).getText().contains("<b>West</b>"), "name shown as text");
        assertTrue(driver.findElements(By.cssSelector("#scenario-section b")).isEmpty(), "no markup from the scenario");
        screenshot("map-fixture.png");
    }

    @Test
    void aPollSeriesIsOverlaidOnTheSecondAxis() throws Exception {
        // by day the chart spans 2022-02-14 .. 03-06: all three fieldwork midpoints (02-15, 02-22, 03-02) are in view
        open("q=" + Http.enc("переговоры") + "&by=day&mode=share&poll=" + Http.enc(MapFixture.POLL_ID));
        waiting().until(d -> ((Number) js("return window.nwatchDashboard.pollsDrawn()")).intValue() > 0);
        assertEquals(3L, js("return window.nwatchDashboard.pollsDrawn()"));
        // the chart has the percent scale, fitted to the intervals (41.55 .. 62.40)
        List<?> range = (List<?>) js("var s = window.nwatchDashboard.chart().scales.pct; return [s.min, s.max];");
        assertTrue(((Number) range.get(0)).doubleValue() <= 41.55 && ((Number) range.get(1)).doubleValue() >= 62.4, "pct " + range);
        assertTrue(driver.findElement(By.id("poll-legend")).getText().contains("Support for talks"));
        assertEquals(List.of(MapFixture.POLL_ID), js("return Array.from(document.getElementById('poll').selectedOptions).map(o => o.value)"));
        screenshot("poll-overlay.png");
        // unselecting removes it and the URL forgets it
        js("var s = document.getElementById('poll'); s.options[0].selected = false; s.dispatchEvent(new Event('change'));");
        waiting().until(d -> ((Number) js("return window.nwatchDashboard.pollsDrawn()")).intValue() == 0);
        assertFalse(driver.getCurrentUrl().contains("poll="), driver.getCurrentUrl());
    }
}
