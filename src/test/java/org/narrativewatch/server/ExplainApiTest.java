package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.narrativewatch.explain.ExplainRequest;
import org.narrativewatch.explain.Explainer;
import org.narrativewatch.explain.ExplanationFormat;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/** /api/explain, /api/cooccur and shifts with explain=true over the fixture corpus: the CLI's classes, the CLI's JSON. */
class ExplainApiTest {

    // a fixed change point, so the test is about the explanation attached to it, not about detection
    @RegisterExtension
    static final FixtureServer fx = new FixtureServer("nwatch-explain-api-test", "explain-api-test-token-0123456789")
            .queryTimeout(Duration.ofSeconds(30))
            .shifts((query, series, model) -> Views.MAPPER.createObjectNode().put("query", query)
                    .set("changes", Views.MAPPER.createArrayNode().add(Views.MAPPER.createObjectNode().put("date", "2022-02-21"))));

    static JsonNode json(String path) throws Exception {
        return fx.json(path, 200);
    }

    @Test
    void explainAnswersWhatTheCliPrints() throws Exception {
        JsonNode api = json("/api/explain?q=" + Http.enc("переговоры") + "&from=2022-02-21&to=2022-02-27&vs=rest&min_count=1");
        Selection week = new Selection(LocalDate.of(2022, 2, 21), LocalDate.of(2022, 2, 27), Set.of(), Set.of(), Set.of());
        ExplainRequest req = new ExplainRequest(Query.parse("переговоры"), week, null, null, 20, 1, 0.05, 500, "g2", false);
        // through text, as the API's answer went, so numbers compare as the same JSON nodes
        JsonNode cli = Views.MAPPER.readTree(Views.MAPPER.writeValueAsString(
                ExplanationFormat.toJson(new Explainer(fx.engine, NameTagger.create()).explain(req))));
        assertEquals(3, api.path("window").path("articles").asLong());
        assertEquals(4, api.path("baseline").path("articles").asLong());
        assertEquals("rest", api.path("baseline").path("kind").asText());
        assertEquals(cli.path("terms"), api.path("terms"));
        assertEquals(cli.path("outlets"), api.path("outlets"));
        assertTrue(api.path("terms").size() > 0);
        // talks are all on state.example: that outlet carries the window's articles
        JsonNode state = api.path("outlets").get(0);
        assertEquals("state.example", state.path("name").asText());
        assertEquals(3, state.path("count").asLong());
    }

    @Test
    void cooccurListsEveryBucket() throws Exception {
        JsonNode r = json("/api/cooccur?q=" + Http.enc("переговоры") + "&within=5&by=week&min_count=1");
        assertEquals(5, r.path("within").asInt());
        assertTrue(r.path("measure").asText().startsWith("log-likelihood"));
        assertEquals(3, r.path("buckets").size());
        assertEquals(0, r.path("buckets").get(2).path("count").asLong());
    }

    @Test
    void shiftsCarryWhatChanged() throws Exception {
        JsonNode r = json("/api/shifts?q=" + Http.enc("переговоры") + "&by=week&explain=true");
        JsonNode explain = r.path("changes").get(0).path("explain");
        assertEquals("2022-02-21", explain.path("window").path("from").asText());
        assertEquals("2022-02-20", explain.path("baseline").path("to").asText());
        assertEquals(3, explain.path("window").path("articles").asLong());
        assertTrue(explain.has("terms") && explain.has("outlets") && explain.has("articles"));
        JsonNode plain = json("/api/shifts?q=" + Http.enc("переговоры") + "&by=week");
        assertTrue(plain.path("changes").get(0).path("explain").isMissingNode());
    }

    @Test
    void badParametersAre400() throws Exception {
        assertEquals(400, fx.http.get("/api/explain?q=" + Http.enc("переговоры") + "&vs=yesterday").statusCode());
        assertEquals(400, fx.http.get("/api/explain?q=" + Http.enc("переговоры") + "&top=0").statusCode());
        assertEquals(400, fx.http.get("/api/cooccur?q=" + Http.enc("переговоры") + "&by=fortnight").statusCode());
        assertEquals(400, fx.http.get("/api/explain?q=" + Http.enc("(")).statusCode());
    }
}
