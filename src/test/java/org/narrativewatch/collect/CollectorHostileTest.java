package org.narrativewatch.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.ingest.http.HttpFetcher;
import org.narrativewatch.ingest.http.LocalHttpServer;
import org.narrativewatch.ingest.outlets.OutletDirectory;

/** Issue 19.5: a hostile feed never takes an outlet out of the cycle in silence. */
class CollectorHostileTest {

    @TempDir
    Path dir;
    private LocalHttpServer server;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Collector collector(MemoryEngine engine, String... names) throws IOException {
        StringBuilder body = new StringBuilder("timezone: Europe/Moscow\noutlets:\n");
        for (String n : names) {
            body.append("  - name: ").append(n).append("\n    group: state\n    lang: ru\n    feeds: [\"")
                    .append(server.uri("/" + n + "/rss")).append("\"]\n");
        }
        Path f = dir.resolve("outlets.yaml");
        Files.writeString(f, body.toString());
        return new Collector(engine, OutletDirectory.fromFile(f), StateStore.open(dir.resolve("index.collect.json")),
                new HttpFetcher(CollectorTest.fastPolicy()), 2, log::add);
    }

    @Test
    void deepMarkupAndHostileItemsAreHandledPerItem() throws Exception {
        String deep = "<b>".repeat(3000) + "глубоко" + "</b>".repeat(3000);
        server.text("/deep.test/rss", 200, "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>d</title><item><title>Глубокая</title><link>https://deep.test/1</link><description>" + deep
                + "</description><pubDate>Thu, 24 Feb 2022 10:00:00 +0300</pubDate></item>"
                + "<item><title>Будущая</title><link>https://deep.test/2</link><pubDate>Fri, 01 Jan 2099 10:00:00 +0300</pubDate></item>"
                + "<item><title>Длинная</title><link>https://deep.test/" + "x".repeat(40_000) + "</link>"
                + "<pubDate>Thu, 24 Feb 2022 10:00:00 +0300</pubDate></item>"
                + "<item><title>Скрипт</title><link>javascript:alert(1)</link></item></channel></rss>");
        MemoryEngine engine = new MemoryEngine();
        try (Collector c = collector(engine, "deep.test")) {
            CycleReport r = c.runCycle();
            assertEquals(1, r.answered(), r.summary());
            assertEquals(1, r.added(), r.summary());
            assertEquals(3, r.rejected(), r.summary());
            assertTrue(engine.committed.values().iterator().next().text().contains("глубоко"));
            assertEquals("ok", c.store().get("deep.test", null).result());
        }
    }

    @Test
    void aFailureThatEscapesAnOutletIsRecordedInItsStatus() throws Exception {
        for (String n : List.of("good.test", "crash.test")) {
            server.text("/" + n + "/rss", 200, "application/rss+xml", CollectorTest.rss(n, 1, 2));
        }
        MemoryEngine engine = new MemoryEngine();
        engine.beforeAdd = a -> {
            if (a.outlet().equals("crash.test")) {
                throw new StackOverflowError(); // what 3,000 nested tags did inside ROME before the depth limit
            }
        };
        try (Collector c = collector(engine, "good.test", "crash.test")) {
            CycleReport r = c.runCycle();
            assertEquals(2, r.outlets(), r.summary());
            assertEquals(1, r.answered(), r.summary());
            assertEquals(1, r.failed(), r.summary());
            OutletState crashed = c.store().get("crash.test", null);
            assertNotNull(crashed.lastFetch(), "tried, not 'never'");
            assertEquals("error", crashed.result());
            assertTrue(crashed.errors().get(crashed.errors().size() - 1).message().contains("nested too deeply"),
                    crashed.errors().toString());
            assertEquals("ok", c.store().get("good.test", null).result());
            assertEquals(2, engine.committed.size());
        }
    }
}
