package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.narrativewatch.UserException;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * Issue 19.1: a query's cost is known before it runs and held to a budget, and a bounded call is
 * really stopped: the search returns (with {@link QueryGuard.Stopped}) within a short time of its
 * deadline or of {@link QueryGuard#stop()}, on an index where the hostile query runs for many seconds.
 */
class QueryGuardTest {

    static LuceneEngine engine;
    static DirectoryReader reader;

    @BeforeAll
    static void build() throws IOException {
        Path dir = CostlyCorpus.shared();
        engine = LuceneEngine.open(dir);
        reader = DirectoryReader.open(FSDirectory.open(dir));
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        engine.close();
    }

    static QueryCost cost(String q) throws IOException {
        return QueryCost.estimate(Query.parse(q).root(), new LuceneTermDictionary(reader));
    }

    static long count(String q) throws IOException {
        return engine.search(Query.parse(q), Selection.ALL, 0, Engine.HitOrder.NEWEST).total();
    }

    @Test
    void theHostileChainIsUnderBudgetButHeavy() throws IOException {
        QueryCost c = cost(CostlyCorpus.HOSTILE);
        assertTrue(c.termReads() <= QueryCost.MAX_TERM_READS && c.postings() <= QueryCost.MAX_POSTINGS, c.toString());
        assertTrue(c.heavy(), c.toString());
        // the normal query is light
        assertFalse(cost(CostlyCorpus.NORMAL).heavy());
    }

    @Test
    void theDeadlineStopsTheSearchInsideTheIntervalIterators() throws Exception {
        // it really is expensive (about a second on a quiet machine, many under load): 200 ms are not enough for it
        long t0 = System.nanoTime();
        assertThrows(QueryGuard.Stopped.class, () -> QueryGuard.after(Duration.ofMillis(200), false)
                .call(() -> count(CostlyCorpus.HOSTILE)));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMs < 200 + 1_000, "stopped " + (tookMs - 200) + " ms after its deadline");
        System.out.printf("guard: hostile chain stopped %d ms after a 200 ms deadline%n", tookMs - 200);

        for (String path : new String[] {"search", "timeline"}) {
            long s0 = System.nanoTime();
            QueryGuard g = QueryGuard.after(Duration.ofMillis(150), false);
            assertThrows(QueryGuard.Stopped.class, () -> g.call(() -> path.equals("search")
                    ? count(CostlyCorpus.HOSTILE)
                    : Corpus.of(engine).timeline(Query.parse(CostlyCorpus.HOSTILE), Selection.ALL, Bucketing.DAY,
                            Engine.CountUnit.ARTICLES)));
            long ms = (System.nanoTime() - s0) / 1_000_000;
            assertTrue(ms < 150 + 1_000, path + ": stopped " + (ms - 150) + " ms after a 150 ms deadline");
            System.out.printf("guard: %s stopped %d ms after a 150 ms deadline%n", path, ms - 150);
        }
    }

    @Test
    void stopFromAnotherThreadFreesTheWorker() throws Exception {
        QueryGuard g = QueryGuard.after(Duration.ofMinutes(5), false);
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
            try {
                return g.call(() -> count(CostlyCorpus.HOSTILE));
            } catch (Exception e) {
                return e;
            }
        });
        Thread.sleep(500);
        assertFalse(run.isDone(), "the hostile query finished in 0.5 s: the corpus is not costly enough to test this");
        long t0 = System.nanoTime();
        g.stop();
        Object outcome = run.get(2, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(outcome instanceof QueryGuard.Stopped, String.valueOf(outcome));
        assertTrue(ms < 1_000, "the worker let go " + ms + " ms after stop()");
        System.out.printf("guard: the worker let go %d ms after stop()%n", ms);
    }

    @Test
    void aGuardedAnswerIsTheWholeAnswer() throws Exception {
        for (String q : new String[] {CostlyCorpus.NORMAL, "переговоры", "переговоры NEAR/3 удар", "код*",
                "переговоры ONEAR/0 удар ONEAR/0 ракета"}) {
            long plain = count(q);
            long guarded = QueryGuard.after(Duration.ofMinutes(1), false).call(() -> count(q));
            assertEquals(plain, guarded, q);
            Series a = Corpus.of(engine).timeline(Query.parse(q), Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
            Series b = QueryGuard.after(Duration.ofMinutes(1), false).call(() -> Corpus.of(engine)
                    .timeline(Query.parse(q), Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES));
            assertEquals(a.buckets(), b.buckets(), q);
        }
    }

    @Test
    void aHeavyQueryLeavesTheLightLaneBeforeItSearches() throws Exception {
        QueryGuard light = QueryGuard.after(Duration.ofMinutes(1), true);
        long t0 = System.nanoTime();
        QueryGuard.MoveToHeavyLane m = assertThrows(QueryGuard.MoveToHeavyLane.class,
                () -> light.call(() -> count(CostlyCorpus.HOSTILE)));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 1_000, "the estimate alone took more than a second");
        assertTrue(m.cost().heavy());
        assertEquals(count(CostlyCorpus.NORMAL), (long) light.call(() -> count(CostlyCorpus.NORMAL)));
    }

    @Test
    void overBudgetIsRefusedBeforeSearchingAndNamesTheCostliestWord() throws IOException {
        QueryCost one = cost("код*");
        assertEquals(CostlyCorpus.FORMS, one.expansions(), one.toString());
        // four prefixes of 1,000 forms in a NEAR chain: evaluated 8, 8, 4 and 2 times
        String chain = "код* NEAR/5 код* NEAR/5 код* NEAR/5 код*";
        QueryCost c = cost(chain);
        assertEquals(22L * CostlyCorpus.FORMS, c.termReads(), c.toString());
        long t0 = System.nanoTime();
        UserException e = assertThrows(UserException.class, () -> count(chain));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2_000);
        assertTrue(e.getMessage().startsWith("query error: the query is too expensive"), e.getMessage());
        assertTrue(e.getMessage().contains("'код*' stands for 1,000 index terms and is evaluated 8 times"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        // three of them fit
        assertTrue(cost("код* NEAR/5 код* NEAR/5 код*").termReads() <= QueryCost.MAX_TERM_READS);
    }
}
