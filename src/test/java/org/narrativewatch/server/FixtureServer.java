package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.narrativewatch.index.Engine;

/**
 * The API tests' server, as a class-level extension: {@link FixtureCorpus} indexed in a fresh temporary folder, a
 * {@link DashboardServer} over it on a free port, and a client for it. Register it with
 * {@code @RegisterExtension static final FixtureServer fx = new FixtureServer(...)}; it starts before the class's
 * {@code @BeforeAll} methods and closes after its {@code @AfterAll} ones.
 */
final class FixtureServer implements BeforeAllCallback, AfterAllCallback {

    /** What a test adds to the server before it starts (a territory folder, a poll store), given the temporary folder. */
    @FunctionalInterface
    interface Setup {
        DashboardServer apply(DashboardServer server, Path dir) throws Exception;
    }

    private final String name;
    private final String token;
    private Duration queryTimeout = Duration.ofSeconds(20);
    private ShiftFinder shifts;
    private Setup setup = (s, d) -> s;

    Path dir;
    Engine engine;
    ServerOptions options;
    DashboardServer server;
    Http http;

    /** @param name prefix of the temporary folder; @param token the server's access token */
    FixtureServer(String name, String token) {
        this.name = name;
        this.token = token;
    }

    FixtureServer queryTimeout(Duration timeout) {
        this.queryTimeout = timeout;
        return this;
    }

    FixtureServer shifts(ShiftFinder finder) {
        this.shifts = finder;
        return this;
    }

    FixtureServer setup(Setup then) {
        this.setup = then;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory(name);
        engine = FixtureCorpus.build(dir.resolve("index"));
        options = ServerOptions.defaults(dir.resolve("events.csv")).withPort(0).withQueryTimeout(queryTimeout);
        server = setup.apply(new DashboardServer(engine, options, new AccessToken(token, "test", false),
                EventStore.open(dir.resolve("events.csv")), shifts), dir).start();
        http = new Http(server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
        engine.close();
    }

    /** GETs {@code path}, checks the status (the body in the message when it differs) and parses the JSON answer. */
    JsonNode json(String path, int status) throws Exception {
        HttpResponse<String> r = http.get(path);
        assertEquals(status, r.statusCode(), path + " -> " + r.body());
        return Views.MAPPER.readTree(r.body());
    }
}
