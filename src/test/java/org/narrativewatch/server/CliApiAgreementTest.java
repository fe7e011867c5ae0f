package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.narrativewatch.cli.Main;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import picocli.CommandLine;

/**
 * One wire format per result type (issue 18.2): for the same request, {@code nwatch … --format json} and the API
 * print the same JSON, for search results, poll series, territory figures and change points. And one error in each
 * caller's words (18.3): a bad setting is named by its flag on the command line and by its parameter in the API,
 * the API adding the parameter (and a range's dates) as fields.
 *
 * <p>The CLI runs first, in-process through {@link Main}, on the fixture index (the embedded engine holds a write
 * lock, so the server opens the index after); the server then answers the same requests on the same files.
 */
class CliApiAgreementTest {

    record Run(int code, String out, String err) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TALKS = "переговоры";
    private static final String SCENARIO = "name: West to Russia\nsteps:\n  - to: russia\n    regions: [West Oblast]\n";

    private static Path dir;
    private static Engine engine;
    private static DashboardServer server;
    private static Http http;
    /** Every CLI call the tests compare, run before the server opens the index, by its arguments. */
    private static final Map<List<String>, Run> CLI = new LinkedHashMap<>();

    private static final List<List<String>> CALLS = new ArrayList<>();

    private static List<String> call(String... args) {
        List<String> a = List.of(args);
        CALLS.add(a);
        return a;
    }

    private static final List<String> SEARCH = call("search", TALKS, "--limit", "5", "--format", "json");
    private static final List<String> SEARCH_RELEVANCE = call("search", TALKS + " OR делегаций", "--sort", "relevance",
            "--from", "2022-02-20", "--outlet", "state.example", "--format", "json");
    private static final List<String> POLLS = call("opinion", "list", "--format", "json");
    private static final List<String> POLL = call("opinion", "list", "--series", MapFixture.POLL_ID, "--format", "json");
    private static final List<String> SHIFTS = call("shifts", TALKS, "--by", "day", "--format", "json");
    private static final List<String> SHIFTS_POISSON = call("shifts", TALKS, "--by", "week", "--model", "poisson", "--format", "json");
    private static final List<String> RANGE = call("timeline", TALKS, "--from", "2022-03-01", "--to", "2022-02-20");
    private static final List<String> MODEL = call("shifts", TALKS, "--model", "lognormal");
    private static final List<String> YEAR = call("search", TALKS, "--from", "0000-01-01");
    private static final List<String> BY = call("shifts", TALKS, "--by", "fortnight");

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("nwatch-agreement-test");
        Path index = dir.resolve("index");
        FixtureCorpus.build(index).close();
        MapFixture.polls(dir.resolve("polls.json")); // beside the index, where the CLI looks for it
        Path geo = MapFixture.geo(dir.resolve("geo"));
        Files.writeString(dir.resolve("west.yaml"), SCENARIO);
        for (List<String> c : CALLS) {
            List<String> args = new ArrayList<>(c);
            if (!args.get(0).equals("territory")) {
                args.addAll(List.of("--index", index.toString()));
            }
            CLI.put(c, run(args.toArray(String[]::new)));
        }
        for (String date : List.of("2025-01-01", "2025-01-05", "2025-01-10")) {
            CLI.put(List.of("territory stats", date), run("territory", "stats", "--data", geo.toString(), "--date", date,
                    "--format", "json"));
            CLI.put(List.of("territory scenario", date), run("territory", "scenario", dir.resolve("west.yaml").toString(),
                    "--data", geo.toString(), "--date", date, "--format", "json"));
        }
        engine = LuceneEngine.open(index);
        ServerOptions opts = ServerOptions.defaults(dir.resolve("events.csv")).withPort(0).withQueryTimeout(Duration.ofSeconds(30));
        server = new DashboardServer(engine, opts, new AccessToken("agreement-test-token-0123456789", "test", false),
                EventStore.open(dir.resolve("events.csv")), ShiftFinder.DETECTOR)
                .withTerritory(geo).withPolls(dir.resolve("polls.json")).start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = Main.execute(cl, args);
        return new Run(code, o.toString(), e.toString());
    }

    private static JsonNode cli(List<String> call) throws Exception {
        Run r = CLI.get(call);
        assertEquals(0, r.code(), call + ": " + r.err());
        return JSON.readTree(r.out());
    }

    private static JsonNode api(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode api(String path) throws Exception {
        return api(http.get(path), 200);
    }

    @Test
    void searchResultsAreTheSameJson() throws Exception {
        JsonNode cli = cli(SEARCH);
        assertEquals(cli, api("/api/search?limit=5&q=" + Http.enc(TALKS)));
        assertEquals(4, cli.path("total").asInt(), "1 + 3 + 0 articles with talks in the fixture's three weeks");
        assertFalse(cli.path("hits").get(0).path("title_matches").isEmpty(), cli.toString());
        JsonNode relevance = cli(SEARCH_RELEVANCE);
        assertEquals(relevance, api("/api/search?order=relevance&from=2022-02-20&outlet=state.example&q="
                + Http.enc(TALKS + " OR делегаций")));
        assertTrue(relevance.path("hits").get(0).path("score").asDouble() > 0, relevance.toString());
    }

    @Test
    void pollSeriesAreTheSameJson() throws Exception {
        JsonNode list = cli(POLLS);
        assertEquals(list, api("/api/polls").path("series"));
        assertEquals(3, list.get(0).path("points").asInt());
        JsonNode one = cli(POLL);
        assertEquals(one, api("/api/polls/" + MapFixture.POLL_ID));
        JsonNode p = one.path("points").get(0);
        // canonical names and the aliases of the shapes the CLI and the API had before
        assertEquals(p.path("start"), p.path("fieldwork_from"));
        assertEquals(p.path("end"), p.path("fieldwork_to"));
        assertEquals(1600, p.path("n").asInt());
        assertEquals(p.path("n"), p.path("n_used"));
        assertFalse(p.path("n_assumed").asBoolean());
        assertEquals(list.get(0).path("n_assumed"), list.get(0).path("points_with_assumed_n"));
    }

    @Test
    void territoryFiguresAreTheSameJson() throws Exception {
        for (String date : List.of("2025-01-01", "2025-01-05", "2025-01-10")) {
            JsonNode stats = cli(List.of("territory stats", date));
            assertEquals(stats, api("/api/territory/control?date=" + date).path("stats"), date);
            JsonNode scenario = cli(List.of("territory scenario", date));
            assertEquals(scenario, api(http.send("POST", "/api/territory/scenario?date=" + date, "application/yaml", SCENARIO,
                    null), 200).path("result"), date);
            assertEquals(100000, scenario.path("total").path("population_to_russia").asLong());
        }
    }

    @Test
    void changePointsAreTheSameJson() throws Exception {
        JsonNode auto = cli(SHIFTS);
        assertEquals(auto, api("/api/shifts?by=day&q=" + Http.enc(TALKS)));
        assertEquals(21, auto.path("n").asInt(), "three weeks by day");
        JsonNode poisson = cli(SHIFTS_POISSON);
        assertEquals("poisson", poisson.path("model").asText());
        assertEquals(poisson, api("/api/shifts?by=week&model=poisson&q=" + Http.enc(TALKS)));
    }

    @Test
    void aRangeErrorNamesFlagsOnTheCommandLineAndParametersInTheApi() throws Exception {
        Run r = CLI.get(RANGE);
        assertEquals(1, r.code());
        assertEquals("nwatch: --to 2022-02-20 is before --from 2022-03-01", r.err().strip());
        JsonNode e = api(http.get("/api/timeline?from=2022-03-01&to=2022-02-20&q=" + Http.enc(TALKS)), 400);
        assertEquals("parameter to 2022-02-20 is before parameter from 2022-03-01", e.path("error").asText());
        assertEquals("to", e.path("param").asText());
        assertEquals("2022-03-01", e.path("from").asText());
        assertEquals("2022-02-20", e.path("to").asText());
    }

    @Test
    void anInvalidSettingNamesItsFlagOnTheCommandLineAndItsParameterInTheApi() throws Exception {
        Run model = CLI.get(MODEL);
        assertEquals(1, model.code());
        assertTrue(model.err().startsWith("nwatch: --model must be auto, poisson, negative-binomial, binomial"), model.err());
        JsonNode e = api(http.get("/api/shifts?model=lognormal&q=" + Http.enc(TALKS)), 400);
        assertTrue(e.path("error").asText().startsWith("parameter model must be auto, poisson, negative-binomial, binomial"), e.toString());
        assertFalse(e.path("error").asText().contains("--"), e.toString());
        assertEquals("model", e.path("param").asText());

        Run year = CLI.get(YEAR);
        assertEquals("nwatch: --from: the year must be between 1 and 9999, not 0", year.err().strip());
        JsonNode y = api(http.get("/api/search?from=0000-01-01&q=" + Http.enc(TALKS)), 400);
        assertEquals("parameter from: the year must be between 1 and 9999, not 0", y.path("error").asText());
        assertEquals("from", y.path("param").asText());

        Run by = CLI.get(BY);
        assertEquals(2, by.code(), "picocli checks an enum option: a usage error");
        assertTrue(by.err().contains("--by"), by.err());
        JsonNode b = api(http.get("/api/shifts?by=fortnight&q=" + Http.enc(TALKS)), 400);
        assertEquals("parameter by must be day, week or month, not 'fortnight'", b.path("error").asText());
        assertEquals("by", b.path("param").asText());
    }
}
