package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.DayRange;

/** Issue 19.4: a series never spans more than the corpus, nor more than the bucket cap. */
class RangeBoundsTest {

    @TempDir
    Path tmp;

    @Test
    void openEndsTakeTheCorpusAndWideEndsAreClamped() {
        DayRange corpus = new DayRange(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        DayRange r = Selection.ALL.withDates(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)).days(corpus).orElseThrow();
        assertEquals(corpus, r);
        r = Selection.ALL.withDates(null, LocalDate.of(2020, 3, 1)).days(corpus).orElseThrow();
        assertEquals(LocalDate.of(2020, 1, 1), r.first());
        assertEquals(LocalDate.of(2020, 3, 1), r.last());
        assertTrue(Selection.ALL.withDates(LocalDate.of(2021, 1, 1), null).days(corpus).isEmpty(), "a range after the corpus");
        assertTrue(Selection.ALL.days(null).isEmpty(), "an empty corpus");
        assertEquals(366, RangeBounds.buckets(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), Bucketing.DAY));
        assertEquals(12, RangeBounds.buckets(LocalDate.of(2020, 1, 15), LocalDate.of(2020, 12, 1), Bucketing.MONTH));
    }

    @Test
    void aCorpusWithCenturiesOfDatesRefusesADailySeriesWithAClearMessage() throws Exception {
        try (LuceneEngine e = LuceneEngine.open(tmp.resolve("idx"))) {
            e.add(new Article("https://old.example/1", "Old", null, OffsetDateTime.parse("1901-01-01T00:00:00Z"),
                    DateQuality.EXACT, "ru", "Старое", "", null));
            e.add(new Article("https://new.example/1", "New", null, OffsetDateTime.parse("2025-01-01T00:00:00Z"),
                    DateQuality.EXACT, "ru", "Новое", "", null));
            e.commit(Map.of());
            UserException x = assertThrows(UserException.class,
                    () -> Corpus.of(e).timeline(Query.parse("*"), Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES));
            assertTrue(x.getMessage().contains("more than " + RangeBounds.MAX_BUCKETS), x.getMessage());
            assertEquals(1, x.getMessage().lines().count());
            // weeks fit, and so does a daily series of a narrower range
            assertEquals(6470, Corpus.of(e).timeline(Query.parse("*"), Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES)
                    .buckets().size(), 1);
            var s = Corpus.of(e).timeline(Query.parse("*"), Selection.ALL.withDates(LocalDate.of(2024, 12, 1), LocalDate.of(9999, 1, 1)),
                    Bucketing.DAY, Engine.CountUnit.ARTICLES);
            assertEquals(32, s.buckets().size());
            assertEquals(1, s.buckets().get(31).count());
        }
    }
}
