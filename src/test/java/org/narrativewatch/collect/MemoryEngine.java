package org.narrativewatch.collect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.CorpusStats;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Hits;
import org.narrativewatch.index.OutletInfo;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

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
    public Series timeline(Query q, Selection s, Bucketing b, CountUnit u) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Series> breakdown(Query q, Selection s, Bucketing b, CountUnit u, Facet f) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Hits search(Query q, Selection s, int limit, HitOrder o) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CorpusStats stats() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<OutletInfo> outlets() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
