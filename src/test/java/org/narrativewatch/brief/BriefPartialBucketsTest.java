package org.narrativewatch.brief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * Partial buckets in briefs, on a corpus built so that the answers are known: articles every day from Monday
 * 2024-01-01 to Wednesday 2024-03-13, so a weekly window running to the end of March ends in a week the corpus
 * covers for 3 of its 7 days, and one starting on a Wednesday begins with a 5-day week.
 * <ul>
 * <li>"переговоры": 2 a day throughout (a flat rate: any change is the bucket's length);</li>
 * <li>"саммит": 1 a day before Monday 2024-02-05, 4 a day from it (a real step between whole weeks);</li>
 * <li>"тревога": none until 2024-03-10, 5 a day on the corpus' last three days (a rise seen only in the partial
 *     last week).</li>
 * </ul>
 */
class BriefPartialBucketsTest {
    static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST = LocalDate.of(2024, 3, 13);
    static final LocalDate STEP = LocalDate.of(2024, 2, 5);
    static final LocalDate ALARM = LocalDate.of(2024, 3, 11);

    @TempDir
    static Path dir;
    static Path index;

    @BeforeAll
    static void build() throws IOException {
        assertEquals(DayOfWeek.MONDAY, FIRST.getDayOfWeek());
        assertEquals(DayOfWeek.WEDNESDAY, LAST.getDayOfWeek());
        index = dir.resolve("index");
        try (Engine e = LuceneEngine.open(index)) {
            for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
                List<String> titles = new ArrayList<>();
                titles.add("Переговоры делегаций продолжаются");
                titles.add("Переговоры экспертов в столице");
                int summit = d.isBefore(STEP) ? 1 : 4;
                for (int i = 0; i < summit; i++) {
                    titles.add("Подготовка к саммиту лидеров, сообщение " + i);
                }
                if (!d.isBefore(ALARM)) {
                    for (int i = 0; i < 5; i++) {
                        titles.add("Воздушная тревога в регионе, сообщение " + i);
                    }
                }
                while (titles.size() < 14) {
                    titles.add("Погода и урожай: сводка " + titles.size());
                }
                for (int i = 0; i < titles.size(); i++) {
                    e.add(new Article("https://tv.example/" + d + "/" + i, "tv.example", "state",
                            d.atTime(6 + i, 0).atOffset(ZoneOffset.ofHours(3)), DateQuality.EXACT, "ru", titles.get(i), "", null));
                }
            }
            e.commit(Map.of("fixture", "partial-buckets"));
        }
    }

    static int n;

    static BriefChecker.Result check(String markdown) throws IOException {
        Path f = dir.resolve("partial" + (n++) + ".md");
        Files.writeString(f, "# partial buckets\n\n" + markdown);
        Brief b = BriefParser.read(f);
        try (BriefContext ctx = new BriefContext(b, new BriefContext.Sources(() -> LuceneEngine.open(index), "--index " + index,
                null, null, "no data folder", null, "nwatch test", true))) {
            return BriefChecker.check(ctx, null);
        }
    }

    static String fig(String yaml) {
        return "```figure\n" + yaml + "\n```\n\n";
    }

    static Claim claim(BriefChecker.Result r, String id) {
        return r.byId().get(id);
    }

    @Test
    void partialBucketsAreFlaggedInTheClaimTheJsonTheTableAndTheChart() throws IOException {
        var r = check(fig("id: talks\nmedia: {query: 'переговоры', by: week, from: 2024-01-03, to: 2024-03-31}"));
        Claim c = claim(r, "talks");
        assertEquals(List.of(new PartialBucket(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 7), 5, 7),
                new PartialBucket(LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 17), 3, 7)), c.partials());
        assertEquals(2, c.fields().get("partial_buckets"));
        assertTrue(c.notes().stream().anyMatch(s -> s.contains("2024-03-11 (3 of 7 days)")), c.notes().toString());

        JsonNode json = BriefReport.json(r).get("claims").get(0);
        assertEquals(2, json.get("partial_buckets").size());
        assertEquals("2024-03-11", json.get("partial_buckets").get(1).get("start").asText());
        assertEquals(3, json.get("partial_buckets").get(1).get("days").asInt());
        assertTrue(BriefReport.table(r).contains("partial buckets: 2024-01-01 (5 of 7 days), 2024-03-11 (3 of 7 days)"),
                BriefReport.table(r));

        String html = HtmlBrief.render(r);
        assertEquals(2, html.split("<rect class=\"partial\"", -1).length - 1, "one greyed span per partial bucket");
        assertTrue(html.contains("partial bucket 2024-03-11..2024-03-17: 3 of 7 days"));
        assertTrue(html.contains("partial-pt"));
        assertTrue(html.contains("partial bucket (fewer days)"), "legend");
        assertTrue(MarkdownBrief.render(r).contains("2024-03-11 (3 of 7 days)"));
    }

    @Test
    void aWholeWindowHasNoPartialBuckets() throws IOException {
        Claim c = claim(check(fig("id: talks\nmedia: {query: 'переговоры', by: week, from: 2024-01-01, to: 2024-03-10}")), "talks");
        assertTrue(c.partials().isEmpty(), c.partials().toString());
        assertFalse(c.notes().stream().anyMatch(s -> s.contains("partial")), c.notes().toString());
        assertFalse(HtmlBrief.render(check(fig("id: t\nmedia: {query: 'переговоры', by: week, from: 2024-01-01, to: 2024-03-10}")))
                .contains("<rect class=\"partial\""));
    }

    @Test
    void aShortLastWeekIsNoFall() throws IOException {
        // the last week holds 6 matches against 14 in every whole week: only its length differs
        var r = check(fig("id: fall\nmedia: {query: 'переговоры', by: week, from: 2024-01-01, to: 2024-03-31}\n"
                + "expect: {change: down, near: 2024-03-11, within_days: 7}")
                + fig("id: flat\nmedia: {query: 'переговоры', by: week, from: 2024-01-01, to: 2024-03-31}\nexpect: {change: none}")
                + fig("id: fall-month\nmedia: {query: 'переговоры', by: month, from: 2024-01-01, to: 2024-03-31}\n"
                + "expect: {change: down, near: 2024-03-01, within_days: 10}"));
        assertNotEquals(Status.HOLDS, claim(r, "fall").status(), claim(r, "fall").reason());
        assertNotEquals(Status.HOLDS, claim(r, "fall-month").status(), claim(r, "fall-month").reason());
        assertEquals(Status.HOLDS, claim(r, "flat").status(), claim(r, "flat").reason());
        assertTrue(claim(r, "flat").changes().isEmpty(), claim(r, "flat").changes().toString());
    }

    @Test
    void aRiseSeenOnlyInThePartialWeekNeverHolds() throws IOException {
        var r = check(fig("id: alarm\nmedia: {query: 'тревога', by: week, from: 2024-01-01, to: 2024-03-31}\n"
                + "expect: {change: up, near: 2024-03-11, within_days: 3}"));
        Claim c = claim(r, "alarm");
        assertNotEquals(Status.HOLDS, c.status(), c.reason() + " " + c.changes());
        assertEquals(15.0, c.value());
        assertEquals(true, c.fields().get("peak_partial"));
        // by day the same rise stands on whole buckets
        var d = check(fig("id: alarm-day\nmedia: {query: 'тревога', by: day, from: 2024-02-01, to: 2024-03-13}\n"
                + "expect: {change: up, near: 2024-03-11, within_days: 1}"));
        assertEquals(Status.HOLDS, claim(d, "alarm-day").status(), claim(d, "alarm-day").reason());
        assertTrue(claim(d, "alarm-day").partials().isEmpty());
    }

    @Test
    void aRealStepBetweenWholeWeeksStillHoldsBesidePartialEdges() throws IOException {
        var r = check(fig("id: summit\nmedia: {query: 'саммит', by: week, from: 2024-01-03, to: 2024-03-31}\n"
                + "expect: {change: up, near: 2024-02-05, within_days: 7}"));
        Claim c = claim(r, "summit");
        assertEquals(Status.HOLDS, c.status(), c.reason() + " " + c.changes());
        assertEquals(2, c.partials().size());
        assertTrue(c.changes().stream().anyMatch(ch -> ch.up() && !ch.restsOnPartial() && ch.daysFrom(STEP) <= 7), c.changes().toString());
    }

    @Test
    void aCountOverACutWindowDecidesOnlyWhatMoreDaysCannotUndo() throws IOException {
        // 2 a day over 73 covered days: 146; the window as written has 91 days (182 at the same rate)
        String m = "media: {query: 'переговоры', by: week, from: 2024-01-01, to: 2024-03-31}\n";
        var r = check(fig("id: min-reached\n" + m + "expect: {min: 100}")
                + fig("id: min-open\n" + m + "expect: {min: 170}")
                + fig("id: max-passed\n" + m + "expect: {max: 120}")
                + fig("id: max-open\n" + m + "expect: {max: 200}")
                + fig("id: value-open\n" + m + "expect: {value: 182, tolerance: 0.05}")
                + fig("id: share\nmedia: {query: 'переговоры', by: week, from: 2024-01-01, to: 2024-03-31, measure: share}\n"
                + "expect: {value: 0.1428, tolerance: 0.01}"));
        assertEquals(146.0, claim(r, "min-reached").value());
        assertEquals(Status.HOLDS, claim(r, "min-reached").status(), claim(r, "min-reached").reason());
        assertEquals(Status.UNKNOWN, claim(r, "min-open").status(), claim(r, "min-open").reason());
        assertTrue(claim(r, "min-open").reason().contains("covers 73 of the 91 days"), claim(r, "min-open").reason());
        assertEquals(Status.FAILS, claim(r, "max-passed").status(), claim(r, "max-passed").reason());
        assertEquals(Status.UNKNOWN, claim(r, "max-open").status(), claim(r, "max-open").reason());
        assertEquals(Status.UNKNOWN, claim(r, "value-open").status(), claim(r, "value-open").reason());
        // a share does not grow with days: it is decided as it is
        assertEquals(Status.HOLDS, claim(r, "share").status(), claim(r, "share").reason());
    }

    @Test
    void aComparedWindowCutByTheCorpusIsFlaggedAndCountsPerDay() throws IOException {
        var r = check(fig("id: cmp\nmedia: {query: 'переговоры', compare: {a: 2024-01-01..2024-01-31, b: 2024-03-01..2024-03-31}}\n"
                + "expect: {falls_by_at_least: 0.3}"));
        Claim c = claim(r, "cmp");
        assertEquals(0.0, c.value(), 1e-9, "2 a day in both windows");
        assertEquals(Status.FAILS, c.status(), c.reason());
        assertTrue(c.notes().stream().anyMatch(s -> s.startsWith("window b 2024-03-01..2024-03-31 is partial: the corpus covers 13 of its 31 days")),
                c.notes().toString());
    }

    @Test
    void aChangeThatNeedsAPartialBucketIsMarked() {
        // fifteen whole weeks, a step up at week 8; then a 2-day week whose rate would read as a second rise
        List<Bucket> buckets = new ArrayList<>();
        LocalDate w = FIRST;
        for (int i = 0; i < 15; i++, w = w.plusWeeks(1)) {
            long k = i < 8 ? 20 + (i % 3) : 60 + (i % 3);
            buckets.add(new Bucket(w, k, 700, 7, false));
        }
        buckets.add(new Bucket(w, 60, 200, 2, true));
        Series s = new Series("x", Bucketing.WEEK, FIRST, w.plusDays(1), "articles", buckets);
        List<PartialBucket> partial = PartialBucket.of(s);
        assertEquals(1, partial.size());
        Change step = new Change(FIRST.plusWeeks(8), FIRST.plusWeeks(8).plusDays(6), 21, 61, 1.9, 1e-9);
        Change last = new Change(w, w.plusDays(6), 61, 210, 2.4, 1e-3);
        List<Change> marked = MediaFigure.onWholeBuckets(s, List.of(step, last), partial);
        assertFalse(marked.get(0).restsOnPartial(), "the step between whole weeks stands without the partial one");
        assertTrue(marked.get(1).restsOnPartial());
        assertTrue(marked.get(1).partialOnly().contains(w + " (2 of 7 days)"), marked.get(1).partialOnly());
        assertEquals(List.of(step, last), MediaFigure.onWholeBuckets(s, List.of(step, last), List.of()), "no partial bucket: as they are");
    }
}
