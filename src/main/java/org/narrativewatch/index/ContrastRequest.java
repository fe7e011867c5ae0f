package org.narrativewatch.index;

import java.util.List;
import java.util.Objects;
import org.narrativewatch.query.Query;

/**
 * What {@link Engine#contrast} counts, in articles, in a target and a baseline set.
 *
 * @param allTerms      count every lemma of the index (title and text) found in at least
 *                      {@code minArticles} articles of the two sets together
 * @param terms         count these lemmas whatever their counts; used instead of a full scan when
 *                      the caller has read the sets itself. A lemma is plain, without the index's
 *                      language tag (путин, not ru:путин): it counts the articles holding it in any
 *                      language, as a dictionary lemma or a guessed stem
 * @param queries       count the articles each of these queries matches (phrases, multi-word names)
 * @param minArticles   the floor for {@code allTerms}
 */
public record ContrastRequest(ArticleSet target, ArticleSet baseline, boolean allTerms, List<String> terms,
                              List<Query> queries, int minArticles) {

    public ContrastRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(baseline, "baseline");
        terms = terms == null ? List.of() : List.copyOf(terms);
        queries = queries == null ? List.of() : List.copyOf(queries);
        minArticles = Math.max(1, minArticles);
    }

    /** Sizes, outlets and groups only. */
    public static ContrastRequest sizes(ArticleSet target, ArticleSet baseline) {
        return new ContrastRequest(target, baseline, false, List.of(), List.of(), 1);
    }

    public ContrastRequest withAllTerms(int min) {
        return new ContrastRequest(target, baseline, true, terms, queries, min);
    }

    public ContrastRequest withTerms(List<String> t) {
        return new ContrastRequest(target, baseline, allTerms, t, queries, minArticles);
    }

    public ContrastRequest withQueries(List<Query> q) {
        return new ContrastRequest(target, baseline, allTerms, terms, q, minArticles);
    }
}
