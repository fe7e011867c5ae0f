package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.InMemoryEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * Issue 16.1 on the detector's side, through the corpus layer: a corpus that starts on a Saturday and ends
 * on a Wednesday, 15 items every day. By week its first and last buckets are cut (2 and 3 days); read as
 * whole weeks they were the "30 → 105" and "105 → 45" false changes; weighed by their days they are none.
 */
class PartialBucketsTest {

    static Series weekly(LocalDate first, LocalDate last, Selection sel) throws IOException {
        InMemoryEngine e = new InMemoryEngine();
        int k = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (int i = 0; i < 15; i++) {
                e.add(new Article("https://t.example/" + k++, "t.example", "", OffsetDateTime.of(d.atTime(8 + i % 10, 0), ZoneOffset.UTC),
                        DateQuality.EXACT, "ru", "", "новости " + i, null));
            }
        }
        e.commit(Map.of());
        return Corpus.of(e).timeline(Query.parse("*"), sel, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
    }

    @Test
    void cutWeeksAtTheCorpusEdgesMakeNoChange() throws IOException {
        LocalDate saturday = LocalDate.of(2000, 1, 1);
        LocalDate wednesday = LocalDate.of(2000, 12, 27);
        Series s = weekly(saturday, wednesday, Selection.ALL);
        Bucket firstBucket = s.buckets().get(0);
        Bucket lastBucket = s.buckets().get(s.buckets().size() - 1);
        assertTrue(firstBucket.partial() && firstBucket.days() == 2 && firstBucket.count() == 30, firstBucket.toString());
        assertTrue(lastBucket.partial() && lastBucket.days() == 3 && lastBucket.count() == 45, lastBucket.toString());
        ShiftOptions poisson = ShiftOptions.DEFAULT.withModel(Model.POISSON); // the dashboard's counts view
        ShiftResult r = ShiftDetector.detect(s, poisson);
        assertEquals(List.of(), r.changes());
        assertEquals(105, r.segments().get(0).level().level(), 1e-9, "a rate per whole week");
        // the same counts read as whole weeks: the two false changes of the issue
        List<Bucket> whole = s.buckets().stream().map(b -> Bucket.whole(Bucketing.WEEK, b.start(), b.count(), b.total())).toList();
        ShiftResult naive = ShiftDetector.detect(new Series(s.label(), s.by(), s.from(), s.to(), s.unit(), whole), poisson);
        assertEquals(List.of(1, whole.size() - 1), naive.changes().stream().map(ChangePoint::index).toList());
    }

    @Test
    void aRangeStartingMidweekMakesNoChange() throws IOException {
        LocalDate from = LocalDate.of(2021, 3, 17); // a Wednesday, mid-month
        Series s = weekly(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), Selection.ALL.withDates(from, LocalDate.of(2021, 11, 11)));
        assertTrue(s.buckets().get(0).partial(), s.buckets().get(0).toString());
        assertEquals(List.of(), ShiftDetector.detect(s, ShiftOptions.DEFAULT.withModel(Model.POISSON)).changes());
        assertEquals(List.of(), ShiftDetector.detect(s, ShiftOptions.DEFAULT.withModel(Model.NORMAL_MEAN)).changes());
    }
}
