package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.narrativewatch.index.CostlyCorpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/**
 * Issue 19.1 at the server's pool: a query past its time is stopped and its worker is free when the
 * 503 goes out; expensive queries run on the heavy lane, so a cheap query is answered within a
 * second while they run. The index is generated so that the hostile query takes many seconds.
 */
class QueryRunnerTest {

    static LuceneEngine engine;

    @BeforeAll
    static void build() throws IOException {
        engine = LuceneEngine.open(CostlyCorpus.shared());
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    static long count(String q) throws IOException {
        return engine.search(Query.parse(q), Selection.ALL, 0, Engine.HitOrder.NEWEST).total();
    }

    @Test
    void theWorkerIsFreeWhenThe503IsSent() {
        try (QueryRunner runner = new QueryRunner(2, 16, Duration.ofMillis(1500))) {
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                ApiException e = assertThrows(ApiException.class, () -> runner.run(() -> count(CostlyCorpus.HOSTILE)));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                int busy = runner.busyWorkers();
                assertEquals(503, e.status);
                assertTrue(e.getMessage().contains("was stopped"), e.getMessage());
                assertEquals(0, busy, "a worker still busy when the 503 was sent");
                assertTrue(ms < 1500 + 1000, "503 after " + ms + " ms for a 1.5 s limit");
                System.out.printf("runner: 503 after %d ms (limit 1500), busy workers then: %d%n", ms, busy);
            }
        }
    }

    @Test
    void aNormalQueryIsAnsweredWithinASecondWhileHostileOnesRun() throws Exception {
        long expected = count(CostlyCorpus.NORMAL);
        try (QueryRunner runner = new QueryRunner(2, 16, Duration.ofSeconds(2))) {
            runner.run(() -> count(CostlyCorpus.NORMAL)); // warm
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<CompletableFuture<Integer>> hostile = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                hostile.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        runner.run(() -> count(CostlyCorpus.HOSTILE));
                        return 200;
                    } catch (ApiException e) {
                        return e.status;
                    }
                }, clients));
            }
            Thread.sleep(200);
            List<Long> normal = new ArrayList<>();
            while (hostile.stream().anyMatch(f -> !f.isDone())) {
                long t0 = System.nanoTime();
                assertEquals(expected, runner.run(() -> count(CostlyCorpus.NORMAL)));
                normal.add((System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(50);
            }
            for (CompletableFuture<Integer> f : hostile) {
                assertEquals(503, f.get());
            }
            clients.shutdown();
            long worst = normal.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(normal.size() >= 10, "too few normal queries ran: " + normal);
            assertTrue(worst < 1000, "a normal query took " + worst + " ms while hostile ones ran: " + normal);
            assertEquals(0, runner.busyWorkers());
            System.out.printf("runner: %d normal queries while 4 hostile ran, worst %d ms%n", normal.size(), worst);
        }
    }
}
