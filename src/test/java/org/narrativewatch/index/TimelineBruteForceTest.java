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

/** The index's timelines equal a brute-force pass that analyses every stored article the same way. */
class TimelineBruteForceTest {

    @TempDir
    static Path tmp;
    static LuceneEngine engine;
    static List<Article> stored;
    static List<ReferenceMatcher> matchers;

    @BeforeAll
    static void build() throws IOException {
        engine = LuceneEngine.open(tmp.resolve("idx"));
        for (Article a : FixtureCorpus.articles(42)) {
            engine.add(a);
        }
        engine.commit(Map.of());
        stored = engine.storedArticles();
        matchers = stored.stream().map(ReferenceMatcher::new).toList();
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
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
            for (Selection sel : List.of(Selection.ALL,
                    new Selection(LocalDate.of(2022, 2, 3), LocalDate.of(2022, 3, 20), Set.of("Вести", "Суспільне"), null, null),
                    new Selection(null, null, null, Set.of("independent"), Set.of("ru")))) {
                for (Engine.CountUnit unit : Engine.CountUnit.values()) {
                    Series got = engine.timeline(query, sel, by, unit);
                    Series want = bruteForce(query, hit, sel, by, unit, got.from(), got.to());
                    assertEquals(want.buckets(), got.buckets(), q + " " + by + " " + sel + " " + unit);
                }
            }
        }
    }

    @Test
    void fixtureIsNotTrivial() throws IOException {
        // the comparisons above mean something only if queries match some but not all articles
        Series s = engine.timeline(Query.parse("путин"), Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
        long c = s.buckets().stream().mapToLong(Bucket::count).sum();
        long t = s.buckets().stream().mapToLong(Bucket::total).sum();
        assertTrue(c > 10 && c < t, c + " of " + t);
        assertTrue(engine.stats().syndicatedCopies() > 0);
        Series gaps = engine.timeline(Query.parse("*"), Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES);
        assertTrue(gaps.buckets().stream().anyMatch(Bucket::gap), "the fixture has empty days");
        assertTrue(gaps.buckets().stream().filter(Bucket::gap).allMatch(b -> Double.isNaN(b.share())));
    }

    @Test
    void weeksAreIsoWeeksStartingMonday() throws IOException {
        Series s = engine.timeline(Query.parse("*"), Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES);
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
                String story = d + "|" + normalised(a);
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
            buckets.add(new Bucket(start, count, total));
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
