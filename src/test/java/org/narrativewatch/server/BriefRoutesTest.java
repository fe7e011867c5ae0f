package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.brief.BriefContext;
import org.narrativewatch.brief.BriefFixture;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;

/** {@code nwatch serve --briefs DIR}: list, live rendering, the check's JSON, a view as a figure block, appending. */
class BriefRoutesTest {
    static final String TOKEN = "brief-routes-token-0123456789";
    @TempDir
    static Path dir;
    static Engine engine;
    static DashboardServer server;
    static Http http;
    static Path briefs;

    @BeforeAll
    static void start() throws Exception {
        try (Engine e = BriefFixture.index(dir.resolve("index"))) {
            e.name();
        }
        Path data = BriefFixture.data(dir.resolve("data"));
        engine = LuceneEngine.open(dir.resolve("index"));
        briefs = Files.createDirectories(dir.resolve("briefs"));
        Files.writeString(briefs.resolve("summit.md"), "# Summit <b>watch</b>\n\nCount: {{summit}}.\n\n```figure\nid: summit\n"
                + "media: {query: 'саммит', by: week, from: 2024-01-01, to: 2024-06-30}\nexpect: {change: up, near: 2024-04-01}\n```\n");
        Files.writeString(briefs.resolve("notes.txt"), "not a brief");
        server = new DashboardServer(engine, ServerOptions.defaults(dir.resolve("events.csv")).withPort(0),
                new AccessToken(TOKEN, "test", false), EventStore.open(dir.resolve("events.csv")), null)
                .withBriefs(briefs, b -> new BriefContext.Sources(() -> engine, "--index " + dir.resolve("index"), null, data, null,
                        null, "nwatch test", false))
                .start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        engine.close();
    }

    @Test
    void listsRendersAndChecks() throws Exception {
        JsonNode list = Views.MAPPER.readTree(http.get("/api/briefs").body());
        JsonNode summit = null;
        for (JsonNode b : list.get("briefs")) {
            assertTrue(b.get("name").asText().endsWith(".md"), "only .md files are briefs: " + b);
            summit = b.get("name").asText().equals("summit.md") ? b : summit;
        }
        assertEquals(1, summit.get("figures").asInt());
        HttpResponse<String> page = http.get("/briefs/summit.md");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        assertTrue(page.body().contains("Summit &lt;b&gt;watch&lt;/b&gt;"), "escaped title");
        assertTrue(page.body().contains("data-status=\"holds\""));
        JsonNode check = Views.MAPPER.readTree(http.get("/api/briefs/summit.md/check").body());
        assertEquals("holds", check.get("claims").get(0).get("status").asText());
        assertEquals(404, http.get("/briefs/missing.md").statusCode());
        int traversal = http.get("/briefs/..%2F..%2Findex%2Fsecret.md").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "no way out of the briefs folder: " + traversal);
        assertEquals(400, http.get("/briefs/notes.txt").statusCode());
    }

    @Test
    void aViewBecomesAFigureAndIsAppendedWithTheToken() throws Exception {
        HttpResponse<String> fig = http.get("/api/briefs/figure?q=" + Http.enc("переговоры") + "&by=month&from=2024-01-01&to=2024-06-30&mode=share");
        assertEquals(200, fig.statusCode(), fig.body());
        String block = Views.MAPPER.readTree(fig.body()).get("block").asText();
        assertTrue(block.startsWith("```figure\n") && block.contains("measure: share") && block.contains("by: month"), block);
        String body = block.replace("id: figure-", "id: talks-").replaceAll("id: [^\\n]+", "id: talks");
        assertEquals(401, http.send("POST", "/api/briefs/new.md/figures", "text/plain", body, null).statusCode());
        HttpResponse<String> ok = http.send("POST", "/api/briefs/new.md/figures", "text/plain", body, TOKEN);
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals(409, http.send("POST", "/api/briefs/new.md/figures", "text/plain", body, TOKEN).statusCode());
        HttpResponse<String> bad = http.send("POST", "/api/briefs/new.md/figures", "text/plain", "```figure\nid: x\nmedia: [\n```", TOKEN);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("malformed YAML"), bad.body());
        JsonNode check = Views.MAPPER.readTree(http.get("/api/briefs/new.md/check").body());
        assertEquals("computed", check.get("claims").get(0).get("status").asText(), check.toString());
        assertEquals(2.0 / 10, check.get("claims").get(0).get("value").asDouble(), 1e-12); // 2 of 10 a day mention talks
        assertFalse(Files.readString(briefs.resolve("new.md")).isBlank());
    }
}
