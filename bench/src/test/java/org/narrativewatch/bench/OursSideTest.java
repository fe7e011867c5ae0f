package org.narrativewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.query.Query;

/** The in-process runner on a small index of articles written here: counts are the engine's, times are real. */
class OursSideTest {

    @TempDir
    Path tmp;

    private static Article article(int i, int day, String title) {
        return new Article("https://example.org/" + i, "outlet", null,
                OffsetDateTime.of(2024, 3, day, 10, 0, 0, 0, ZoneOffset.UTC), DateQuality.EXACT, "ru", title, "", null);
    }

    @Test
    void timesEveryWorkloadAndCountsItsMatches() throws Exception {
        Path index = tmp.resolve("idx");
        try (LuceneEngine e = LuceneEngine.open(index)) {
            e.add(article(1, 1, "Путин провёл переговоры"));
            e.add(article(2, 1, "Встреча Путина и Зеленского не состоялась"));
            e.add(article(3, 2, "Украина и переговоры"));
            e.add(article(4, 3, "Погода в Москве"));
            e.commit(Map.of());
        }
        OursSide ours = new OursSide(Path.of("nwatch"), new Caches(false), 0);
        Map<String, Long> expected = Map.of("word", 2L, "and-or", 2L, "phrase", 0L, "near", 1L, "share", 1L, "top20", 2L);
        OursSide.prime(index, Workload.ALL);
        for (Workload w : Workload.ALL) {
            for (int i = 0; i < 2; i++) {
                Call cold = ours.coldInProcess(w, index);
                assertEquals(expected.get(w.name()), cold.count(), w.name());
                assertTrue(cold.ms() > 0, w.name());
            }
            Query q = Query.parse(w.ours());
            try (LuceneEngine e = LuceneEngine.open(index)) {
                ours.warmUp(e, w, q);
                List<Double> runs = OursSide.timedRuns(e, w, q, 3, expected.get(w.name()));
                assertEquals(3, runs.size());
                assertTrue(runs.stream().allMatch(t -> t > 0), w.name());
                assertThrows(IllegalStateException.class, () -> OursSide.timedRuns(e, w, q, 1, 99),
                        "a count other than the cold calls' stops the run");
            }
        }
        assertTrue(OursSide.sizeMiB(index) > 0);
    }

    @Test
    void readsCountsFromTheCliJson() throws Exception {
        Workload word = Workload.ALL.get(0);
        String timeline = "{\"query\":\"путин\",\"buckets\":[{\"start\":\"2024-03-01\",\"count\":2,\"total\":2},"
                + "{\"start\":\"2024-03-02\",\"count\":0,\"total\":1,\"gap\":false}]}";
        assertEquals(2L, OursSide.cliCount(word, timeline));
        Workload search = Workload.ALL.stream().filter(w -> w.kind() == Workload.Kind.SEARCH).findFirst().orElseThrow();
        assertEquals(41L, OursSide.cliCount(search, "{\"query\":\"x\",\"total\":41,\"hits\":[]}"));
    }
}
