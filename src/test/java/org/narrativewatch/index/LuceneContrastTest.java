package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.explain.TextTokens;
import org.narrativewatch.query.Query;

/**
 * Engine.contrast and Engine.texts on the fixture corpus against a brute-force pass over the stored
 * articles, re-analysed: every term count, on sets large and small (the small ones take the
 * leapfrog path), for the full scan and for a list of terms.
 */
class LuceneContrastTest {

    @TempDir
    static Path tmp;
    static LuceneEngine engine;
    static List<Article> stored;

    @BeforeAll
    static void build() throws IOException {
        engine = LuceneEngine.open(tmp.resolve("idx"));
        List<Article> articles = FixtureCorpus.articles(7);
        // two segments, so per-segment counts are merged
        for (int i = 0; i < articles.size(); i++) {
            engine.add(articles.get(i));
            if (i == articles.size() / 2) {
                engine.commit(Map.of());
            }
        }
        engine.commit(Map.of());
        stored = engine.storedArticles();
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    /** lemma → {articles of a, articles of b} by re-analysing the stored text. */
    static Map<String, long[]> bruteForce(Predicate<Article> a, Predicate<Article> b) {
        Map<String, long[]> out = new HashMap<>();
        for (Article x : stored) {
            boolean inA = a.test(x);
            boolean inB = b.test(x);
            if (!inA && !inB) {
                continue;
            }
            Set<String> lemmas = new HashSet<>();
            for (String part : new String[] {x.title(), x.text()}) {
                for (TextTokens.Token t : TextTokens.of(x.lang(), part)) {
                    if (!t.keyword()) { // a word kept as written has no lemma term: counted as a form, on request
                        lemmas.addAll(t.allLemmas());
                    }
                }
            }
            for (String l : lemmas) {
                long[] c = out.computeIfAbsent(l, k -> new long[2]);
                c[0] += inA ? 1 : 0;
                c[1] += inB ? 1 : 0;
            }
        }
        return out;
    }

    static Predicate<Article> outletIn(String outlet, LocalDate from, LocalDate to) {
        return x -> x.outlet().equals(outlet) && !x.day().isBefore(from) && !x.day().isAfter(to);
    }

    static Selection sel(String outlet, LocalDate from, LocalDate to) {
        return new Selection(from, to, Set.of(outlet), Set.of(), Set.of());
    }

    @Test
    void everyTermCountMatchesABruteForcePass() throws IOException {
        LocalDate from = LocalDate.of(2022, 2, 1);
        LocalDate to = LocalDate.of(2022, 4, 30);
        LocalDate shortTo = LocalDate.of(2022, 2, 4);
        for (LocalDate end : new LocalDate[] {to, shortTo}) { // large sets walk the postings, small ones leapfrog
            ArticleSet a = ArticleSet.all(sel("Вести", from, end));
            ArticleSet b = ArticleSet.all(sel("Медиазона", from, end));
            Map<String, long[]> expected = bruteForce(outletIn("Вести", from, end), outletIn("Медиазона", from, end));
            Contrast scan = engine.contrast(ContrastRequest.sizes(a, b).withAllTerms(1));
            assertEquals(stored.stream().filter(outletIn("Вести", from, end)).count(), scan.targetArticles());
            assertEquals(stored.stream().filter(outletIn("Медиазона", from, end)).count(), scan.baselineArticles());
            assertEquals(expected.keySet(), scan.terms().keySet(), "end " + end);
            for (Map.Entry<String, long[]> e : expected.entrySet()) {
                assertArrayEquals(e.getValue(), scan.terms().get(e.getKey()), e.getKey());
            }
            List<String> some = new ArrayList<>(expected.keySet()).subList(0, Math.min(40, expected.size()));
            List<String> asked = new ArrayList<>(some);
            asked.add("несуществующееслово");
            Contrast listed = engine.contrast(ContrastRequest.sizes(a, b).withTerms(asked));
            for (String t : some) {
                assertArrayEquals(expected.get(t), listed.terms().get(t), t);
            }
            assertArrayEquals(new long[] {0, 0}, listed.terms().get("несуществующееслово"));
            // a minimum drops the rare terms and nothing else
            Contrast min3 = engine.contrast(ContrastRequest.sizes(a, b).withAllTerms(3));
            for (Map.Entry<String, long[]> e : expected.entrySet()) {
                boolean kept = e.getValue()[0] + e.getValue()[1] >= 3;
                assertEquals(kept, min3.terms().containsKey(e.getKey()), e.getKey());
            }
            assertEquals(Map.of("Вести", scan.outlets().get("Вести")[0]), Map.of("Вести", scan.targetArticles()));
            assertEquals(0, scan.outlets().get("Вести")[1]);
        }
    }

    @Test
    void queriesAndTheRestOfASelection() throws IOException {
        Query putin = Query.parse("путин");
        Selection all = Selection.ALL;
        ArticleSet a = ArticleSet.matching(putin, all);
        ArticleSet rest = ArticleSet.notMatching(putin, all);
        Contrast c = engine.contrast(ContrastRequest.sizes(a, rest).withQueries(List.of(Query.parse("\"мирные переговоры\""),
                Query.parse("стамбул"))));
        long matches = engine.search(putin, all, 0, Engine.HitOrder.NEWEST).total();
        assertEquals(matches, c.targetArticles());
        assertEquals(stored.size() - matches, c.baselineArticles());
        for (int i = 0; i < 2; i++) {
            Query q = List.of(Query.parse("\"мирные переговоры\""), Query.parse("стамбул")).get(i);
            long both = engine.search(Query.parse("(" + q.text() + ") AND путин"), all, 0, Engine.HitOrder.NEWEST).total();
            long only = engine.search(Query.parse("(" + q.text() + ") AND NOT путин"), all, 0, Engine.HitOrder.NEWEST).total();
            assertArrayEquals(new long[] {both, only}, c.queries().get(i), q.text());
        }
    }

    @Test
    void textsAreAnEvenDeterministicSampleWithMatchOffsets() throws IOException {
        ArticleSet set = ArticleSet.matching(Query.parse("путин"), Selection.ALL);
        long n = engine.search(set.query(), Selection.ALL, 0, Engine.HitOrder.NEWEST).total();
        List<ArticleText> all = engine.texts(set, 100_000, true);
        assertEquals(n, all.size());
        List<ArticleText> some = engine.texts(set, 10, true);
        assertEquals(10, some.size());
        assertEquals(some.stream().map(ArticleText::url).toList(), engine.texts(set, 10, true).stream().map(ArticleText::url).toList());
        // the sample spreads over the set: its first and last are near the set's ends (index order)
        assertEquals(all.get(0).url(), some.get(0).url());
        assertTrue(all.indexOf(all.stream().filter(x -> x.url().equals(some.get(9).url())).findFirst().orElseThrow())
                >= all.size() * 8 / 10);
        for (ArticleText t : all) {
            String body = t.title() + "\n" + t.text();
            assertTrue(t.matchStarts().length > 0, t.url());
            for (int s : t.matchStarts()) {
                String word = body.substring(s, Math.min(body.length(), s + 5)).toLowerCase(java.util.Locale.ROOT);
                assertTrue(word.startsWith("путин") || word.startsWith("путін") || word.startsWith("putin"), word);
            }
        }
    }
}
