package org.narrativewatch.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.narrativewatch.query.QueryNode;

/**
 * Queries already compiled against a reader, with their cost, kept for as long as that reader is open
 * (one map per reader state, dropped when it closes, as {@link LuceneTermDictionary} keeps its memo).
 * A compiled query depends on the reader only through prefix expansions, which read its term
 * dictionary, so the same reader gives the same Lucene query for the same parsed query: a dashboard or
 * a script asking the same question again skips the analysis of its words and, for phrases and NEAR,
 * the building of their term automata (together about a third of a warm call before this cache).
 */
final class CompiledQueries {
    private CompiledQueries() {}

    /** A query compiled against one reader, and what it was estimated to cost there. */
    record Compiled(Query query, QueryCost cost) {}

    /** Beyond this many queries a reader's map starts again (a cache, not a record; keys are small ASTs). */
    static final int LIMIT = 2_000;

    private static final Map<IndexReader.CacheKey, Map<QueryNode, Compiled>> BY_READER = new ConcurrentHashMap<>();

    /** The queries compiled against {@code reader}; an empty throwaway map for a reader without a cache key. */
    static Map<QueryNode, Compiled> of(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return new ConcurrentHashMap<>();
        }
        Map<QueryNode, Compiled> m = BY_READER.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(BY_READER::remove);
            return new ConcurrentHashMap<>();
        });
        if (m.size() > LIMIT) {
            m.clear();
        }
        return m;
    }

    /** How many readers have a map now (tests: maps go when their reader closes). */
    static int readers() {
        return BY_READER.size();
    }
}
