package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.narrativewatch.article.Article;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * Timelines and breakdowns equal a brute-force pass that analyses every stored article the same
 * way, bucket by bucket, with the days each bucket covers and whether it is partial. They run
 * through {@link Corpus} over two engines: the embedded Lucene engine and {@link InMemoryEngine},
 * a test double that implements only the narrow {@link Engine} interface.
 */
class TimelineBruteForceTest {

    @TempDir
    static Path tmp;
    static LuceneEngine engine;
    static InMemoryEngine memory;
    static List<Engine> engines;
    static List<Article> stored;
    static List<ReferenceMatcher> matchers;
    /** each stored article's letters and digits, lower-cased: its story identity */
    static List<String> texts;
    static LocalDate corpusFirst;
    static LocalDate corpusLast;

    @BeforeAll
    static void build() throws IOException {
        engine = LuceneEngine.open(tmp.resolve("idx"));
        memory = new InMemoryEngine();
        for (Engine e : List.of(engine, memory)) {
            for (Article a : FixtureCorpus.articles(42)) {
                e.add(a);
            }
            e.commit(Map.of());
        }
        engines = List.of(engine, memory);
        stored = engine.storedArticles();
        assertEquals(stored.size(), memory.articles().size(), "both engines store the same articles");
        matchers = stored.stream().map(ReferenceMatcher::new).toList();
        texts = stored.stream().map(TimelineBruteForceTest::normalised).toList();
        corpusFirst = stored.stream().map(Article::day).min(LocalDate::compareTo).orElseThrow();
        corpusLast = stored.stream().map(Article::day).max(LocalDate::compareTo).orElseThrow();
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    /** Selections whose ranges start and end mid-week and mid-month, open or beyond the corpus' ends (bounded by them). */
    static List<Selection> selections() {
        return List.of(Selection.ALL,
                new Selection(LocalDate.of(2022, 2, 3), LocalDate.of(2022, 3, 20), Set.of("Вести", "Суспільне"), null, null),
                new Selection(null, null, null, Set.of("independent"), Set.of("ru")),
                new Selection(corpusFirst.minusDays(10), corpusLast.plusDays(40), null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "путин", "Путиным", "=путина", "=Путину", "переговоры", "путин AND (денацификация OR демилитаризация)",
        "демилитаризация", "\"демилитаризованная зона\"", "СВО", "свой", "газ", "Газа", "перегов*", "демилит*",
        "\"мирные переговоры\"", "переговоры NEAR/5 Стамбул", "переговоры ONEAR/3 Стамбул", "Стамбул ONEAR/3 переговоры",
        "путин NEAR/0 переговоры", "(встреча OR саммит) NEAR/2 путин", "\"мирные переговоры\" NEAR/4 стамбул",
        "путин -зеленский", "NOT путин", "путин OR зеленский OR talks", "title:путин", "title:(путин OR саммит)",
        "outlet:Вести AND путин", "group:independent", "lang:uk", "date:2022-02-10..2022-02-20 AND путин",
        "переговори", "Путін", "talks", "negotiation", "Putin", "ёлка", "елка", "*", "путин переговоры саммит"
    })
    void timelineEqualsBruteForce(String q) throws IOException {
        Query query = Query.parse(q);
        boolean[] hit = new boolean[stored.size()];
        for (int i = 0; i < hit.length; i++) {
            hit[i] = matchers.get(i).matches(query.root());
        }
        for (Bucketing by : Bucketing.values()) {
            for (Selection sel : selections()) {
                for (Engine.CountUnit unit : Engine.CountUnit.values()) {
                    LocalDate from = sel.from() == null || sel.from().isBefore(corpusFirst) ? corpusFirst : sel.from();
                    LocalDate to = sel.to() == null || sel.to().isAfter(corpusLast) ? corpusLast : sel.to();
                    Series want = bruteForce(query, hit, sel, by, unit, from, to);
                    for (Engine e : engines) {
                        Series got = Corpus.of(e).timeline(query, sel, by, unit);
                        assertEquals(List.of(from, to), List.of(got.from(), got.to()), e.name() + " range");
                        assertEquals(want.buckets(), got.buckets(), e.name() + " " + q + " " + by + " " + sel + " " + unit);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"путин", "переговоры NEAR/5 Стамбул", "*", "talks OR переговори", "NOT путин"})
    void breakdownEqualsBruteForcePerValue(String q) throws IOException {
        Query query = Query.parse(q);
        boolean[] hit = new boolean[stored.size()];
        for (int i = 0; i < hit.length; i++) {
            hit[i] = matchers.get(i).matches(query.root());
        }
        for (Engine.Facet facet : Engine.Facet.values()) {
            for (Selection sel : selections()) {
                LocalDate from = sel.from() == null || sel.from().isBefore(corpusFirst) ? corpusFirst : sel.from();
                LocalDate to = sel.to() == null || sel.to().isAfter(corpusLast) ? corpusLast : sel.to();
                Set<String> values = new java.util.TreeSet<>();
                for (Article a : stored) {
                    String v = facet == Engine.Facet.OUTLET ? a.outlet() : a.group();
                    if (v != null && selected(a, sel) && !a.day().isBefore(from) && !a.day().isAfter(to)) {
                        values.add(v);
                    }
                }
                assertTrue(values.size() > 1 || !sel.outlets().isEmpty() || !sel.groups().isEmpty(), "several values " + sel);
                for (Engine.CountUnit unit : Engine.CountUnit.values()) {
                    Map<String, Series> want = new java.util.TreeMap<>();
                    for (String v : values) {
                        Selection one = facet == Engine.Facet.OUTLET ? sel.withOutlets(Set.of(v)) : sel.withGroups(Set.of(v));
                        want.put(v, bruteForce(query, hit, one, Bucketing.WEEK, unit, from, to));
                    }
                    for (Engine e : engines) {
                        Map<String, Series> got = Corpus.of(e).breakdown(query, sel, Bucketing.WEEK, unit, facet);
                        String what = e.name() + " " + q + " " + facet + " " + sel + " " + unit;
                        assertEquals(want.keySet(), got.keySet(), what);
                        for (String v : values) {
                            assertEquals(want.get(v).buckets(), got.get(v).buckets(), what + " " + v);
                        }
                    }
                }
            }
        }
    }

    @Test
    void fixtureIsNotTrivial() throws IOException {
        // the comparisons above mean something only if queries match some but not all articles
        Series s = Corpus.of(engine).timeline(Query.parse("путин"), Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
        long c = s.buckets().stream().mapToLong(Bucket::count).sum();
        long t = s.buckets().stream().mapToLong(Bucket::total).sum();
        assertTrue(c > 10 && c < t, c + " of " + t);
        assertTrue(Corpus.of(engine).stats().syndicatedCopies() > 0);
        Series gaps = Corpus.of(engine).timeline(Query.parse("*"), Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES);
        assertTrue(gaps.buckets().stream().anyMatch(Bucket::gap), "the fixture has empty days");
        assertTrue(gaps.buckets().stream().filter(Bucket::gap).allMatch(b -> Double.isNaN(b.share())));
    }

    @Test
    void weeksAreIsoWeeksStartingMonday() throws IOException {
        Series s = Corpus.of(engine).timeline(Query.parse("*"), Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
        for (Bucket b : s.buckets()) {
            assertEquals(java.time.DayOfWeek.MONDAY, b.start().getDayOfWeek());
        }
        assertEquals(s.buckets().stream().mapToLong(Bucket::total).sum(), stored.size());
    }

    private static Series bruteForce(Query q, boolean[] hit, Selection sel, Bucketing by, Engine.CountUnit unit, LocalDate from, LocalDate to) {
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate start = by.start(from); !start.isAfter(to); start = by.next(start)) {
            LocalDate lo = start.isBefore(from) ? from : start;
            LocalDate hi = by.next(start).minusDays(1).isAfter(to) ? to : by.next(start).minusDays(1);
            Set<String> countStories = new HashSet<>();
            Set<String> totalStories = new HashSet<>();
            long count = 0, total = 0;
            for (int i = 0; i < stored.size(); i++) {
                Article a = stored.get(i);
                LocalDate d = a.day();
                if (d.isBefore(lo) || d.isAfter(hi) || !selected(a, sel)) {
                    continue;
                }
                // story identity: letters and digits of the text, per day
                String story = d + "|" + texts.get(i);
                boolean newTotal = unit == Engine.CountUnit.ARTICLES || totalStories.add(story);
                if (newTotal) {
                    total++;
                }
                if (hit[i]) {
                    if (unit == Engine.CountUnit.ARTICLES || countStories.add(story)) {
                        count++;
                    }
                }
            }
            // the bucket's days inside the range and inside the corpus' first to last day, counted one by one
            int days = 0;
            for (LocalDate d = start; d.isBefore(by.next(start)); d = d.plusDays(1)) {
                if (!d.isBefore(lo) && !d.isAfter(hi) && !d.isBefore(corpusFirst) && !d.isAfter(corpusLast)) {
                    days++;
                }
            }
            long length = java.time.temporal.ChronoUnit.DAYS.between(start, by.next(start));
            buckets.add(new Bucket(start, count, total, days, days < length));
        }
        return new Series(q.text(), by, from, to, unit.name().toLowerCase(), buckets);
    }

    private static String normalised(Article a) {
        StringBuilder sb = new StringBuilder();
        for (char c : (a.title() + " " + a.text()).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c == 'ё' || c == 'Ё' ? 'е' : c));
            }
        }
        return sb.toString();
    }

    private static boolean selected(Article a, Selection sel) {
        return (sel.outlets().isEmpty() || sel.outlets().contains(a.outlet()))
                && (sel.groups().isEmpty() || sel.groups().contains(a.group()))
                && (sel.langs().isEmpty() || sel.langs().contains(a.lang()));
    }
}
