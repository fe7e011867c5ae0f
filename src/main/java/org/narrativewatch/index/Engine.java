package org.narrativewatch.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.narrativewatch.article.Article;
import org.narrativewatch.query.Query;

/**
 * What differs between engines, and nothing else: storing articles, counting them per day, finding
 * them, and describing the stored corpus. Timelines, breakdowns, statistics and bucket folding are
 * written once above this interface, in {@link Corpus}; the CLI, the server and the analysis code
 * read through {@link Corpus}. Every engine must return the same numbers for the same query (the
 * embedded {@link LuceneEngine} is the reference, see OpenSearchEqualityTest).
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

    /**
     * An import begins: the engine may prepare its writer for it (the embedded engine holds back merges on the
     * way while an import fills an empty index, as the import ends merged anyway, {@link SegmentLayout}).
     * Always followed by {@link #finishImport}, unless the process dies first.
     */
    default void beginImport() throws IOException {
    }

    /**
     * The last commit of an import: commits, then may rearrange the stored index for reading (the embedded
     * engine merges segments after a bulk import, {@link SegmentLayout}); the answers do not change.
     */
    default void finishImport(Map<String, String> checkpoint) throws IOException {
        commit(checkpoint);
    }

    /** The checkpoint recorded by the last commit (empty on a new index). */
    Map<String, String> checkpoint() throws IOException;

    /**
     * Per-day counts of the articles that match {@code query} within the selection, and of all
     * articles within it (the totals shares divide by), over the selection's days: its dates, with
     * open ends closed by the corpus' first and last day ({@link Selection#days}). The corpus' day
     * range comes back with the counts, read from the same state of the corpus. In
     * {@link CountUnit#STORIES} syndicated copies (same {@link Hashes#storyHash story hash}) count
     * once per day, and per facet value.
     *
     * @param facet null for one pair of arrays under {@link DayCounts#WHOLE}; else one pair per value
     *              of the facet present among the selected articles (articles without a value are left out)
     */
    DayCounts dayCounts(Query query, Selection selection, CountUnit unit, Facet facet) throws IOException;

    /** The best {@code limit} matches in the selection (its dates included), with the total count. */
    Hits search(Query query, Selection selection, int limit, HitOrder order) throws IOException;

    /**
     * A page of matches: the {@code limit} after the first {@code offset} in {@code order}, with the total count.
     * This default fetches the first {@code offset + limit} and drops the first {@code offset}, so an engine needs
     * nothing more to page; the embedded and OpenSearch engines override it to fetch (and highlight) the page only.
     */
    default Hits search(Query query, Selection selection, int offset, int limit, HitOrder order) throws IOException {
        Hits all = search(query, selection, offset + limit, order);
        return new Hits(all.total(), all.hits().subList(Math.min(offset, all.hits().size()), all.hits().size()));
    }

    /** Per-outlet counts and ranges, languages and copies, with the snapshot they describe. */
    CorpusFacts facts() throws IOException;

    /** Which state of the corpus a figure comes from; cheap enough to call for every export. */
    Snapshot snapshot() throws IOException;

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
        /** syndicated copies (same normalised text) counted once per day */
        STORIES;

        /** "articles" or "stories", as written in series and on the wire. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Facet { OUTLET, GROUP }

    enum HitOrder { NEWEST, RELEVANCE }
}
