package org.narrativewatch.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.narrativewatch.article.Article;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * The seam between the corpus and everything above it. The CLI, the server and the analysis code
 * talk only to this interface; the embedded Lucene engine and the OpenSearch engine implement it
 * and must return the same numbers for the same query.
 */
public interface Engine extends Closeable {

    /** Short name for reports: "lucene", "opensearch". */
    String name();

    /**
     * Adds an article, or replaces the stored one with the same {@link Article#key()}.
     * Nothing is durable before {@link #commit}.
     */
    AddOutcome add(Article article) throws IOException;

    /**
     * Whether {@link #add} may be called from several threads at once (analysis then runs in
     * parallel). Callers must still not add two articles with the same key concurrently.
     */
    default boolean concurrentAdds() {
        return false;
    }

    /** Makes everything added so far durable, recording {@code checkpoint} (what was consumed) with it. */
    void commit(Map<String, String> checkpoint) throws IOException;

    /** The checkpoint recorded by the last commit (empty on a new index). */
    Map<String, String> checkpoint() throws IOException;

    /** Every bucket of the selection's date range (the corpus's range where open), gaps included. */
    Series timeline(Query query, Selection selection, Bucketing by, CountUnit unit) throws IOException;

    /** The same timeline split by outlet or group: one series per value present in the selection. */
    Map<String, Series> breakdown(Query query, Selection selection, Bucketing by, CountUnit unit, Facet facet)
            throws IOException;

    Hits search(Query query, Selection selection, int limit, HitOrder order) throws IOException;

    CorpusStats stats() throws IOException;

    /** Outlets with their group, article count and first and last day. */
    List<OutletInfo> outlets() throws IOException;

    /**
     * Article counts of a target and a baseline set: sizes, outlets and groups, and the terms and
     * queries the request names (explain's keyness). Engines that cannot count terms refuse with a
     * {@link org.narrativewatch.UserException} saying so.
     */
    default Contrast contrast(ContrastRequest request) throws IOException {
        throw new org.narrativewatch.UserException("the " + name() + " engine cannot count terms in article sets "
                + "(explain, cooccur): use the embedded index (--engine lucene)");
    }

    /**
     * The stored text of up to {@code limit} articles of a set: all of them when there are no more,
     * else an even sample across the set (every k-th in index order), the same on every call.
     * With {@code withMatches}, the offsets of the words the set's query matched.
     */
    default java.util.List<ArticleText> texts(ArticleSet set, int limit, boolean withMatches) throws IOException {
        throw new org.narrativewatch.UserException("the " + name() + " engine cannot read article texts for "
                + "explain and cooccur: use the embedded index (--engine lucene)");
    }

    enum AddOutcome { ADDED, ALREADY_PRESENT, REPLACED }

    enum CountUnit {
        /** every stored article */
        ARTICLES,
        /** syndicated copies (same normalised text) counted once per bucket */
        STORIES
    }

    enum Facet { OUTLET, GROUP }

    enum HitOrder { NEWEST, RELEVANCE }
}
