package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;

/**
 * Groups assigned at query time are the groups stored at import: an engine whose articles were stored without
 * (or with other) groups, seen through an {@link OutletGroups} table, answers every call exactly as an engine whose
 * articles were stored with the assigned groups (the oracle), for both count units and every facet.
 */
class OutletGroupsTest {

    @TempDir
    Path tmp;

    /** a.example stored without a group (the directory says state), b.example stored as state (the table says
     * official), c.example stored without one (the table says indie), d.example stored as indie, e.example none. */
    static final Map<String, String> TABLE = Map.of("b.example", "official", "c.example", "indie");
    static final Map<String, String> DIRECTORY = Map.of("a.example", "state", "e.example", "");
    static final Map<String, String> ASSIGNED = Map.of("a.example", "state", "b.example", "official",
            "c.example", "indie", "d.example", "indie");

    static List<Article> articles(boolean assigned) {
        Map<String, String> stored = Map.of("b.example", "state", "d.example", "indie");
        List<Article> out = new ArrayList<>();
        String[] outlets = {"a.example", "b.example", "c.example", "d.example", "e.example"};
        String[] texts = {"переговоры в Стамбуле", "погода и снег", "переговоры отложены", "путин и переговоры"};
        int n = 0;
        for (int day = 0; day < 40; day++) {
            for (int k = 0; k < 3; k++) {
                String outlet = outlets[(day + k) % outlets.length];
                // every fifth article is a copy of another outlet's text of the same day: stories count it once
                String text = texts[(day * 3 + k) % texts.length] + (k == 2 && day % 5 == 0 ? "" : " " + (n++));
                String group = assigned ? ASSIGNED.get(outlet) : stored.get(outlet);
                out.add(new Article("https://t.example/" + outlet + "/" + day + "/" + k, outlet, group,
                        OffsetDateTime.parse("2022-01-03T10:00:00Z").plusDays(day).plusHours(k), DateQuality.EXACT, "ru",
                        "", text, null));
            }
        }
        return out;
    }

    static Engine fill(Engine e, List<Article> as) throws IOException {
        for (Article a : as) {
            e.add(a);
        }
        e.commit(Map.of());
        return e;
    }

    static OutletGroups groups() {
        return new OutletGroups(TABLE, DIRECTORY::get, "test");
    }

    @Test
    void assignedGroupsAnswerAsStoredOnesDo() throws IOException {
        List<Engine[]> pairs = List.of(
                new Engine[] {groups().apply(fill(new InMemoryEngine(), articles(false))), fill(new InMemoryEngine(), articles(true))},
                new Engine[] {groups().apply(fill(LuceneEngine.open(tmp.resolve("a")), articles(false))),
                    fill(LuceneEngine.open(tmp.resolve("b")), articles(true))});
        List<String> queries = List.of("*", "переговоры", "group:indie", "переговоры AND NOT group:state",
                "group:state OR group:official", "погода AND group:nosuch");
        List<Selection> selections = List.of(Selection.ALL,
                Selection.ALL.withGroups(Set.of("indie")),
                Selection.ALL.withGroups(Set.of("state", "official")),
                Selection.ALL.withGroups(Set.of("indie")).withOutlets(Set.of("c.example", "a.example")),
                Selection.ALL.withGroups(Set.of("nosuch")),
                Selection.ALL.withOutlets(Set.of("e.example")));
        for (Engine[] p : pairs) {
            Corpus got = Corpus.of(p[0]);
            Corpus want = Corpus.of(p[1]);
            String engine = p[1].name();
            assertEquals(want.stats().byGroup(), got.stats().byGroup(), engine);
            assertEquals(want.outlets(), got.outlets(), engine);
            for (String text : queries) {
                Query q = Query.parse(text);
                for (Selection sel : selections) {
                    for (Engine.CountUnit unit : Engine.CountUnit.values()) {
                        String where = engine + " " + text + " " + sel + " " + unit;
                        assertEquals(want.timeline(q, sel, Bucketing.WEEK, unit), got.timeline(q, sel, Bucketing.WEEK, unit), where);
                        for (Engine.Facet f : Engine.Facet.values()) {
                            assertEquals(want.breakdown(q, sel, Bucketing.WEEK, unit, f), got.breakdown(q, sel, Bucketing.WEEK, unit, f),
                                    where + " by " + f);
                        }
                    }
                    Hits w = want.search(q, sel, 7, 11, Engine.HitOrder.NEWEST);
                    Hits g = got.search(q, sel, 7, 11, Engine.HitOrder.NEWEST);
                    assertEquals(w.total(), g.total(), engine + " " + text + " " + sel);
                    assertEquals(w.hits().stream().map(h -> h.url() + " " + h.group()).toList(),
                            g.hits().stream().map(h -> h.url() + " " + h.group()).toList(), engine + " " + text + " " + sel);
                }
            }
            // relevance order is not moved by the group filter (it is a NOT: it scores nothing)
            Query q = Query.parse("переговоры AND group:indie");
            assertEquals(want.search(q, Selection.ALL, 0, 30, Engine.HitOrder.RELEVANCE).hits().stream().map(Hits.Hit::url).toList(),
                    got.search(q, Selection.ALL, 0, 30, Engine.HitOrder.RELEVANCE).hits().stream().map(Hits.Hit::url).toList(), engine);
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void aCountThatNamesNoGroupNeedsNoPassOverTheCorpus() throws IOException {
        Engine stored = fill(new InMemoryEngine(), articles(false));
        java.util.concurrent.atomic.AtomicInteger factsCalls = new java.util.concurrent.atomic.AtomicInteger();
        Engine counting = (Engine) java.lang.reflect.Proxy.newProxyInstance(Engine.class.getClassLoader(),
                new Class<?>[] {Engine.class}, (proxy, m, args) -> {
                    if (m.getName().equals("facts")) {
                        factsCalls.incrementAndGet();
                    }
                    try {
                        return m.invoke(stored, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Corpus got = Corpus.of(groups().apply(counting));
        Corpus want = Corpus.of(fill(new InMemoryEngine(), articles(true)));
        for (String text : List.of("переговоры", "*", "погода AND NOT переговоры", "outlet:a.example OR outlet:c.example")) {
            Query q = Query.parse(text);
            for (Selection sel : List.of(Selection.ALL, Selection.ALL.withOutlets(Set.of("c.example")))) {
                for (Engine.CountUnit unit : Engine.CountUnit.values()) {
                    assertEquals(want.timeline(q, sel, Bucketing.DAY, unit), got.timeline(q, sel, Bucketing.DAY, unit), text);
                    assertEquals(want.breakdown(q, sel, Bucketing.WEEK, unit, Engine.Facet.OUTLET),
                            got.breakdown(q, sel, Bucketing.WEEK, unit, Engine.Facet.OUTLET), text);
                }
            }
        }
        assertEquals(0, factsCalls.get(), "no group named: the groups' view was not built");
        Query q = Query.parse("переговоры AND NOT group:state");
        assertEquals(want.timeline(q, Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES),
                got.timeline(q, Selection.ALL, Bucketing.DAY, Engine.CountUnit.ARTICLES));
        assertEquals(1, factsCalls.get(), "a group named: the view");
    }

    @Test
    void withNothingToAssignTheEngineIsAskedUnchanged() throws IOException {
        Engine plain = new InMemoryEngine();
        assertSame(plain, OutletGroups.none().apply(plain));
        // stored groups that the table confirms: the inner engine's own answers
        Engine e = new OutletGroups(Map.of("d.example", "indie"), o -> null, "t").apply(fill(new InMemoryEngine(), articles(false)));
        assertEquals(List.of(), ((RegroupedEngine) e).assigned().entrySet().stream()
                .filter(x -> x.getKey().equals("a.example") && x.getValue() != null).toList());
    }

    @Test
    void theTableIsCsvWithAHeaderAndBadLinesAreNamed() throws IOException {
        Path f = tmp.resolve("groups.csv");
        Files.writeString(f, "outlet,group\n# state TV\n1tv.ru,state\n\n\"telegram:Mash, Москва\",telegram\n");
        assertEquals(Map.of("1tv.ru", "state", "telegram:Mash, Москва", "telegram"), OutletGroups.readTable(f));
        Files.writeString(f, "outlet,group\n1tv.ru,state\nmeduza.io\n");
        UserException e = assertThrows(UserException.class, () -> OutletGroups.readTable(f));
        assertTrue(e.getMessage().contains("groups.csv:3"), e.getMessage());
        Files.writeString(f, "1tv.ru,state\n");
        assertTrue(assertThrows(UserException.class, () -> OutletGroups.readTable(f)).getMessage().contains("header outlet,group"));
        Files.writeString(f, "outlet,group\n1tv.ru,state\n1tv.ru,independent\n");
        assertTrue(assertThrows(UserException.class, () -> OutletGroups.readTable(f)).getMessage().contains("two groups"));
    }
}
