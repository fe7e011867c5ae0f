package org.narrativewatch.brief;

import static org.narrativewatch.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.cli.CliRun;
import org.narrativewatch.index.Engine;

/** {@code nwatch brief check|render} end to end: exit codes, the JSON contract, escaping, a self-contained page. */
class BriefCommandTest {
    @TempDir
    static Path dir;
    static Path index;
    static Path data;

    /** A brief with every kind, one failing claim, hostile text in prose and titles. */
    static final String BRIEF = """
            ---
            title: "Fixture <b>brief</b>"
            events:
              - {date: 2024-04-01, label: "step <script>alert(1)</script>"}
            ---
            # Fixture brief

            Prose with <script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2"> and a
            [link](javascript:alert(1)); the summit count is {{summit}}, the poll {{poll}}.

            ```figure
            id: summit
            title: "<img src=x onerror=alert(1)> summit"
            media: {query: 'саммит', by: week, from: 2024-01-01, to: 2024-06-30}
            expect: {change: up, near: 2024-04-01, within_days: 7}
            ```

            ```figure
            id: false-claim
            media: {query: 'саммит', by: week, compare: {a: 2024-01-01..2024-03-31, b: 2024-04-01..2024-06-30}}
            expect: {falls_by_at_least: 0.1}
            ```

            ```figure
            id: focus
            territory: {figure: occupied_km2, area: {around: Midtown, radius_km: 20}, from: 2025-01-01, to: 2025-01-20}
            ```

            ```figure
            id: map
            territory: {figure: population_occupied, date: 2025-01-05}
            ```

            ```figure
            id: scenario
            scenario: {file: scenarios/east-to-ukraine.yaml, date: 2025-01-05}
            ```

            ```figure
            id: poll
            poll: {file: polls/talks.csv, series: support-talks, latest: true}
            ```

            ```figure
            id: prices
            series: {file: series/prices.csv}
            ```

            ```figure
            id: lead
            leadlag:
              a: {series: {file: series/prices.csv}}
              b: {series: {file: series/prices.csv, column: other}}
              bootstrap: 0
            ```

            ```figure
            id: broken
            media: {query: 'саммит AND ('}
            ```
            """;

    @BeforeAll
    static void build() throws IOException {
        index = dir.resolve("index");
        try (Engine e = BriefFixture.index(index)) {
            e.name();
        }
        data = BriefFixture.data(dir.resolve("data"));
    }

    static Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void exitCodesAndTheJsonContract() throws IOException {
        Path f = write("all.md", BRIEF);
        CliRun r = run("brief", "check", f.toString(), "--index", index.toString(), "--data", data.toString(), "--format", "json");
        assertEquals(1, r.code(), r.err());
        JsonNode j = BriefReport.JSON.readTree(r.out());
        assertEquals(f.toString(), j.get("brief").asText());
        assertTrue(j.get("snapshot").isObject());
        assertEquals(9, j.get("claims").size());
        for (JsonNode c : j.get("claims")) {
            for (String k : new String[] {"id", "kind", "status", "value", "expected", "reason", "line"}) {
                assertTrue(c.has(k), k + " in " + c);
            }
        }
        assertEquals("holds", j.get("claims").get(0).get("status").asText());
        assertEquals("fails", j.get("claims").get(1).get("status").asText());
        assertEquals("unknown", j.get("claims").get(8).get("status").asText());
        assertTrue(j.get("claims").get(8).get("reason").asText().startsWith(f + ":"));
        for (int i = 2; i < 8; i++) {
            assertEquals("computed", j.get("claims").get(i).get("status").asText(), j.get("claims").get(i).toString());
        }

        Path ok = write("ok.md", "# ok\n\n```figure\nid: a\nmedia: {query: 'саммит'}\nexpect: {min: 1}\n```\n");
        assertEquals(0, run("brief", "check", ok.toString(), "--index", index.toString()).code());
        CliRun only = run("brief", "check", f.toString(), "--index", index.toString(), "--data", data.toString(), "--figure", "summit,poll");
        assertEquals(0, only.code(), only.out());
        assertTrue(only.out().contains("2 claims: 1 holds, 0 fails, 0 unknown, 1 computed"), only.out());

        Path notBrief = write("prose.md", "# nothing to check\n");
        CliRun bad = run("brief", "check", notBrief.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("no ```figure blocks"), bad.err());
        assertEquals(2, run("brief", "check", dir.resolve("missing.md").toString()).code());
    }

    @Test
    void renderedPageIsSelfContainedAndEscaped() throws IOException {
        Path f = write("page.md", BRIEF);
        Path out = dir.resolve("out/page.html");
        CliRun r = run("brief", "render", f.toString(), "-o", out.toString(), "--index", index.toString(), "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<img"), "no image element from the brief");
        assertFalse(html.contains("javascript:"), "unsafe link sanitised");
        assertTrue(html.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"), "prose shown escaped");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; summit"), "figure title shown escaped");
        assertTrue(html.contains("default-src 'none'"), "a CSP forbids any network use");
        Matcher ext = Pattern.compile("(src|href)=\"(?!#)[^\"]+\"").matcher(html);
        while (ext.find()) {
            throw new AssertionError("external reference " + ext.group());
        }
        int figures = count(html, "<figure class=\"nw-figure");
        assertEquals(9, figures);
        // every figure that computed something has a chart; the broken one has none
        assertEquals(6 + 3, count(html, "<svg class=\"nw-chart"), "6 charts and 3 maps (focus, map, scenario)");
        assertTrue(html.contains("id=\"provenance\""));
        assertTrue(html.contains("nwatch territory focus --data "), "the focus figure names its reproducing command");
        assertTrue(html.contains("SHA-256"));
        assertTrue(html.contains("@media print"));
        assertTrue(r.err().contains("9 claims: 1 holds, 1 fails, 1 unknown, 6 computed"), r.err());

        CliRun md = run("brief", "render", f.toString(), "--format", "md", "--index", index.toString(), "--data", data.toString());
        assertEquals(0, md.code(), md.err());
        assertTrue(md.out().contains("## Provenance"));
        assertFalse(md.out().contains("```figure"), "figure blocks replaced by their results");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theFocusFigureIsWhatTerritoryFocusPrints() throws IOException {
        Path f = write("focus.md", "```figure\nid: focus\nterritory: {figure: occupied_km2, area: {around: Midtown, radius_km: 20},"
                + " from: 2025-01-01, to: 2025-01-20}\n```\n");
        CliRun check = run("brief", "check", f.toString(), "--data", data.toString(), "--format", "json");
        assertEquals(0, check.code(), check.err());
        JsonNode claim = BriefReport.JSON.readTree(check.out()).get("claims").get(0);
        String cmd = claim.get("commands").get(0).asText();
        assertTrue(cmd.startsWith("nwatch territory focus --data " + data.resolve("geo") + " --around Midtown --radius-km 20"), cmd);
        CliRun focus = run("territory", "focus", "--data", data.resolve("geo").toString(), "--around", "Midtown", "--radius-km", "20",
                "--from", "2025-01-01", "--to", "2025-01-20", "--shifts", "occupied_km2", "--format", "json");
        assertEquals(0, focus.code(), focus.err());
        JsonNode cols = BriefReport.JSON.readTree(focus.out()).get("columns").get("occupied_km2");
        double first = cols.get(0).asDouble();
        double last = cols.get(cols.size() - 1).asDouble();
        assertEquals(last - first, claim.get("value").asDouble(), 0.1); // the command rounds to 0.1 km²
        JsonNode changes = BriefReport.JSON.readTree(focus.out()).get("shifts").get("occupied_km2").get("changes");
        assertEquals(claim.get("changes").size(), changes.size());
        assertEquals(claim.get("changes").get(0).get("end").asText(), changes.get(0).get("date").asText());
    }
}
