package org.narrativewatch.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.analysis.ExactFormFilter;
import org.narrativewatch.analysis.LemmaTagFilter;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.ArticleSet;
import org.narrativewatch.index.Contrast;
import org.narrativewatch.index.ContrastRequest;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/**
 * The index's terms carry their language (ru:удар, uk:удар), guessed stems are tagged apart
 * (ru~удар for the unknown ударось) and a hyphenated word's parts sit at its position: explain and
 * cooccur show plain lemmas only, and a lemma's count is the articles holding it in any of those
 * terms, each article once. The corpus mixes Russian, Ukrainian and English articles; in March the
 * query склад matches, in February the same query is the baseline.
 */
class PlainTermsTest {

    @TempDir
    static Path tmp;
    static LuceneEngine engine;
    static int serial;
    static final List<Article> ADDED = new ArrayList<>();

    static void add(int month, int day, String lang, String title, String text) throws IOException {
        Article a = new Article("https://p.example/" + (serial++), lang.equals("ru") ? "Вести" : lang.equals("uk") ? "УП" : "BBC",
                "g", OffsetDateTime.of(2024, month, day, 12, 0, 0, 0, ZoneOffset.ofHours(3)), DateQuality.EXACT, lang, title, text, null);
        engine.add(a);
        ADDED.add(a);
    }

    @BeforeAll
    static void build() throws IOException {
        engine = LuceneEngine.open(tmp.resolve("idx"));
        for (int i = 0; i < 4; i++) {
            add(3, 1 + i, "ru", "Удар по складу", "Генерал-лейтенант Сидоров сообщил об ударе по складу в Анкоридже.");
        }
        add(3, 6, "ru", "Ударось по складу", "Опечатка: ударось, а рядом склад и Уиткофф.");
        add(3, 7, "ru", "Удар и ударось", "Склад горит, Уиткоффом названа цель, удар нанесён.");
        for (int i = 0; i < 3; i++) {
            add(3, 10 + i, "uk", "Удар по складу в Києві", "Генерал-лейтенант повідомив про удар по складу.");
        }
        add(3, 14, "en", "Strike on a depot", "A warehouse (склад) was hit, the general-lieutenant said.");
        for (int i = 0; i < 6; i++) {
            add(2, 1 + i, i % 2 == 0 ? "ru" : "uk", "Склад", i % 2 == 0 ? "Склад открыли после ремонта." : "Склад відкрили після ремонту.");
        }
        for (int i = 0; i < 5; i++) {
            add(3, 15 + i, "ru", "Погода", "Ожидается дождь, удар стихии не грозит.");
        }
        for (int i = 0; i < 4; i++) {
            add(3, 20 + i, "ru", "Склад и США", i == 0 ? "Представители НАТО и США осмотрели склад." : "В США заявили о складе.");
        }
        add(3, 25, "ru", "Склад в сша", "Написано строчными: сша.");
        engine.commit(Map.of());
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    static final Selection MARCH = new Selection(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), null, null, null);
    static final Selection ALL = new Selection(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, null, null);

    /** Whether a term shown to a user carries an index tag or the exact-form mark. */
    static boolean tagged(String term) {
        if (term == null) {
            return false;
        }
        for (String word : term.split(" ")) {
            if (LemmaTagFilter.tagLength(word) > 0 || (!word.isEmpty() && word.charAt(0) == ExactFormFilter.PREFIX)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aLemmaCountsEveryArticleHoldingItOnceWhateverItsLanguageOrKind() throws IOException {
        // the index has the pieces this test is about
        assertTrue(Analyzers.terms(Analyzers.index("ru"), "ударось").contains("ru" + LemmaTagFilter.STEM + "удар"));
        assertTrue(Analyzers.terms(Analyzers.index("ru"), "Удар").contains(Analyzers.lemmaTerm("ru", "удар")));
        assertTrue(Analyzers.terms(Analyzers.index("uk"), "Удар").contains(Analyzers.lemmaTerm("uk", "удар")));

        ArticleSet march = ArticleSet.all(MARCH);
        ArticleSet feb = ArticleSet.all(new Selection(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), null, null, null));
        Contrast scan = engine.contrast(ContrastRequest.sizes(march, feb).withAllTerms(1));
        // удар: 4 + 1 (ударось only, a guess) + 1 (both, once) ru, 3 uk, 5 weather articles in March; none in February
        assertArrayEquals(new long[] {14, 0}, scan.terms().get("удар"));
        // склад: ru and uk both ways, the English article's Cyrillic word too (en chain); February 6
        long marchSklad = ADDED.stream().filter(a -> a.published().getMonthValue() == 3)
                .filter(a -> (a.title() + " " + a.text()).toLowerCase(java.util.Locale.ROOT).contains("склад")).count();
        assertArrayEquals(new long[] {marchSklad, 6}, scan.terms().get("склад"));
        // a hyphenated word's parts are counted as the lemma (a query for генерал finds them) and the whole word is its own lemma
        assertArrayEquals(new long[] {7, 0}, scan.terms().get("генерал"));
        assertArrayEquals(new long[] {7, 0}, scan.terms().get("генерал-лейтенант"));
        for (String t : scan.terms().keySet()) {
            assertFalse(tagged(t), t);
        }
        // the same counts for a list of lemmas, and the same as re-reading every article
        Contrast listed = engine.contrast(ContrastRequest.sizes(march, feb).withTerms(List.of("удар", "склад", "генерал", "ru:удар")));
        assertArrayEquals(scan.terms().get("удар"), listed.terms().get("удар"));
        assertArrayEquals(scan.terms().get("склад"), listed.terms().get("склад"));
        assertArrayEquals(scan.terms().get("генерал"), listed.terms().get("генерал"));
        assertArrayEquals(new long[] {0, 0}, listed.terms().get("ru:удар"), "a tagged string is not a lemma");
        Map<String, long[]> brute = new HashMap<>();
        for (Article a : ADDED) {
            int m = a.published().getMonthValue();
            Set<String> lemmas = new HashSet<>();
            for (String part : new String[] {a.title(), a.text()}) {
                TextTokens.of(a.lang(), part).stream().filter(t -> !t.keyword()).forEach(t -> lemmas.addAll(t.allLemmas()));
            }
            for (String l : lemmas) {
                brute.computeIfAbsent(l, k -> new long[2])[m == 3 ? 0 : 1]++;
            }
        }
        assertEquals(brute.keySet(), scan.terms().keySet());
        brute.forEach((l, c) -> assertArrayEquals(c, scan.terms().get(l), l));
    }

    @Test
    void wordsKeptAsWrittenAreCountedByTheirForm() throws IOException {
        List<TextTokens.Token> toks = TextTokens.of("ru", "Представители НАТО и США");
        assertTrue(toks.get(1).keyword() && toks.get(1).lemmas().equals(List.of("нато")), toks.toString());
        assertFalse(toks.get(0).keyword());
        assertTrue(TextTokens.of("ru", "В. Путин").get(0).lemmas().isEmpty(), "an initial is no item");
        ArticleSet march = ArticleSet.all(MARCH);
        ArticleSet feb = ArticleSet.all(new Selection(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), null, null, null));
        Contrast c = engine.contrast(ContrastRequest.sizes(march, feb).withForms(List.of("сша", "нато")));
        // США in capitals in four articles, сша in lower case in a fifth: the form in any case, once per article
        assertArrayEquals(new long[] {5, 0}, c.terms().get("сша"));
        assertArrayEquals(new long[] {1, 0}, c.terms().get("нато"));
        Explanation e = new Explainer(engine, NameTagger.create()).explain(new ExplainRequest(Query.parse("склад"), MARCH,
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), 200, 1, 1.0, 500, "g2", false));
        Explanation.Term usa = e.terms().stream().filter(t -> t.term().equals("сша")).findFirst().orElse(null);
        assertNotNull(usa, e.terms().toString());
        assertEquals(5, usa.score().count());
        assertEquals("США", usa.label());
    }

    @Test
    void explainAndCooccurShowNoTag() throws IOException {
        Query q = Query.parse("склад");
        for (int sample : new int[] {500, 10}) { // every article read, and the full index scan
            Explanation e = new Explainer(engine, NameTagger.create()).explain(new ExplainRequest(q, MARCH, LocalDate.of(2024, 2, 1),
                    LocalDate.of(2024, 2, 29), 200, 1, 1.0, sample, "g2", false));
            List<Explanation.Term> all = new ArrayList<>(e.terms());
            all.addAll(e.stopWords());
            all.addAll(e.queryTerms());
            assertFalse(all.isEmpty());
            for (Explanation.Term t : all) {
                assertFalse(tagged(t.term()), t.term());
                assertFalse(tagged(t.label()), t.label());
                t.variants().forEach(v -> assertFalse(tagged(v), v));
            }
            Explanation.Term strike = e.terms().stream().filter(t -> t.term().equals("удар")).findFirst().orElse(null);
            assertNotNull(strike, "sample " + sample);
            // the query's articles: 6 ru + 3 uk + 1 en + 5 with США in March, 6 in February; удар in 9 of them (ru and uk)
            assertEquals(15, e.window().articles());
            assertEquals(9, strike.score().count());
            assertEquals(0, strike.score().baselineCount());
            assertTrue(e.queryTerms().stream().anyMatch(t -> t.term().equals("склад")));
            assertFalse(e.terms().stream().anyMatch(t -> t.term().equals("склад")), "the query's own lemma is reported apart");
            assertTrue(ExplanationFormat.toCsv(e).lines().noneMatch(l -> l.contains(",ru:") || l.contains(",uk:") || l.contains(",=")));
        }
        Collocates.Result r = new Collocates(engine, NameTagger.create())
                .compute(new Collocates.Request(q, ALL, 10, Period.MONTH, 100, 1, 20_000));
        boolean any = false;
        for (Collocates.Bucket b : r.buckets()) {
            for (Collocates.Collocate c : b.terms()) {
                any = true;
                assertFalse(tagged(c.term()), c.term());
                assertFalse(tagged(c.label()), c.label());
            }
        }
        assertTrue(any);
    }
}
