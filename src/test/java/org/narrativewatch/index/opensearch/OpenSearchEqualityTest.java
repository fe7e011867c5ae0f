package org.narrativewatch.index.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Engine.CountUnit;
import org.narrativewatch.index.Hits;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.index.Snapshot;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * The same fixture corpus in the embedded engine and on a real OpenSearch node gives the same
 * timelines bucket by bucket, the same search totals and match spans, the same stats and outlets.
 * Needs a node (NWATCH_TEST_OPENSEARCH_URL, default http://127.0.0.1:9200; .ci/setup-opensearch.sh
 * starts one); without one it is skipped, except under CI=true where that is a failure.
 */
class OpenSearchEqualityTest {

    static final String URL = System.getenv().getOrDefault("NWATCH_TEST_OPENSEARCH_URL", "http://127.0.0.1:9200");

    /** Every operator, alone and combined; each must match something in the fixture (see UNCHECKED_COVERAGE). */
    static final List<String> QUERIES = List.of(
            "путин", "=путина", "=путин", "переговоры", "перегов*", "стамбул*", "qq1*", "санкции", "Путину",
            "\"мирные переговоры\"", "\"переговоры в стамбуле\"", "\"мирні переговори\"", "\"peace talks\"",
            "путин NEAR/3 переговоры", "путин NEAR/0 журналистам", "переговоры NEAR/5 стамбул",
            "переговоры ONEAR/2 стамбул", "стамбул ONEAR/2 переговоры", "talks NEAR/2 istanbul",
            "\"мирные переговоры\" NEAR/5 путин", "(путин OR зеленский) NEAR/3 переговоры",
            "перегов* NEAR/4 стамбул*", "делегации NEAR/3 переговоры NEAR/4 пленными",
            "=путина ONEAR/3 санкциях", "=путин ONEAR/3 санкциях", "стамбуле NEAR/100 переговоры", "стамбуле NEAR/99 переговоры",
            "путин AND (денацификация OR демилитаризация)", "путин OR зеленский", "санкции NOT банков",
            "NOT путин", "-санкции AND переговоры", "title:переговоры", "title:\"мирные переговоры\"",
            "title:(путин OR санкции) AND стамбул", "outlet:tass.ru AND санкции", "group:independent",
            "lang:uk", "lang:EN AND sanctions", "date:2022-03-01..2022-03-15", "date:2022-04-01.. AND путин",
            "sanction*", "sanctions", "зеленський", "*", "СВО", "Зеленского",
            // issue 13: every reading in its own language, hyphen parts and compounds, capitals,
            // look-alikes, invisible characters, guessed stems, and the strict language's meanings
            "судья", "суд", "свой", "после", "другой", "генерал", "дрон", "дрон-камикадзе", "ракета-носитель", "москва",
            "ХАМАС", "война", "США", "сво", "Biden", "=trump's", "путин", "=Путин*", "NOT NOT путин", "\"путин, заявил\"",
            "удар", "ударось", "пере* NEAR/5 стамбул*", "\"перегов* в стамбуле\"", "дрон NEAR/3 генерал");
    /**
     * Negative controls: compared between engines like every query, but expected to find little or
     * nothing. The fixture says «Путина спросили о санкциях», so the exact nominative must not match it;
     * удар must not find the typo ударось (its guessed stem is удар).
     */
    static final Set<String> UNCHECKED_COVERAGE = Set.of("=путин ONEAR/3 санкциях", "удар");

    static Engine lucene;
    static OpenSearchEngine os;
    static List<Article> corpus;

    @BeforeAll
    static void importBoth(@TempDir Path dir) throws IOException {
        if (!OpenSearchEngine.reachable(URL)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("no OpenSearch node answers at " + URL + " under CI: .ci/run must call .ci/setup-opensearch.sh");
            }
            String why = "no OpenSearch node at " + URL + " (start one with .ci/setup-opensearch.sh); skipping";
            System.err.println("OpenSearchEqualityTest: " + why);
            Assumptions.abort(why);
        }
        corpus = FixtureCorpus.articles();
        lucene = LuceneEngine.open(dir.resolve("index"));
        os = OpenSearchEngine.open(URL, "nwatch-test-equality");
        os.deleteAll();
        for (Engine e : List.of(lucene, os)) {
            int i = 0;
            for (Article a : corpus) {
                assertEquals(Engine.AddOutcome.ADDED, e.add(a), e.name() + " " + a.url());
                if (++i % 50 == 0) {
                    e.commit(Map.of("fixture", Integer.toString(i)));
                }
            }
            e.commit(Map.of("fixture", "done"));
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (lucene != null) {
            lucene.close();
        }
        if (os != null) {
            os.close();
        }
    }

    @Test
    void timelinesAreEqualBucketByBucket() throws IOException {
        List<Selection> selections = List.of(Selection.ALL,
                new Selection(LocalDate.of(2022, 3, 3), LocalDate.of(2022, 4, 20), Set.of(), Set.of(), Set.of()),
                new Selection(null, null, Set.of("tass.ru", "pravda.com.ua"), Set.of(), Set.of()),
                new Selection(null, null, Set.of(), Set.of("independent"), Set.of("ru")));
        for (String text : QUERIES) {
            Query q = Query.parse(text);
            long matched = 0;
            for (Selection sel : selections) {
                for (Bucketing by : Bucketing.values()) {
                    for (CountUnit unit : CountUnit.values()) {
                        Series a = Corpus.of(lucene).timeline(q, sel, by, unit);
                        Series b = Corpus.of(os).timeline(q, sel, by, unit);
                        String what = text + " " + by + " " + unit + " " + sel;
                        assertSeriesEqual(a, b, what);
                        if (sel == Selection.ALL && unit == CountUnit.ARTICLES) {
                            matched = a.buckets().stream().mapToLong(Bucket::count).sum();
                        }
                    }
                }
            }
            assertTrue(UNCHECKED_COVERAGE.contains(text) || matched > 0, "fixture coverage for '" + text + "': no match");
        }
    }

    static void assertSeriesEqual(Series a, Series b, String what) {
        assertEquals(a.from(), b.from(), what + " from");
        assertEquals(a.to(), b.to(), what + " to");
        assertEquals(a.unit(), b.unit(), what + " unit");
        assertEquals(a.buckets().size(), b.buckets().size(), what + " buckets");
        for (int i = 0; i < a.buckets().size(); i++) {
            Bucket x = a.buckets().get(i), y = b.buckets().get(i);
            assertEquals(x.start(), y.start(), what + " start #" + i);
            assertEquals(x.count(), y.count(), what + " count at " + x.start());
            assertEquals(x.total(), y.total(), what + " total at " + x.start());
            assertEquals(x.days(), y.days(), what + " days at " + x.start());
            assertEquals(x.partial(), y.partial(), what + " partial at " + x.start());
        }
    }

    /** Queries over a limit are refused by both engines with the same message, before anything runs. */
    @Test
    void limitsAreRefusedAlike() throws IOException {
        String chain = String.join(" NEAR/1000 ", java.util.Collections.nCopies(20, "пере*"));
        String tenWords = String.join(" NEAR ", java.util.Collections.nCopies(10, "путин"));
        for (String text : List.of(chain, tenWords, "qq* NEAR/3 word", "qq*")) {
            Query q = Query.parse(text);
            UserException a = assertThrows(UserException.class, () -> lucene.search(q, Selection.ALL, 10, Engine.HitOrder.NEWEST), text);
            UserException b = assertThrows(UserException.class, () -> os.search(q, Selection.ALL, 10, Engine.HitOrder.NEWEST), text);
            assertEquals(a.getMessage(), b.getMessage(), text);
        }
    }

    @Test
    void breakdownsAreEqual() throws IOException {
        Selection march = new Selection(LocalDate.of(2022, 3, 3), LocalDate.of(2022, 4, 20), Set.of(), Set.of(), Set.of("ru"));
        for (String text : List.of("путин", "переговоры NEAR/5 стамбул", "sanctions OR санкции")) {
            for (Engine.Facet facet : Engine.Facet.values()) {
                for (CountUnit unit : CountUnit.values()) {
                    for (Selection sel : List.of(Selection.ALL, march)) {
                        String what = text + " " + facet + " " + unit + " " + sel;
                        Map<String, Series> a = Corpus.of(lucene).breakdown(Query.parse(text), sel, Bucketing.WEEK, unit, facet);
                        Map<String, Series> b = Corpus.of(os).breakdown(Query.parse(text), sel, Bucketing.WEEK, unit, facet);
                        assertEquals(a.keySet(), b.keySet(), what);
                        assertTrue(a.size() > 1, what + " has several series");
                        for (String k : a.keySet()) {
                            assertSeriesEqual(a.get(k), b.get(k), what + " " + k);
                        }
                    }
                }
            }
        }
    }

    @Test
    void searchTotalsAndMatchSpansAreEqual() throws IOException {
        for (String text : QUERIES) {
            Query q = Query.parse(text);
            Hits a = lucene.search(q, Selection.ALL, 500, Engine.HitOrder.NEWEST);
            Hits b = os.search(q, Selection.ALL, 500, Engine.HitOrder.NEWEST);
            assertEquals(a.total(), b.total(), text + " total");
            assertEquals(spansByUrl(a), spansByUrl(b), text + " spans");
        }
        Hits h = os.search(Query.parse("\"мирные переговоры\""), Selection.ALL, 5, Engine.HitOrder.NEWEST);
        assertEquals(5, h.hits().size());
        for (Hits.Hit hit : h.hits()) {
            List<int[]> spans = new ArrayList<>(hit.title().matches());
            spans.addAll(hit.snippet().matches());
            assertTrue(!spans.isEmpty(), "a phrase hit marks its words: " + hit.url());
        }
    }

    /** url → title and snippet with their spans written out, for an order-free comparison. */
    static Map<String, String> spansByUrl(Hits h) {
        Map<String, String> out = new TreeMap<>();
        for (Hits.Hit hit : h.hits()) {
            out.put(hit.url(), show(hit.title()) + " | " + show(hit.snippet()));
        }
        return out;
    }

    static String show(Hits.Highlighted x) {
        StringBuilder sb = new StringBuilder(x.text());
        List<int[]> m = x.matches();
        for (int i = m.size() - 1; i >= 0; i--) {
            sb.insert(m.get(i)[1], "]").insert(m.get(i)[0], "[");
        }
        return sb.toString();
    }

    @Test
    void statsAndOutletsAreEqual() throws IOException {
        var a = Corpus.of(lucene).stats();
        var b = Corpus.of(os).stats();
        assertEquals(corpus.size(), b.articles());
        assertEquals(a.articles(), b.articles());
        assertEquals(a.outlets(), b.outlets());
        assertEquals(a.from(), b.from());
        assertEquals(a.to(), b.to());
        assertEquals(a.byLanguage(), b.byLanguage());
        assertEquals(a.byGroup(), b.byGroup());
        assertEquals(a.syndicatedCopies(), b.syndicatedCopies());
        assertTrue(b.syndicatedCopies() >= 12, "the fixture's copies are marked");
        assertEquals(Corpus.of(lucene).outlets(), Corpus.of(os).outlets());
        Snapshot x = lucene.snapshot(), y = os.snapshot();
        assertEquals(List.of(x.articles(), x.from(), x.to()), List.of(y.articles(), y.from(), y.to()));
        assertEquals("opensearch", y.engine());
        assertTrue(y.version() >= 1, "every commit rewrites the checkpoint: " + y);
    }

    @Test
    void reImportAddsNothingAndTheCheckpointIsKept() throws IOException {
        assertEquals(Map.of("fixture", "done"), os.checkpoint());
        try (OpenSearchEngine again = OpenSearchEngine.open(URL, "nwatch-test-equality")) {
            for (Article a : corpus.subList(0, 30)) {
                assertEquals(Engine.AddOutcome.ALREADY_PRESENT, again.add(a));
            }
            again.commit(Map.of("fixture", "done"));
            assertEquals(0, again.lateConflicts());
        }
        assertEquals(corpus.size(), Corpus.of(os).stats().articles());
    }

    @Test
    void prefixCapIsTheSameError() {
        UserException a = assertThrows(UserException.class, () -> Corpus.of(lucene).timeline(Query.parse("qq*"), Selection.ALL, Bucketing.DAY, CountUnit.ARTICLES));
        UserException b = assertThrows(UserException.class, () -> Corpus.of(os).timeline(Query.parse("qq*"), Selection.ALL, Bucketing.DAY, CountUnit.ARTICLES));
        assertEquals(a.getMessage(), b.getMessage());
    }
}
