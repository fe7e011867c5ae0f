package org.narrativewatch.collect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.CorpusFacts;
import org.narrativewatch.index.DayCounts;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Hits;
import org.narrativewatch.index.Selection;
import org.narrativewatch.index.Snapshot;
import org.narrativewatch.query.Query;

/** A test engine that keeps what is added in memory and distinguishes added from committed. */
final class MemoryEngine implements Engine {

    final Map<String, Article> pending = new LinkedHashMap<>();
    final Map<String, Article> committed = new LinkedHashMap<>();
    Map<String, String> checkpoint = new HashMap<>();
    int commits;
    /** Runs before every add: a test can make some adds fail the way a bug deep in a parser would. */
    java.util.function.Consumer<Article> beforeAdd = a -> { };

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public synchronized AddOutcome add(Article a) {
        beforeAdd.accept(a);
        if (pending.containsKey(a.key()) || committed.containsKey(a.key())) {
            pending.put(a.key(), a);
            return AddOutcome.ALREADY_PRESENT;
        }
        pending.put(a.key(), a);
        return AddOutcome.ADDED;
    }

    @Override
    public synchronized void commit(Map<String, String> cp) {
        committed.putAll(pending);
        pending.clear();
        checkpoint = new HashMap<>(cp);
        commits++;
    }

    @Override
    public synchronized Map<String, String> checkpoint() {
        return Map.copyOf(checkpoint);
    }

    @Override
    public DayCounts dayCounts(Query q, Selection s, CountUnit u, Facet f) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Hits search(Query q, Selection s, int limit, HitOrder o) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CorpusFacts facts() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Snapshot snapshot() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
