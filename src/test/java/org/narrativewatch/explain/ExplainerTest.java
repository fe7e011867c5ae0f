package org.narrativewatch.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/**
 * explain on a corpus built here with known counts. Window (2024-03-01..10): 10 articles matching
 * переговоры — 6 with саммит, 4 with «мирный договор», 4 with Владимир Путин, 7 from Вести — and 30
 * that do not match, 3 of them with саммит. Baseline window (2024-02-01..10): 20 articles matching —
 * 2 with саммит, 15 with обстрел, 5 from Вести. Every article has the stop word «в».
 */
class ExplainerTest {

    @TempDir
    static Path tmp;
    static LuceneEngine engine;
    static int serial;

    static final Selection MARCH = new Selection(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 10), null, null, null);

    static void add(String outlet, String group, LocalDate day, String title, String text) throws IOException {
        engine.add(new Article("https://t.example/" + (serial++), outlet, group,
                OffsetDateTime.of(day.atTime(12, 0), java.time.ZoneOffset.ofHours(3)), DateQuality.EXACT, "ru", title, text, null));
    }

    @BeforeAll
    static void build() throws IOException {
        engine = LuceneEngine.open(tmp.resolve("idx"));
        for (int i = 0; i < 10; i++) {
            LocalDate d = LocalDate.of(2024, 3, 1 + i);
            StringBuilder text = new StringBuilder("Стороны продолжили переговоры в столице номер " + i + ".");
            if (i < 6) {
                text.append(" Итоги обсудят на саммите в пятницу.");
            }
            if (i >= 6) {
                text.append(" Речь идет о подписании мирного договора в будущем.");
            }
            if (i % 3 == 0) {
                text.append(" Об этом рассказал Владимир Путин в интервью.");
            }
            add(i < 7 ? "Вести" : "Медуза", i < 7 ? "state" : "independent", d, "Переговоры в столице, выпуск " + i, text.toString());
        }
        for (int i = 0; i < 30; i++) {
            LocalDate d = LocalDate.of(2024, 3, 1 + i % 10);
            add("Вести", "state", d, "Погода в регионе, выпуск " + i, i < 3 ? "Синоптики готовятся к саммиту в регионе." : "Ожидается дождь в регионе.");
        }
        for (int i = 0; i < 20; i++) {
            LocalDate d = LocalDate.of(2024, 2, 1 + i % 10);
            StringBuilder text = new StringBuilder("Переговоры в столице снова отложены, сообщение " + i + ".");
            if (i < 2) {
                text.append(" Саммит перенесли.");
            }
            if (i >= 5) {
                text.append(" Ночью продолжился обстрел в пригороде.");
            }
            add(i < 5 ? "Вести" : "Медуза", i < 5 ? "state" : "independent", d, "Новости в феврале, номер " + i, text.toString());
        }
        engine.commit(Map.of());
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    static Explanation explain(String vs, int sample) throws IOException {
        LocalDate[] base = ExplainRequest.parseBaseline(vs);
        ExplainRequest r = new ExplainRequest(Query.parse("переговоры"), MARCH, base == null ? null : base[0],
                base == null ? null : base[1], 200, 2, 1.0, sample, "g2", false);
        return new Explainer(engine, NameTagger.create()).explain(r);
    }

    static Explanation.Term term(java.util.List<Explanation.Term> list, String term) {
        return list.stream().filter(t -> t.term().equals(term)).findFirst().orElse(null);
    }

    static void assertCounts(Explanation.Term t, long a, long n1, long b, long n2) {
        assertNotNull(t);
        Keyness.Score expected = Keyness.score(a, n1, b, n2);
        assertEquals(a, t.score().count(), t.term());
        assertEquals(b, t.score().baselineCount(), t.term());
        assertEquals(n1, t.score().total());
        assertEquals(n2, t.score().baselineTotal());
        assertEquals(expected.g2(), t.score().g2(), 1e-9, t.term());
        assertEquals(expected.p(), t.score().p(), 1e-15, t.term());
        assertEquals(expected.logRatio(), t.score().logRatio(), 1e-9, t.term());
        assertEquals(expected.ciLow(), t.score().ciLow(), 1e-9, t.term());
        assertEquals(expected.ciHigh(), t.score().ciHigh(), 1e-9, t.term());
    }

    @Test
    void againstAnotherWindowOfTheQuery() throws IOException {
        for (int sample : new int[] {500, 10}) { // every article read, and the full index scan with a sample
            Explanation e = explain("2024-02-01..2024-02-10", sample);
            assertEquals(10, e.window().articles());
            assertEquals(20, e.baseline().articles());
            assertEquals("window", e.baseline().kind());
            assertCounts(term(e.terms(), "саммит"), 6, 10, 2, 20);
            assertEquals("over", term(e.terms(), "саммит").direction());
            assertCounts(term(e.terms(), "обстрел"), 0, 10, 15, 20);
            assertEquals("under", term(e.terms(), "обстрел").direction());
            Explanation.Term phrase = term(e.terms(), "мирный договор");
            assertCounts(phrase, 4, 10, 0, 20);
            assertEquals("phrase", phrase.kind());
            Explanation.Term putin = term(e.terms(), "путин");
            assertCounts(putin, 4, 10, 0, 20);
            assertEquals("name", putin.kind());
            assertEquals("Путин", putin.label());
            assertEquals("person", putin.type());
            assertNull(term(e.terms(), "владимир"), "the first name is merged into the person's name");
            // stop words and the query's own terms are reported apart
            assertNull(term(e.terms(), "в"));
            assertCounts(term(e.queryTerms(), "переговоры"), 10, 10, 20, 20);
            assertFalse(e.terms().stream().anyMatch(t -> t.term().equals("переговоры")));
            assertTrue(e.method().terms().contains(sample == 500 ? "read" : "all index terms"), e.method().terms());
            // outlets carry the difference: Вести has 7 of 10 in the window, 5 of 20 before
            Explanation.Share vesti = e.outlets().stream().filter(s -> s.facet().equals("outlet") && s.name().equals("Вести"))
                    .findFirst().orElseThrow();
            assertEquals(Keyness.score(7, 10, 5, 20), vesti.score());
            Explanation.Share state = e.outlets().stream().filter(s -> s.facet().equals("group") && s.name().equals("state"))
                    .findFirst().orElseThrow();
            assertEquals(7, state.score().count());
            assertFalse(e.articles().isEmpty());
            assertTrue(e.articles().get(0).terms().contains("саммит") || e.articles().get(0).terms().contains("мирный договор"));
        }
    }

    @Test
    void againstTheRestOfTheWindow() throws IOException {
        Explanation e = explain("rest", 500);
        assertEquals("rest", e.baseline().kind());
        assertEquals(10, e.window().articles());
        assertEquals(30, e.baseline().articles());
        assertCounts(term(e.terms(), "саммит"), 6, 10, 3, 30);
        assertCounts(term(e.terms(), "регион"), 0, 10, 30, 30);
        // в: in every article of both sides, so no difference; reported with the stop words when shown at all
        assertNull(term(e.terms(), "в"));
    }

    @Test
    void aBaselineWindowWithoutTheQueryFallsBackToAllItsArticlesAndSaysSo() throws IOException {
        Explanation e = explain("2024-03-11..2024-03-31", 500);
        assertTrue(e.baseline().kind().contains("all articles"), e.baseline().kind());
        assertEquals(0, e.baseline().articles(), "nothing at all was published then in this corpus");
        assertTrue(ExplanationFormat.toTable(e).contains("nothing to compare"));
    }

    @Test
    void anEngineWithoutTermCountsRefusesClearly() {
        org.narrativewatch.UserException e = org.junit.jupiter.api.Assertions.assertThrows(org.narrativewatch.UserException.class,
                () -> new Explainer(new org.narrativewatch.index.InMemoryEngine(), NameTagger.create())
                        .explain(ExplainRequest.of(Query.parse("переговоры"), MARCH, null, null)));
        assertTrue(e.getMessage().contains("memory engine cannot"), e.getMessage());
        assertTrue(e.getMessage().contains("--engine lucene"), e.getMessage());
    }

    @Test
    void jsonKeepsTheContractShape() throws IOException {
        Map<String, Object> json = ExplanationFormat.toJson(explain("2024-02-01..2024-02-10", 500));
        for (String k : new String[] {"query", "window", "baseline", "terms", "outlets"}) {
            assertTrue(json.containsKey(k), k);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((java.util.List<Map<String, Object>>) json.get("terms")).get(0);
        for (String k : new String[] {"term", "kind", "count", "baseline_count", "g2", "p", "log_ratio", "ci"}) {
            assertTrue(first.containsKey(k), k);
        }
        assertTrue(java.util.Set.of("lemma", "phrase", "name").contains(first.get("kind")));
        assertEquals(2, ((java.util.List<?>) first.get("ci")).size());
        String csv = ExplanationFormat.toCsv(explain("2024-02-01..2024-02-10", 500));
        assertTrue(csv.contains("\nterm,саммит,lemma,саммит,over,6,2,"), csv);
    }
}
