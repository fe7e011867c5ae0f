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
 * @param forms         words the index keeps as written, with no lemma (acronyms: США, НАТО), folded
 *                      to lower case as the index has them: each counts the articles holding the
 *                      written form or the lemma of the same spelling; reported in {@code terms},
 *                      replacing the lemma's count when both are asked for
 */
public record ContrastRequest(ArticleSet target, ArticleSet baseline, boolean allTerms, List<String> terms,
                              List<Query> queries, int minArticles, List<String> forms) {

    public ContrastRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(baseline, "baseline");
        terms = terms == null ? List.of() : List.copyOf(terms);
        queries = queries == null ? List.of() : List.copyOf(queries);
        forms = forms == null ? List.of() : List.copyOf(forms);
        minArticles = Math.max(1, minArticles);
    }

    /** Sizes, outlets and groups only. */
    public static ContrastRequest sizes(ArticleSet target, ArticleSet baseline) {
        return new ContrastRequest(target, baseline, false, List.of(), List.of(), 1, List.of());
    }

    public ContrastRequest withAllTerms(int min) {
        return new ContrastRequest(target, baseline, true, terms, queries, min, forms);
    }

    public ContrastRequest withTerms(List<String> t) {
        return new ContrastRequest(target, baseline, allTerms, t, queries, minArticles, forms);
    }

    public ContrastRequest withQueries(List<Query> q) {
        return new ContrastRequest(target, baseline, allTerms, terms, q, minArticles, forms);
    }

    public ContrastRequest withForms(List<String> f) {
        return new ContrastRequest(target, baseline, allTerms, terms, queries, minArticles, f);
    }
}
