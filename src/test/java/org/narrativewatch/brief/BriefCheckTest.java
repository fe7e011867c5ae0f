package org.narrativewatch.brief;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.territory.DayStats;
import org.narrativewatch.territory.Territory;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/** Brief checks on the fixture index and data folder: statuses, values against the commands' code, errors by line. */
class BriefCheckTest {
    @TempDir
    static Path dir;
    static Path index;
    static Path data;

    @BeforeAll
    static void build() throws IOException {
        index = dir.resolve("index");
        try (Engine e = BriefFixture.index(index)) {
            assertNotNull(e);
        }
        data = BriefFixture.data(dir.resolve("data"));
    }

    static int n;

    static BriefChecker.Result check(String markdown) throws IOException {
        Path f = dir.resolve("brief" + (n++) + ".md");
        Files.writeString(f, markdown);
        Brief b = BriefParser.read(f);
        try (BriefContext ctx = new BriefContext(b, new BriefContext.Sources(() -> LuceneEngine.open(index), "--index " + index,
                null, data, null, null, "nwatch test", true))) {
            return BriefChecker.check(ctx, null);
        }
    }

    static String fig(String yaml) {
        return "```figure\n" + yaml + "\n```\n\n";
    }

    static Claim only(BriefChecker.Result r) {
        assertEquals(1, r.claims().size());
        return r.claims().get(0);
    }

    @Test
    void mediaCountIsTheTimelineTotalAndTheStepIsFound() throws IOException {
        var r = check("# t\n\n" + fig("id: summit\nmedia: {query: 'саммит', by: week, from: 2024-01-01, to: 2024-06-30}\n"
                + "expect: {change: up, near: 2024-04-01, within_days: 7}"));
        Claim c = only(r);
        long expected;
        try (Engine e = LuceneEngine.open(index)) {
            Series s = org.narrativewatch.index.Corpus.of(e).timeline(Query.parse("саммит"), new Selection(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30),
                    Set.of(), Set.of(), Set.of()), Bucketing.WEEK, Engine.CountUnit.ARTICLES);
            expected = java.util.Arrays.stream(s.counts()).sum();
        }
        long byConstruction = 91L * BriefFixture.SUMMIT_BEFORE + 91L * BriefFixture.SUMMIT_AFTER; // Jan–Mar 91 days, Apr–Jun 91
        assertEquals(byConstruction, expected);
        assertEquals((double) expected, c.value());
        assertEquals(Status.HOLDS, c.status(), c.reason());
        assertTrue(c.changes().stream().anyMatch(ch -> ch.up() && ch.daysFrom(BriefFixture.STEP) <= 7), c.changes().toString());
        assertEquals(2, c.commands().size());
        assertTrue(c.commands().get(0).startsWith("nwatch timeline саммит --by week --from 2024-01-01 --to 2024-06-30"));
        assertEquals("lucene:" + index.toAbsolutePath(), String.valueOf(r.snapshot().get("corpus")).replaceAll("@.*", ""));
    }

    @Test
    void aWrongDirectionOrDateFails() throws IOException {
        var r = check(fig("id: down\nmedia: {query: 'саммит', by: week, from: 2024-01-01, to: 2024-06-30}\n"
                + "expect: {change: down, near: 2024-04-01, within_days: 7}")
                + fig("id: early\nmedia: {query: 'саммит', by: week, from: 2024-01-01, to: 2024-06-30}\n"
                + "expect: {change: up, near: 2024-02-01, within_days: 7}")
                + fig("id: flat\nmedia: {query: 'переговоры', by: week, from: 2024-01-01, to: 2024-06-30}\n"
                + "expect: {change: none}"));
        assertEquals(Status.FAILS, r.claims().get(0).status());
        assertEquals(Status.FAILS, r.claims().get(1).status());
        assertEquals(Status.HOLDS, r.claims().get(2).status(), r.claims().get(2).reason());
        assertTrue(r.anyFails());
    }

    @Test
    void shareAndCompareWithInterval() throws IOException {
        var r = check(fig("id: share\nmedia: {query: 'саммит', measure: share, by: month, from: 2024-04-01, to: 2024-06-30}\n"
                + "expect: {value: '40%', tolerance: 0.01}")
                + fig("id: cmp\nmedia: {query: 'саммит', by: week, compare: {a: 2024-01-01..2024-03-31, b: 2024-04-01..2024-06-30}}\n"
                + "expect: {rises_by_at_least: 2.5}")
                + fig("id: cmp-false\nmedia: {query: 'саммит', by: week, compare: {a: 2024-01-01..2024-03-31, b: 2024-04-01..2024-06-30}}\n"
                + "expect: {falls_by_at_least: 0.1}"));
        Claim share = r.claims().get(0);
        assertEquals(0.4, share.value(), 1e-12);
        assertEquals(Status.HOLDS, share.status(), share.reason());
        Claim cmp = r.claims().get(1);
        // 4 a day against 1 a day: +300%, and a constant daily count has no spread beyond Poisson
        assertEquals(3.0, cmp.value(), 1e-9);
        double se = Math.sqrt(1.0 / 91 + 1.0 / (91 * 4));
        assertEquals(Math.exp(Math.log(4) - 1.959964 * se) - 1, cmp.lo(), 1e-6);
        assertEquals(Math.exp(Math.log(4) + 1.959964 * se) - 1, cmp.hi(), 1e-6);
        assertEquals(Status.HOLDS, cmp.status(), cmp.reason());
        assertEquals(Status.FAILS, r.claims().get(2).status());
    }

    @Test
    void aWindowWithoutDataIsUnknownNeverHolds() throws IOException {
        var r = check(fig("id: later\nmedia: {query: 'саммит', by: week, from: 2025-01-01, to: 2025-03-31}\nexpect: {max: 1000000}")
                + fig("id: cmp\nmedia: {query: 'саммит', compare: {a: 2023-01-01..2023-03-31, b: 2024-04-01..2024-06-30}}\n"
                + "expect: {rises_by_at_least: 0.1}"));
        Claim later = r.claims().get(0);
        assertEquals(Status.UNKNOWN, later.status());
        assertTrue(later.reason().contains("no data for the window") && later.reason().contains("corpus covers 2024-01-01 to 2024-06-30"),
                later.reason());
        assertEquals(Status.UNKNOWN, r.claims().get(1).status());
        assertTrue(r.claims().get(1).reason().contains("no data for window a"), r.claims().get(1).reason());
        assertFalse(r.anyFails());
    }

    @Test
    void badFiguresAreUnknownWithFileLineAndTheOthersStillRun() throws IOException {
        String md = "# t\n\n" // lines 1-2
                + fig("id: badq\nmedia: {query: 'саммит AND (', by: week}") // fence at 3, query at 5
                + fig("id: badkey\nmedia: {query: 'саммит', colour: red}") // fence 8, key at 10
                + fig("id: x\n  broken: [yaml") // fence 13
                + fig("media: {query: 'саммит'}") // fence 18: no id
                + fig("id: twice\nmedia: {query: 'саммит'}\npoll: {series: x}") // 23
                + fig("id: nofile\nseries: {file: missing.csv}") // 29
                + fig("id: late\nterritory: {figure: occupied_km2, date: 2020-01-01}") // 34
                + fig("id: good\nmedia: {query: 'саммит', from: 2024-04-01, to: 2024-04-07}\nexpect: {value: 28}"); // 39
        var r = check(md);
        String file = r.brief().file().toString();
        List<Claim> c = r.claims();
        assertEquals(8, c.size());
        assertTrue(c.get(0).reason().startsWith(file + ":5: figure 'badq': media.query: query error at column"), c.get(0).reason());
        assertTrue(c.get(1).reason().startsWith(file + ":10: figure 'badkey': unknown key 'colour'"), c.get(1).reason());
        assertTrue(c.get(2).reason().startsWith(file + ":"), c.get(2).reason());
        assertTrue(c.get(2).reason().contains("malformed YAML"), c.get(2).reason());
        assertTrue(c.get(3).reason().startsWith(file + ":18: figure has no 'id'"), c.get(3).reason());
        assertTrue(c.get(4).reason().contains("two kinds"), c.get(4).reason());
        assertTrue(c.get(5).reason().startsWith(file + ":30: figure 'nofile': series.file: no such file 'missing.csv'"), c.get(5).reason());
        assertTrue(c.get(6).reason().contains("no snapshot on or before 2020-01-01"), c.get(6).reason());
        for (int i = 0; i < 7; i++) {
            assertEquals(Status.UNKNOWN, c.get(i).status(), c.get(i).id());
        }
        assertEquals(Status.HOLDS, c.get(7).status(), c.get(7).reason()); // 7 days × 4
    }

    @Test
    void fileLevelProblemsAreBriefExceptions() throws IOException {
        Path none = dir.resolve("no-such.md");
        assertThrows(BriefException.class, () -> BriefParser.read(none));
        Path empty = dir.resolve("prose.md");
        Files.writeString(empty, "# only prose\n\n```python\nprint(1)\n```\n");
        assertTrue(assertThrows(BriefException.class, () -> BriefParser.read(empty)).getMessage().contains("no ```figure blocks"));
        Path binary = dir.resolve("bin.md");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThrows(BriefException.class, () -> BriefParser.read(binary));
        Path front = dir.resolve("front.md");
        Files.writeString(front, "---\ntitle: [unclosed\n---\n" + fig("id: a\nmedia: {query: x}"));
        assertThrows(BriefException.class, () -> BriefParser.read(front));
        Path unclosed = dir.resolve("unclosed.md");
        Files.writeString(unclosed, "# t\n\n```figure\nid: a\nmedia: {query: x}\n");
        Brief b = BriefParser.read(unclosed);
        assertTrue(b.figures().get(0).problem().contains(":3: figure block is never closed"), b.figures().get(0).problem());
    }

    @Test
    void territoryValuesAreTheStatsCommandsAndFocusAreasFollowTheLine() throws IOException {
        var r = check(fig("id: people\nterritory: {figure: population_occupied, date: 2025-01-05, region: East}\nexpect: {value: 50000, tolerance: 0}")
                + fig("id: area\nterritory: {figure: occupied_km2, date: 2025-01-25}")
                + fig("id: focus\nterritory: {figure: occupied_km2, area: {around: Midtown, radius_km: 20}, from: 2025-01-01, to: 2025-01-20}\n"
                + "expect: {change: up, near: 2025-01-11, within_days: 2}")
                + fig("id: focus-people\nterritory: {figure: population_occupied, area: {around: midtown, radius_km: 20}, date: 2025-01-19}")
                + fig("id: future\nterritory: {figure: occupied_km2, date: 2025-03-01}\nexpect: {min: 0}")
                + fig("id: focus-boundary\nterritory: {figure: population_occupied, area: {around: midtown, radius_km: 20}, date: 2025-01-20}"));
        Territory t = Territory.load(data.resolve("geo"));
        DayStats d = t.stats(LocalDate.of(2025, 1, 20), Territory.DEFAULT_BANDS_KM);
        Claim people = r.claims().get(0);
        assertEquals(Status.HOLDS, people.status(), people.reason());
        Claim area = r.claims().get(1);
        assertEquals(d.occupiedKm2(), area.value(), 1e-6); // the latest snapshot before the date
        assertEquals(Status.COMPUTED, area.status());
        assertTrue(area.notes().stream().anyMatch(n -> n.contains("using the latest before it, 2025-01-20")), area.notes().toString());
        Claim focus = r.claims().get(2);
        assertEquals(Status.HOLDS, focus.status(), focus.reason() + " " + focus.changes());
        // a circle of radius R cut by a chord at distance h from its centre: segment area R²·acos(h/R) − h·√(R²−h²)
        double kmPerDegLon = 111.32 * Math.cos(Math.toRadians(48));
        double before = segment(20, (33.0 - 32.8) * kmPerDegLon);
        double after = segment(20, (BriefFixture.lineOn(LocalDate.of(2025, 1, 20)) - 32.8) * kmPerDegLon);
        assertEquals(after - before, focus.value(), 0.03 * (after - before));
        assertEquals(before, (Double) focus.fields().get("from_value"), 0.02 * before);
        Claim fp = r.claims().get(3);
        assertEquals(0.0, fp.value()); // Midtown (32.8) is west of the line (32.82 on 19 January)
        Claim future = r.claims().get(4);
        assertEquals(Status.UNKNOWN, future.status(), "a map weeks after the last snapshot is not in the data");
        assertTrue(future.reason().contains("the snapshots run 2025-01-01 to 2025-01-20"), future.reason());
        assertEquals(20000.0, r.claims().get(5).value()); // on 20 January the line runs through it: on the boundary counts as occupied
    }

    static double segment(double r, double h) {
        return r * r * Math.acos(h / r) - h * Math.sqrt(r * r - h * h);
    }

    @Test
    void scenarioPollAndSeries() throws IOException {
        var r = check(fig("id: sc\nscenario: {file: scenarios/east-to-ukraine.yaml, date: 2025-01-05, figure: population_to_ukraine}\n"
                + "expect: {value: 50000, tolerance: 0}")
                + fig("id: poll\npoll: {file: polls/talks.csv, series: testpoll/support-talks/yes, date: 2024-03-01}\nexpect: {min: 40, max: 50}")
                + fig("id: far\npoll: {file: polls/talks.csv, series: support-talks, date: 2024-09-30}\nexpect: {min: 40}")
                + fig("id: latest\npoll: {file: polls/talks.csv, series: support-talks, latest: true}")
                + fig("id: prices\nseries: {file: series/prices.csv, compare: {a: 2023-01-01..2023-12-31, b: 2024-01-01..2024-12-31}}\n"
                + "expect: {rises_by_at_least: '45%'}")
                + fig("id: other\nseries: {file: series/prices.csv, column: other, date: 2024-12-01}\nexpect: {value: 78, tolerance: 0}"));
        assertEquals(Status.HOLDS, r.claims().get(0).status(), r.claims().get(0).reason());
        Claim poll = r.claims().get(1);
        assertEquals(45.0, poll.value());
        assertTrue(poll.lo() < 45 && poll.hi() > 45 && poll.hi() - poll.lo() < 6, poll.lo() + ".." + poll.hi());
        assertEquals(Status.HOLDS, poll.status());
        assertEquals(Status.UNKNOWN, r.claims().get(2).status());
        assertTrue(r.claims().get(2).reason().contains("no poll of testpoll/support-talks/yes within 45 days"), r.claims().get(2).reason());
        assertEquals(55.0, r.claims().get(3).value());
        Claim prices = r.claims().get(4);
        assertEquals(0.5, prices.value(), 0.03); // 10 → 15 plus a little deterministic wobble
        assertEquals(Status.HOLDS, prices.status(), prices.reason());
        assertEquals(Status.HOLDS, r.claims().get(5).status(), r.claims().get(5).reason());
    }

    @Test
    void referencesResolveAndBrokenOnesAreReported() throws IOException {
        var r = check("Talks: {{poll}} ({{poll.lo}}–{{poll.hi}}), fieldwork {{poll.fieldwork}}; {{missing.value}}; {{poll.nothing}}.\n\n"
                + fig("id: poll\npoll: {file: polls/talks.csv, series: support-talks, latest: true}"));
        var byId = r.byId();
        assertEquals("55%", Refs.resolve(byId, "poll", null));
        assertEquals("2024-06-10..2024-06-20", Refs.resolve(byId, "poll", "fieldwork"));
        assertNull(Refs.resolve(byId, "missing", "value"));
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).endsWith(":1: reference {{missing.value}}: no figure 'missing'"), r.problems().get(0));
        String md = MarkdownBrief.render(r);
        assertTrue(md.startsWith("Talks: **55%**"), md);
    }

    @Test
    void noIndexAndNoDataAreUnknownWithTheReason() throws IOException {
        Path f = dir.resolve("nosources.md");
        Files.writeString(f, fig("id: m\nmedia: {query: x}") + fig("id: t\nterritory: {date: 2025-01-01}"));
        Brief b = BriefParser.read(f);
        try (BriefContext ctx = new BriefContext(b, new BriefContext.Sources(null, null, "no index at data/index", null,
                "no data folder: give --data DIR", null, "nwatch test", true))) {
            var r = BriefChecker.check(ctx, null);
            assertTrue(r.claims().get(0).reason().endsWith("no index at data/index"), r.claims().get(0).reason());
            assertTrue(r.claims().get(1).reason().endsWith("no data folder: give --data DIR"), r.claims().get(1).reason());
        }
    }

    @Test
    void leadLagOfAPollAndACsvNeedsEnoughCommonMonths() throws IOException {
        var r = check(fig("id: ll\nleadlag:\n  a: {poll: {file: polls/talks.csv, series: support-talks}}\n"
                + "  b: {series: {file: series/prices.csv}}\n  bootstrap: 0\nexpect: {leads: a}"));
        Claim c = only(r);
        assertEquals(Status.UNKNOWN, c.status());
        assertTrue(c.reason().contains("only 3 equally spaced dates in common") || c.reason().contains("equally spaced"), c.reason());
    }
}
