package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.server.AccessToken;
import org.narrativewatch.server.DashboardServer;
import org.narrativewatch.server.EventStore;
import org.narrativewatch.server.ServerOptions;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpNamesTheDefaults() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, new StringWriter(), "serve", "--help"));
        assertTrue(out.toString().contains("127.0.0.1"), out.toString());
        assertTrue(out.toString().contains("7070"), out.toString());
    }

    @Test
    void badSettingsAreUserErrors() {
        StringWriter err = new StringWriter();
        assertEquals(1, run(new StringWriter(), err, "serve", "--port", "70000", "--index", dir.resolve("i").toString()));
        assertTrue(err.toString().contains("--port"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(1, run(new StringWriter(), err2, "serve", "--timeout", "0", "--index", dir.resolve("i").toString()));
        assertTrue(err2.toString().contains("--timeout"), err2.toString());
        assertEquals(2, run(new StringWriter(), new StringWriter(), "serve", "--port", "seventy"));
    }

    /**
     * A corpus with a known jump: 10 articles a day for 60 days, of which 1 a day mention talks for the
     * first 30 days and 6 a day after. The shifts endpoint, wired as nwatch serve wires it, must find
     * the jump at day 30 (within the detector's resolution of a day or two).
     */
    @Test
    void theShiftsEndpointFindsAKnownJump() throws Exception {
        LocalDate start = LocalDate.of(2023, 3, 1);
        try (Engine engine = LuceneEngine.open(dir.resolve("index"))) {
            for (int day = 0; day < 60; day++) {
                int talks = day < 30 ? 1 : 6;
                for (int i = 0; i < 10; i++) {
                    LocalDate d = start.plusDays(day);
                    String title = i < talks ? "Переговоры возобновятся, сообщение " + i : "Сводка погоды, выпуск " + i;
                    engine.add(new Article("https://jump.example/" + d + "/" + i, "jump.example", "test",
                            d.atTime(8 + i, 0).atOffset(ZoneOffset.UTC), DateQuality.EXACT, "ru", title, "", null));
                }
            }
            engine.commit(Map.of());
            try (DashboardServer server = new DashboardServer(engine,
                    ServerOptions.defaults(dir.resolve("events.csv")).withPort(0),
                    new AccessToken("shift-test-token-0123456789", "test", false), EventStore.open(dir.resolve("events.csv")),
                    org.narrativewatch.server.ShiftFinder.DETECTOR).start()) {
                for (String model : new String[] {"poisson", "binomial", ""}) {
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + server.port() + "/api/shifts?by=day&model=" + model + "&q="
                                    + URLEncoder.encode("переговоры", StandardCharsets.UTF_8))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                    JsonNode j = new ObjectMapper().readTree(r.body());
                    assertEquals("переговоры", j.path("query").asText());
                    if (!model.isEmpty()) {
                        assertEquals(model, j.path("model").asText());
                    }
                    assertEquals(1, j.path("changes").size(), r.body());
                    JsonNode c = j.path("changes").get(0);
                    long off = Math.abs(LocalDate.parse(c.path("date").asText()).toEpochDay() - start.plusDays(30).toEpochDay());
                    assertTrue(off <= 2, "change at " + c.path("date").asText());
                    assertTrue(c.path("after").asDouble() > c.path("before").asDouble());
                    assertTrue(c.path("p").asDouble() < 0.01, c.toString());
                }
            }
        }
    }
}
