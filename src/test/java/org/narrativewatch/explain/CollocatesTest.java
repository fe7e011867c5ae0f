package org.narrativewatch.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * cooccur on a corpus built here. January: six articles match путин — переговоры 2, 4, 2 and 3 words
 * away in four of them (the 4 is three words between: inside NEAR/3), 7 away in a fifth — and ten
 * do not, two of them with переговоры. February: three articles, none matching. March: five match,
 * three with денацификация two words away; of four others one has it. April: nothing at all.
 */
class CollocatesTest {

    @TempDir
    static Path tmp;
    static LuceneEngine engine;
    static int serial;

    static void add(int month, int day, String text) throws IOException {
        engine.add(new Article("https://c.example/" + (serial++), "Тест", "state",
                OffsetDateTime.of(2024, month, day, 12, 0, 0, 0, ZoneOffset.ofHours(3)), DateQuality.EXACT, "ru",
                "Новости дня", text, null));
    }

    @BeforeAll
    static void build() throws IOException {
        engine = LuceneEngine.open(tmp.resolve("idx"));
        add(1, 2, "Путин провел переговоры с лидерами.");
        add(1, 3, "Путин и премьер провели переговоры.");
        add(1, 4, "Переговоры вчера начал Путин.");
        add(1, 5, "Путин заявил что переговоры идут.");
        add(1, 6, "Путин один два три четыре пять шесть переговоры.");
        add(1, 7, "Путин посетил завод.");
        for (int i = 0; i < 10; i++) {
            add(1, 10 + i, i < 2 ? "Переговоры продолжаются." : "Погода хорошая.");
        }
        for (int i = 0; i < 3; i++) {
            add(2, 1 + i, "Снег выпал.");
        }
        for (int i = 0; i < 5; i++) {
            add(3, 1 + i, i < 3 ? "Путин говорил о денацификации страны." : "Путин открыл мост.");
        }
        add(3, 10, "Эксперты обсуждают денацификацию.");
        for (int i = 0; i < 3; i++) {
            add(3, 11 + i, "Снег выпал.");
        }
        engine.commit(Map.of());
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    static Collocates.Result run(int within) throws IOException {
        Selection sel = new Selection(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30), null, null, null);
        return new Collocates(engine, NameTagger.create())
                .compute(new Collocates.Request(Query.parse("путин"), sel, within, Period.MONTH, 50, 1, 20_000));
    }

    static Collocates.Collocate find(Collocates.Bucket b, String term) {
        return b.terms().stream().filter(c -> c.term().equals(term)).findFirst().orElse(null);
    }

    @Test
    void countsAreExactAndEveryBucketIsPresent() throws IOException {
        Collocates.Result r = run(3);
        assertEquals(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1)),
                r.buckets().stream().map(Collocates.Bucket::start).toList());
        Collocates.Bucket jan = r.buckets().get(0);
        assertEquals(6, jan.count());
        assertEquals(16, jan.total());
        assertEquals(6, jan.read());
        Collocates.Collocate talks = find(jan, "переговоры");
        assertEquals(Keyness.score(4, 6, 2, 10), talks.score());
        assertEquals("lemma", talks.kind());
        Collocates.Bucket feb = r.buckets().get(1);
        assertEquals(0, feb.count());
        assertEquals(3, feb.total());
        assertTrue(feb.terms().isEmpty());
        Collocates.Bucket mar = r.buckets().get(2);
        assertEquals(Keyness.score(3, 5, 1, 4), find(mar, "денацификация").score());
        assertNull(find(mar, "переговоры"));
        Collocates.Bucket apr = r.buckets().get(3);
        assertEquals(0, apr.total());
        assertTrue(apr.terms().isEmpty());
        assertTrue(r.measure().startsWith("log-likelihood"));
    }

    @Test
    void nearCountsAreWhatNearQueriesFind() throws IOException {
        Corpus corpus = Corpus.of(engine);
        for (int within : new int[] {2, 3, 6}) { // (within 1: 1 of 6 near is below the 2 of 10 elsewhere, so not listed)
            Collocates.Result r = run(within);
            Series s = corpus.timeline(Query.parse("путин NEAR/" + within + " переговоры"),
                    new Selection(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), null, null, null), Bucketing.MONTH,
                    Engine.CountUnit.ARTICLES);
            long near = s.buckets().get(0).count();
            Collocates.Collocate c = find(r.buckets().get(0), "переговоры");
            assertEquals(near, c == null ? 0 : c.score().count(), "within " + within);
        }
        // within 6: the article with six words between now counts too
        assertEquals(5, find(run(6).buckets().get(0), "переговоры").score().count());
        assertEquals(3, find(run(2).buckets().get(0), "переговоры").score().count());
    }

    @Test
    void wireFormsListEveryBucket() throws IOException {
        Collocates.Result r = run(3);
        Map<String, Object> json = CollocatesFormat.toJson(r);
        for (String k : new String[] {"query", "within", "measure", "buckets"}) {
            assertTrue(json.containsKey(k), k);
        }
        assertEquals(4, ((List<?>) json.get("buckets")).size());
        String csv = CollocatesFormat.toCsv(r);
        assertTrue(csv.contains("\n2024-02-01,2024-02-29,0,3,0,,,,,,,,\n"), csv);
        assertTrue(csv.contains("\n2024-04-01,2024-04-30,0,0,0,,,,,,,,\n"), csv);
        assertTrue(csv.contains(",переговоры,lemma,переговоры,4,2,"), csv);
    }
}
