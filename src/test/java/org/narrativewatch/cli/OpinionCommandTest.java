package org.narrativewatch.cli;

import static org.narrativewatch.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpinionCommandTest {

    @TempDir
    Path dir;

    /** Monthly A (AR(1)) and B following A two months later, as date,value CSV files. */
    private Path[] leadingPair() throws IOException {
        Random rnd = new Random(11);
        int n = 120;
        double[] a = new double[n];
        double v = 0;
        for (int t = 0; t < n; t++) {
            v = 0.5 * v + rnd.nextGaussian();
            a[t] = v;
        }
        StringBuilder sa = new StringBuilder("date,value\n");
        StringBuilder sb = new StringBuilder("month,approve\n");
        for (int t = 0; t < n; t++) {
            String d = LocalDate.parse("2015-01-01").plusMonths(t).toString();
            sa.append(d).append(',').append(a[t]).append('\n');
            double b = 50 + (t >= 2 ? 3 * a[t - 2] : 0) + rnd.nextGaussian();
            sb.append(d, 0, 7).append(',').append(b).append('\n');
        }
        return new Path[] {Files.writeString(dir.resolve("a.csv"), sa), Files.writeString(dir.resolve("b.csv"), sb)};
    }

    @Test
    void leadlagPrintsTheContractJson() throws IOException {
        Path[] f = leadingPair();
        CliRun r = run("opinion", "leadlag", f[0].toString(), f[1].toString(), "--max-lag", "4", "--format", "json", "--bootstrap", "99");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(120, j.get("n").asInt());
        assertEquals(9, j.get("ccf").size());
        JsonNode best = null;
        for (JsonNode c : j.get("ccf")) {
            assertTrue(c.has("lag") && c.has("r") && c.has("lo") && c.has("hi"));
            if (best == null || Math.abs(c.get("r").asDouble()) > Math.abs(best.get("r").asDouble())) {
                best = c;
            }
        }
        assertEquals(2, best.get("lag").asInt(), "A leads B by two months: a positive lag");
        assertTrue(best.get("r").asDouble() > best.get("hi").asDouble());
        JsonNode ab = j.get("granger").get("a_to_b");
        assertTrue(ab.get("lag").asInt() >= 1 && ab.get("f").asDouble() > 0);
        assertEquals(0.01, ab.get("p").asDouble(), 1e-12);
        assertTrue(j.get("granger").get("b_to_a").has("p"));
        assertEquals("month", j.get("dates").get("step").asText());
    }

    @Test
    void leadlagUserAndUsageErrors() throws IOException {
        Path[] f = leadingPair();
        Path bad = Files.writeString(dir.resolve("bad.csv"), "date,value\n2015-01-01,1\n2015-02-30,2\n");
        CliRun r = run("opinion", "leadlag", f[0].toString(), bad.toString());
        assertEquals(1, r.code());
        assertEquals("nwatch: " + bad + ":3: date '2015-02-30' is not yyyy-mm-dd or yyyy-mm", r.err().strip());
        assertEquals(2, run("opinion", "leadlag", f[0].toString()).code());
        assertEquals(2, run("opinion", "leadlag", f[0].toString(), f[1].toString(), "--max-lag", "x").code());
        assertEquals(1, run("opinion", "leadlag", f[0].toString(), f[1].toString(), "--max-lag", "0").code());
        assertEquals(0, run("opinion", "leadlag", "--help").code());
    }

    @Test
    void importListsBadRowsKeepsTheRestAndIsIdempotent() throws IOException {
        Path polls = Files.writeString(dir.resolve("polls.csv"), """
                date,fieldwork,source,question,answer,percent,n,mode
                2022-03,18-20 Mar 2022,FOM,support,yes,65,1500,face-to-face
                2022-04,Apr 2022,FOM,support,yes,,1500,face-to-face
                2022-05,May 2022,FOM,support,yes,61,1500,face-to-face
                """);
        String index = dir.resolve("data/index").toString();
        CliRun first = run("opinion", "import", "--index", index, polls.toString());
        assertEquals(1, first.code());
        assertTrue(first.err().contains(polls + ":3: percent '' is not a number"), first.err());
        assertTrue(first.err().contains("nwatch: 1 row(s) rejected"), first.err());
        assertTrue(Files.exists(dir.resolve("data/polls.json")));

        CliRun again = run("opinion", "import", "--index", index, polls.toString());
        assertTrue(again.out().contains("0 added, 0 updated, 2 already present"), again.out());

        CliRun list = run("opinion", "list", "--index", index, "--format", "json");
        assertEquals(0, list.code(), list.err());
        JsonNode j = new ObjectMapper().readTree(list.out());
        assertEquals(1, j.size());
        assertEquals("fom/support/yes", j.get(0).get("id").asText());
        assertEquals(2, j.get(0).get("points").asInt());

        CliRun points = run("opinion", "list", "--index", index, "--series", "fom", "--format", "json");
        JsonNode p = new ObjectMapper().readTree(points.out()).get("points");
        assertEquals("2022-03-19", p.get(0).get("date").asText());
        assertEquals(false, p.get(0).get("n_assumed").asBoolean());

        // respondents per month for 'nwatch shifts --csv': 65% of 1500, April has no poll (a gap), 61% of 1500
        CliRun timeline = run("opinion", "list", "--index", index, "--series", "fom", "--format", "timeline");
        assertEquals("date,count,total\n2022-03-01,975,1500\n2022-04-01,0,0\n2022-05-01,915,1500\n", timeline.out());
    }

    @Test
    void shiftsFindsAKnownJumpInAnImportedSeries() throws IOException {
        // 30 monthly polls (n = 1000): 40% ± 1 for 18 months, then 52% ± 1 from July 2021.
        StringBuilder csv = new StringBuilder("date,fieldwork,source,question,answer,percent,n,mode\n");
        for (int i = 0; i < 30; i++) {
            java.time.YearMonth m = java.time.YearMonth.of(2020, 1).plusMonths(i);
            String mon = m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
            csv.append(m).append(',').append(mon).append(' ').append(m.getYear()).append(",FOM,support,yes,")
                    .append((i >= 18 ? 52 : 40) + (i % 3 - 1)).append(",1000,face-to-face\n");
        }
        Path polls = Files.writeString(dir.resolve("polls.csv"), csv);
        String index = dir.resolve("data/index").toString();
        assertEquals(0, run("opinion", "import", "--index", index, polls.toString()).code());

        CliRun json = run("opinion", "shifts", "fom/support/yes", "--index", index, "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("binomial", j.path("model").asText());
        assertEquals("percent", j.path("unit").asText());
        assertTrue(j.path("sample").asText().contains("n = 1000") && j.path("sample").asText().contains("all published"),
                j.path("sample").asText());
        assertEquals(1, j.path("changes").size(), j.toString());
        JsonNode c = j.path("changes").get(0);
        assertEquals("2021-07-16", c.path("date").asText(), "the fieldwork midpoint of July 2021");
        assertEquals(40, c.path("before").asDouble(), 1);
        assertEquals(52, c.path("after").asDouble(), 1);
        assertTrue(c.path("before_ci").get(0).asDouble() < 40 && c.path("before_ci").get(1).asDouble() > 40, c.toString());

        CliRun table = run("opinion", "shifts", "fom/support/yes", "--index", index);
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("2021-07-16") && table.out().contains("binomial model"), table.out());
        assertEquals(1, run("opinion", "shifts", "nothing-like-it", "--index", index).code());
        assertEquals(2, run("opinion", "shifts", "fom", "--index", index, "--format", "xml").code(), "picocli checks --format");
        assertEquals(2, run("opinion", "shifts", "--index", index).code());
        assertEquals(0, run("opinion", "shifts", "--help").code());
    }
}
