package org.narrativewatch.index;

import java.util.Objects;
import org.narrativewatch.query.Query;

/**
 * A set of articles to compare ({@link Engine#contrast}, {@link Engine#texts}): the articles of a
 * selection that a query matches, or — {@code complement} — those of the selection it does not
 * match ("the rest"). A null query means every article of the selection.
 */
public record ArticleSet(Query query, Selection selection, boolean complement) {

    public ArticleSet {
        Objects.requireNonNull(selection, "selection");
        if (complement && query == null) {
            throw new IllegalArgumentException("the complement of every article is empty");
        }
    }

    public static ArticleSet matching(Query query, Selection selection) {
        return new ArticleSet(query, selection, false);
    }

    public static ArticleSet notMatching(Query query, Selection selection) {
        return new ArticleSet(query, selection, true);
    }

    public static ArticleSet all(Selection selection) {
        return new ArticleSet(null, selection, false);
    }
}
