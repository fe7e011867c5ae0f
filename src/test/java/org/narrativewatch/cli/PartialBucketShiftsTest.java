package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.index.Engine;
import org.narrativewatch.server.AccessToken;
import org.narrativewatch.server.DashboardServer;
import org.narrativewatch.server.EventStore;
import org.narrativewatch.server.ServerOptions;

/**
 * The partial-bucket rule at both ends (issue 16.1): a corpus with the same number of articles every day, from a
 * Thursday to a Tuesday, has a short first and last week (4 and 2 days) and short first and last months; neither
 * {@code nwatch shifts} nor {@code /api/shifts} reports a change there, by week or by month, for counts or shares,
 * and both mark the short buckets partial.
 */
class PartialBucketShiftsTest {

    @TempDir
    Path tmp;

    static final LocalDate FIRST = LocalDate.of(2022, 1, 6); // a Thursday
    static final LocalDate LAST = LocalDate.of(2022, 5, 17); // a Tuesday

    Path index() throws Exception {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            for (int k = 0; k < 12; k++) {
                // every day the same: 12 articles, 3 of them on talks
                b.append("{\"date\":\"").append(d).append("\",\"source\":\"x.example\",\"url\":\"https://x.example/").append(n++)
                        .append("\",\"title\":\"").append(k < 3 ? "Переговоры продолжатся" : "Погода: сводка").append(' ').append(n)
                        .append("\",\"lang\":\"ru\"}\n");
            }
        }
        Path f = tmp.resolve("flat.jsonl");
        Files.writeString(f, b.toString());
        Path idx = tmp.resolve("idx");
        assertEquals(0, OutletGroupsCliTest.run(new java.io.StringWriter(), "import", "--index", idx.toString(), f.toString()));
        return idx;
    }

    static JsonNode cli(Path out, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(java.util.List.of(args));
        assertEquals(0, new ProcessBuilder(cmd).redirectOutput(out.toFile()).start().waitFor(), String.join(" ", args));
        return new ObjectMapper().readTree(Files.readString(out));
    }

    @Test
    void aBucketsLengthNeverMakesAChange() throws Exception {
        Path idx = index();
        EngineOptions o = new EngineOptions();
        o.index = idx;
        o.engine = "lucene";
        try (Engine e = o.open();
             DashboardServer s = new DashboardServer(e, ServerOptions.defaults(tmp.resolve("events.csv")).withPort(0),
                     new AccessToken("partial-test-token-0123456789", "test", false), EventStore.open(tmp.resolve("events.csv")),
                     org.narrativewatch.server.ShiftFinder.DETECTOR).start()) {
            HttpClient http = HttpClient.newHttpClient();
            for (String by : new String[] {"week", "month"}) {
                for (String model : new String[] {"poisson", "binomial"}) {
                    for (String q : new String[] {"*", "переговоры"}) {
                        if (q.equals("*") && model.equals("binomial")) {
                            continue; // a share of 100 % everywhere: nothing to model
                        }
                        String where = q + " by " + by + " (" + model + ")";
                        String url = "http://127.0.0.1:" + s.port() + "/api/shifts?by=" + by + "&model=" + model + "&q="
                                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, r.statusCode(), r.body());
                        JsonNode api = new ObjectMapper().readTree(r.body());
                        assertEquals(0, api.path("changes").size(), where + ": no change from a bucket's length: " + api.path("changes"));
                        if (q.equals("переговоры") && model.equals("poisson")) {
                            // the CLI as a user runs it (a child process each: one per bucketing keeps the test short)
                            JsonNode shifts = cli(tmp.resolve("shifts.json"), "shifts", "--index", idx.toString(), q, "--by", by,
                                    "--model", model, "--format", "json");
                            assertEquals(api.path("changes"), shifts.path("changes"), where + ": the CLI says the same");
                        }
                    }
                }
                JsonNode t = cli(tmp.resolve("timeline.json"), "timeline", "--index", idx.toString(), "*", "--by", by, "--format", "json");
                JsonNode b = t.path("buckets");
                assertTrue(b.get(0).path("partial").asBoolean() && b.get(b.size() - 1).path("partial").asBoolean(), by + ": " + b);
            }
        }
    }
}
