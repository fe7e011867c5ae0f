package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard as an analyst uses it (issue 16), in headless Chromium on the fixture corpus: partial buckets
 * marked, every event labelled or counted and no label over another, buckets drawn over their span with ticks in
 * their units, exports of the visible range, a paged drill-down reachable from the keyboard, panels for a chosen
 * query, and errors that leave nothing stale and never stop the valid queries.
 */
class DashboardAnalystBrowserTest extends BrowserTestBase {

    @AfterEach
    void desktop() {
        desktopViewport();
    }

    static long ts(String day) {
        return LocalDate.parse(day).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> labels() {
        return (List<Map<String, Object>>) js("return window.nwatchDashboard.labels()");
    }

    /** Waits until the change points of the view are on the chart (they arrive after the series). */
    static void waitForChanges() {
        waiting().until(d -> labels().stream().anyMatch(l -> String.valueOf(l.get("kind")).startsWith("change")));
    }

    /** Moves the mouse over the main chart at a day (at mid height). */
    static void hover(String day) {
        List<?> xy = (List<?>) js("const u = window.nwatchDashboard.chart();"
                + "return [u.valToPos(arguments[0], 'x'), u.over.clientWidth, u.over.clientHeight];", ts(day));
        WebElement over = driver.findElement(By.cssSelector("#chart .u-over"));
        int x = ((Number) xy.get(0)).intValue() - ((Number) xy.get(1)).intValue() / 2;
        new Actions(driver).moveToElement(over, x, 0).perform();
    }

    // ---- 1. partial buckets ----------------------------------------------------------------------

    @Test
    void partialBucketsAreSaidInTheNoteTheTableAndTheChart() {
        open("q=" + Http.enc("переговоры") + "&by=week&from=2022-02-16");
        WebElement note = driver.findElement(By.id("partial-note"));
        assertEquals("1", note.getAttribute("data-partial"), note.getText());
        assertTrue(note.getText().contains("week of 14 Feb 2022 (5 of 7 days)"), note.getText());
        assertEquals(1L, js("return window.nwatchDashboard.partials()"), "one hatched bucket");
        driver.findElement(By.cssSelector("#data-table-box summary")).click();
        WebElement first = waiting().until(d -> d.findElements(By.cssSelector("#numbers tbody tr")).stream().findFirst().orElse(null));
        assertEquals("partial", first.getAttribute("class"));
        assertEquals("5 of 7 (partial)", first.findElements(By.tagName("td")).get(0).getText());
        // by month, the fixture's three weeks cover part of February and of March: both partial
        open("q=" + Http.enc("переговоры") + "&by=month");
        assertEquals("2", driver.findElement(By.id("partial-note")).getAttribute("data-partial"));
        assertTrue(driver.findElement(By.id("partial-note")).getText().contains("Feb 2022 (15 of 28 days)"));
        assertEquals(2L, js("return window.nwatchDashboard.partials()"));
        // whole ISO weeks: nothing partial, nothing hatched
        open("q=" + Http.enc("переговоры") + "&by=week");
        assertEquals("0", driver.findElement(By.id("partial-note")).getAttribute("data-partial"));
        assertEquals(0L, js("return window.nwatchDashboard.partials()"));
    }

    // ---- 2. events and changes: labelled, counted, never overlapping, listed under the cursor ----------

    @Test
    void everyEventInViewIsLabelledOrCountedAndNoLabelCoversAnother() throws Exception {
        JsonNode events = Views.MAPPER.readTree(http.get("/api/events").body()).path("events");
        for (int width : new int[] {1400, 560}) {
            for (String hash : List.of("by=month", "by=week", "by=day", "by=day&mode=share")) {
                viewport(width, 1000);
                open("q=" + Http.enc("переговоры") + "&q=" + Http.enc("погода") + "&" + hash);
                waitForChanges();
                String where = width + " px, " + hash;
                @SuppressWarnings("unchecked")
                Map<String, Object> plot = (Map<String, Object>) js("return window.nwatchDashboard.plot()");
                double w = ((Number) plot.get("width")).doubleValue();
                double h = ((Number) plot.get("height")).doubleValue();
                long xmin = ((Number) plot.get("xmin")).longValue();
                long xmax = ((Number) plot.get("xmax")).longValue();
                List<Map<String, Object>> ls = labels();
                Set<String> labelled = new HashSet<>();
                for (Map<String, Object> l : ls) {
                    if (String.valueOf(l.get("kind")).startsWith("event")) {
                        for (Object d : (List<?>) l.get("dates")) {
                            labelled.add(String.valueOf(d));
                        }
                    }
                    double x0 = num(l, "x0"); double x1 = num(l, "x1"); double y0 = num(l, "y0"); double y1 = num(l, "y1");
                    assertTrue(x0 >= -0.01 && x1 <= w + 0.01 && y0 >= -0.01 && y1 <= h + 0.01,
                            where + ": label inside the plot (" + w + "×" + h + "): " + l);
                }
                int inView = 0;
                for (JsonNode ev : events) {
                    long t = ts(ev.path("date").asText());
                    if (t >= xmin && t <= xmax) {
                        inView++;
                        assertTrue(labelled.contains(ev.path("date").asText()), where + ": event " + ev + " labelled or counted; labels " + ls);
                    }
                }
                assertTrue(inView >= 3, where + ": the fixture's range holds the events of late February 2022");
                for (int i = 0; i < ls.size(); i++) {
                    for (int j = i + 1; j < ls.size(); j++) {
                        Map<String, Object> a = ls.get(i);
                        Map<String, Object> b = ls.get(j);
                        boolean apart = num(a, "x1") <= num(b, "x0") + 0.01 || num(b, "x1") <= num(a, "x0") + 0.01
                                || num(a, "y1") <= num(b, "y0") + 0.01 || num(b, "y1") <= num(a, "y0") + 0.01;
                        assertTrue(apart, where + ": labels overlap: " + a + " and " + b);
                    }
                }
            }
        }
        // by week the stand-in detector reports a rise (2022-02-21) and a fall (2022-02-28): ▲ and ▼
        desktopViewport();
        open("q=" + Http.enc("переговоры") + "&by=week");
        waitForChanges();
        List<String> texts = labels().stream().filter(l -> "change".equals(l.get("kind"))).map(l -> String.valueOf(l.get("text"))).toList();
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("▲")) && texts.stream().anyMatch(t -> t.startsWith("▼")), texts.toString());
        assertTrue(driver.findElement(By.id("changes")).getText().contains("▼ 2022-02-28"), driver.findElement(By.id("changes")).getText());
        // under the cursor: the week of 21 February with its events and its change
        hover("2022-02-25");
        WebElement info = waiting().until(d -> {
            WebElement e = d.findElement(By.id("cursor-info"));
            return e.getText().contains("2022-02-24") ? e : null;
        });
        assertTrue(info.getText().contains("week of 21 Feb 2022"), info.getText());
        assertTrue(info.getText().contains("event 2022-02-24: Full-scale invasion of Ukraine"), info.getText());
        assertTrue(info.getText().contains("event 2022-02-21"), info.getText());
        assertTrue(info.getText().contains("change 2022-02-21 in query 1: ▲"), info.getText());
        screenshot("analyst-labels.png");
    }

    static double num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    // ---- 3. buckets drawn over their span, ticks in their units --------------------------------------

    @Test
    void bucketsSpanTheirDaysAndTicksAreInTheirUnits() {
        open("q=" + Http.enc("переговоры") + "&by=month");
        List<?> xs = (List<?>) js("return window.nwatchDashboard.chart().data[0]");
        assertEquals(List.of(ts("2022-02-01"), ts("2022-03-01"), ts("2022-04-01")),
                xs.stream().map(x -> ((Number) x).longValue()).toList(), "two months, and where March ends");
        List<?> splits = (List<?>) js("return window.nwatchDashboard.chart().axes[0]._splits");
        List<?> values = (List<?>) js("return window.nwatchDashboard.chart().axes[0]._values");
        assertFalse(splits.isEmpty());
        for (int i = 0; i < splits.size(); i++) {
            LocalDate d = LocalDate.ofEpochDay(((Number) splits.get(i)).longValue() / 86400);
            assertEquals(1, d.getDayOfMonth(), "a month tick on a month's start: " + d);
            assertTrue(String.valueOf(values.get(i)).matches("[A-Z][a-z]{2} \\d{4}"), "labelled like 'Aug 2025': " + values);
        }
        // late February is February (not the nearest bucket start, 1 March)
        hover("2022-02-25");
        WebElement info = waiting().until(d -> {
            WebElement e = d.findElement(By.id("cursor-info"));
            return e.getText().isBlank() ? null : e;
        });
        assertEquals("2022-02-01", info.getAttribute("data-bucket"), info.getText());
        assertTrue(info.getText().startsWith("Feb 2022"), info.getText());
        // by week every tick is a Monday
        open("q=" + Http.enc("переговоры") + "&by=week");
        for (Object s : (List<?>) js("return window.nwatchDashboard.chart().axes[0]._splits")) {
            assertEquals(java.time.DayOfWeek.MONDAY, LocalDate.ofEpochDay(((Number) s).longValue() / 86400).getDayOfWeek());
        }
    }

    // ---- 4. exports follow the view -----------------------------------------------------------------

    @Test
    void exportsHoldTheVisibleBucketsAndSayWhatMadeThem() throws Exception {
        open("q=" + Http.enc("переговоры") + "&by=day&zoom=2022-02-21..2022-02-28");
        String csvHref = driver.findElement(By.id("dl-csv")).getAttribute("href");
        assertTrue(csvHref.contains("from=2022-02-21") && csvHref.contains("to=2022-02-27"), csvHref);
        String csv = http.get(csvHref.substring(csvHref.indexOf("/api/"))).body();
        List<String> rows = csv.lines().filter(l -> !l.startsWith("#") && !l.startsWith("query,")).toList();
        assertEquals(7, rows.size(), csv);
        assertTrue(csv.contains("# corpus: "), csv);
        String jsonHref = driver.findElement(By.id("dl-json")).getAttribute("href");
        JsonNode j = Views.MAPPER.readTree(http.get(jsonHref.substring(jsonHref.indexOf("/api/"))).body());
        assertEquals(7, j.path("series").get(0).path("buckets").size());
        assertEquals("2022-02-21", j.path("selection").path("from").asText());
        assertTrue(j.path("snapshot").isTextual() && !j.path("snapshot").asText().isBlank(), "the JSON names the corpus snapshot: " + j);
        assertTrue(j.path("version").isTextual() && !j.path("version").asText().isBlank(), "and the tool's version: " + j);
        String said = driver.findElement(By.id("export-range")).getText();
        assertTrue(said.contains("visible 7 days") && said.contains("2022-02-21 – 2022-02-27") && said.contains("zoomed"), said);
        String caption = String.join("\n", ((List<?>) js("return window.nwatchDashboard.caption()")).stream().map(String::valueOf).toList());
        assertTrue(caption.contains("1. переговоры"), caption);
        assertTrue(caption.contains("2022-02-21 – 2022-02-27 (zoomed)"), caption);
        assertTrue(caption.contains("snapshot "), caption);
        // the SVG: a real document with the caption, the steps and the axes
        List<?> svg = (List<?>) js("""
                const text = window.nwatchDashboard.svg();
                const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
                const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
                return [doc.documentElement.nodeName, doc.querySelectorAll('parsererror').length, texts.join('|'),
                  doc.querySelectorAll('path').length];""");
        assertEquals("svg", svg.get(0));
        assertEquals(0L, svg.get(1));
        assertTrue(String.valueOf(svg.get(2)).contains("2022-02-21 – 2022-02-27 (zoomed)"), String.valueOf(svg.get(2)));
        assertTrue(String.valueOf(svg.get(2)).contains("22 Feb"), "axis labels in the SVG: " + svg.get(2));
        assertTrue(((Number) svg.get(3)).intValue() >= 1, "the series as a path");
        Object png = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "window.nwatchDashboard.png().then((b) => done([b.type, b.size]));");
        assertEquals("image/png", ((List<?>) png).get(0));
    }

    // ---- 5. drill-down: pages, order, CSV, dates, keyboard -------------------------------------------

    @Test
    void aBucketsArticlesArePagedOrderedExportedAndReachedByKeyboard() throws Exception {
        open("q=*&by=month");
        // keyboard: focus the chart, step to the first bucket, open it
        js("document.getElementById('chart').focus()");
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ENTER).perform();
        waiting().until(d -> d.findElement(By.id("articles-title")).getText().contains("Feb 2022"));
        assertEquals("articles-title", js("return document.activeElement.id"), "focus moves to the list");
        new Select(driver.findElement(By.id("articles-page"))).selectByVisibleText("10");
        waiting().until(d -> d.findElement(By.cssSelector("#articles .drill-count")).getText().startsWith("1–10 of 15"));
        assertEquals(10, driver.findElements(By.cssSelector("#articles .hit")).size());
        Set<String> firstPage = new HashSet<>(driver.findElements(By.cssSelector("#articles .hit-title")).stream()
                .map(e -> e.getAttribute("href")).toList());
        driver.findElement(By.cssSelector("#articles .drill-next")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#articles .drill-count")).getText().startsWith("11–15 of 15"));
        List<String> second = driver.findElements(By.cssSelector("#articles .hit-title")).stream().map(e -> e.getAttribute("href")).toList();
        assertEquals(5, second.size());
        assertTrue(second.stream().noneMatch(firstPage::contains), "page 2 holds other articles: " + second);
        assertEquals("11", driver.findElement(By.cssSelector("#articles ol.hits")).getAttribute("start"));
        assertFalse(driver.findElement(By.cssSelector("#articles .drill-next")).isEnabled());
        // exact times are shown with their zone; no invented midnight
        for (WebElement m : driver.findElements(By.cssSelector("#articles .hit-meta"))) {
            assertTrue(m.getText().matches("2022-0[23]-\\d{2} \\d{2}:\\d{2} (UTC|[+-]\\d{2}:\\d{2}) · .*"), m.getText());
        }
        new Select(driver.findElement(By.id("articles-order"))).selectByValue("relevance");
        waiting().until(d -> d.findElement(By.cssSelector("#articles .drill-count")).getText().contains("most relevant first"));
        // the whole bucket's list as CSV
        String href = driver.findElement(By.cssSelector("#articles .drill-csv")).getAttribute("href");
        assertTrue(href.contains("format=csv"), href);
        String csv = http.get(href.substring(href.indexOf("/api/"))).body();
        List<String> lines = csv.lines().filter(l -> !l.startsWith("#")).toList();
        assertTrue(lines.get(0).startsWith("published,"), csv);
        assertEquals(15, lines.size() - 1, csv);
        // the table is the other keyboard path: March's button opens March
        driver.findElement(By.cssSelector("#data-table-box summary")).click();
        WebElement march = waiting().until(d -> d.findElements(By.cssSelector("#numbers tbody tr th button")).size() == 2
                ? d.findElements(By.cssSelector("#numbers tbody tr th button")).get(1) : null);
        march.sendKeys(Keys.ENTER);
        waiting().until(d -> d.findElement(By.id("articles-title")).getText().contains("Mar 2022"));
    }

    // ---- 6. panels of a chosen query; groups ----------------------------------------------------------

    @Test
    void thePanelsShowTheQueryPicked() throws Exception {
        open("q=" + Http.enc("переговоры") + "&q=" + Http.enc("погода") + "&by=week");
        waiting().until(d -> ((Number) js("return window.nwatchDashboard.panels()")).intValue() >= 3);
        new Select(driver.findElement(By.id("panel-query"))).selectByValue("1");
        JsonNode api = Views.MAPPER.readTree(http.get("/api/breakdown?by=week&facet=outlet&top=6&q=" + Http.enc("погода")).body());
        List<String> want = new ArrayList<>();
        for (JsonNode s : api.path("series")) {
            want.add(s.path("value").asText() + " (" + s.path("matches").asLong() + ")");
        }
        waiting().until(d -> titles("panels-outlet").equals(want));
        assertTrue(driver.getCurrentUrl().contains("pq=2"), driver.getCurrentUrl());
        assertEquals(2, titles("panels-group").size(), "both groups of the fixture: " + titles("panels-group"));
    }

    static List<String> titles(String box) {
        return driver.findElements(By.cssSelector("#" + box + " .u-title")).stream().map(WebElement::getText).toList();
    }

    // ---- 7. errors and empty states -----------------------------------------------------------------

    @Test
    void anEmptyQueryIsRefusedAndNothingStaleStays() {
        open("q=" + Http.enc("переговоры") + "&by=week");
        waiting().until(d -> ((Number) js("return window.nwatchDashboard.panels()")).intValue() >= 1);
        WebElement box = driver.findElement(By.cssSelector("input.query"));
        box.clear();
        box.sendKeys(Keys.ENTER);
        WebElement err = waiting().until(d -> {
            WebElement e = d.findElement(By.cssSelector(".query-row .query-error"));
            return e.getText().isBlank() ? null : e;
        });
        assertTrue(err.getText().contains("empty query"), err.getText());
        assertNull(js("return window.nwatchDashboard.chart()"), "no flat 100 % line of '*'");
        assertTrue(driver.findElement(By.id("chart-message")).isDisplayed());
        assertEquals(0L, js("return window.nwatchDashboard.panels()"), "no panels of the previous query");
        assertTrue(driver.findElements(By.cssSelector("#panels-outlet .panel, #summary li")).isEmpty());
        // a range without a day of the corpus: said, not an empty frame
        open("q=" + Http.enc("переговоры") + "&by=week&from=2020-01-01&to=2020-12-31");
        String said = driver.findElement(By.id("chart-message")).getText();
        assertTrue(said.contains("holds no day of the corpus (2022-02-14 – 2022-03-06)"), said);
        assertNull(js("return window.nwatchDashboard.chart()"));
    }

    @Test
    void aBadQueryIsMarkedAndTheOthersAreDrawn() {
        open("q=" + Http.enc("переговоры") + "&q=" + Http.enc("путин AND (война") + "&q=" + Http.enc("погода") + "&by=week");
        WebElement err = waiting().until(d -> {
            WebElement e = d.findElements(By.cssSelector(".query-row .query-error")).get(1);
            return e.getText().isBlank() ? null : e;
        });
        assertTrue(err.getText().contains("column"), err.getText());
        assertTrue(driver.findElements(By.cssSelector("input.query")).get(1).getAttribute("class").contains("bad"));
        assertEquals(2L, js("return window.nwatchDashboard.chart().series.length - 1"), "the two valid queries are drawn");
        assertEquals(List.of("переговоры", "погода"), js("return window.nwatchDashboard.chart().series.slice(1).map((s) => s.label)"));
        assertEquals(List.of("#1f77b4", "#2ca02c"), js("const u = window.nwatchDashboard.chart();"
                + "return u.series.slice(1).map((s, i) => typeof s.stroke === 'function' ? s.stroke(u, i + 1) : s.stroke)"),
                "each keeps its box's colour");
        assertTrue(driver.findElement(By.id("status")).getText().contains("not drawn: query 2"), driver.findElement(By.id("status")).getText());
        // a single bad query: nothing of the previous answer stays (panels, summary)
        open("q=" + Http.enc("переговоры") + "&by=week");
        waiting().until(d -> ((Number) js("return window.nwatchDashboard.panels()")).intValue() >= 1);
        WebElement box = driver.findElement(By.cssSelector("input.query"));
        box.clear();
        box.sendKeys("путин AND (война", Keys.ENTER);
        waiting().until(d -> !d.findElement(By.cssSelector(".query-row .query-error")).getText().isBlank());
        assertEquals(0L, js("return window.nwatchDashboard.panels()"));
        assertTrue(driver.findElements(By.cssSelector("#panels-outlet .panel, #summary li")).isEmpty());
    }

    @Test
    void theMapSaysWhenADateHasNoSnapshotAndRedoesTheScenarioForANewDate() {
        driver.get("about:blank");
        driver.get(base() + "#view=map&date=2024-06-01");
        WebElement err = waiting().until(d -> {
            WebElement e = d.findElement(By.id("map-error"));
            return e.getText().isBlank() ? null : e;
        });
        assertTrue(err.getText().contains("no snapshot on or before 2024-06-01"), err.getText());
        assertTrue(err.getText().contains("the first is 2025-01-01"), err.getText());
        assertFalse(err.getText().contains(dir.toString()), "no server path in the message: " + err.getText());
        assertEquals(0L, js("return document.querySelectorAll('#map .layer-occupied path').length"), "no other date's map");
        // a scenario applied on one date is recomputed when the slider moves
        driver.get("about:blank");
        driver.get(base() + "#view=map&date=2025-01-01");
        waiting().until(d -> d.findElement(By.id("map-stats")).getText().contains("Snapshot 2025-01-01"));
        WebElement text = driver.findElement(By.id("scenario-text"));
        text.sendKeys("name: West to Russia\nsteps:\n  - to: russia\n    regions: [West Oblast]\n");
        driver.findElement(By.id("scenario-apply")).click();
        waiting().until(d -> d.findElement(By.id("scenario-status")).getText().contains("on the map of 2025-01-01"));
        driver.findElement(By.id("map-slider")).sendKeys(Keys.ARROW_RIGHT);
        waiting().until(d -> d.findElement(By.id("scenario-status")).getText().contains("on the map of 2025-01-10"));
        assertEquals(1L, js("return document.querySelectorAll('#map .layer-to_russia path').length"));
    }

    // ---- 8. small screens and accessibility ---------------------------------------------------------

    @Test
    void at400PixelsNothingIsCutAndEveryControlIsNamed() throws Exception {
        viewport(400, 1400);
        open("q=" + Http.enc("переговоры") + "&q=" + Http.enc("снег") + "&by=week");
        waiting().until(d -> ((Number) js("return window.nwatchDashboard.panels()")).intValue() >= 1);
        List<?> widths = (List<?>) js("return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                + " document.querySelector('#chart canvas').getBoundingClientRect().right]");
        long client = ((Number) widths.get(1)).longValue();
        assertTrue(((Number) widths.get(0)).longValue() <= client, "no horizontal scrolling: " + widths);
        assertTrue(((Number) widths.get(2)).doubleValue() <= client, "the chart fits: " + widths);
        assertEquals(0L, js("return [...document.querySelectorAll('#event-form input, #event-form select')]"
                + ".filter((e) => !e.labels || !e.labels.length).length"), "every field of the event form has a label");
        List<?> names = (List<?>) js("return [...document.querySelectorAll('#event-list button')].map((b) => b.getAttribute('aria-label'))");
        assertFalse(names.isEmpty());
        assertEquals(names.size(), new HashSet<>(names).size(), "each delete button says which event");
        WebElement filter = driver.findElement(By.id("poll-filter"));
        filter.sendKeys("zzz-no-such");
        assertEquals(0L, js("return document.getElementById('poll').options.length"));
        filter.clear();
        filter.sendKeys("talks");
        assertEquals(1L, js("return document.getElementById('poll').options.length"));
        screenshot("dashboard-400px.png");
    }
}
