package org.narrativewatch.query;

import java.time.LocalDate;
import java.util.List;

/**
 * The query language's AST. The parser builds it once; each engine compiles it to its own queries
 * (Lucene, OpenSearch DSL), so both count the same thing. Words are kept as the user wrote them:
 * analysis into index terms belongs to the engine side.
 *
 * <p>{@code field} on text nodes is {@link #BODY} (title and text) or {@link #TITLE}.
 */
public sealed interface QueryNode {

    String BODY = "body";
    String TITLE = "title";

    /** A word: matches every inflected form (its lemmas). */
    record Word(String text, String field) implements QueryNode {}

    /** {@code =Путина}: this exact form only (case, ё/е and stress marks folded). */
    record Exact(String text, String field) implements QueryNode {}

    /** {@code перегов*}: forms starting with the prefix; expansions are capped. */
    record Prefix(String prefix, String field) implements QueryNode {}

    /** {@code "мирные переговоры"}: words in this order, adjacent; parts are Word or Exact. */
    record Phrase(List<QueryNode> parts, String field) implements QueryNode {
        public Phrase { parts = List.copyOf(parts); }
    }

    /**
     * {@code a NEAR/5 b} (any order) and {@code a ONEAR/5 b} (in order): at most {@code distance}
     * other words between consecutive parts. Parts are Word, Exact, Prefix, Phrase or an Or of those.
     */
    record Near(List<QueryNode> parts, int distance, boolean ordered) implements QueryNode {
        public Near { parts = List.copyOf(parts); }
    }

    record And(List<QueryNode> parts) implements QueryNode {
        public And { parts = List.copyOf(parts); }
    }

    record Or(List<QueryNode> parts) implements QueryNode {
        public Or { parts = List.copyOf(parts); }
    }

    record Not(QueryNode part) implements QueryNode {}

    /** {@code outlet:1tv.ru}, {@code group:state}, {@code lang:ru}: exact keyword match. */
    record Filter(String field, String value) implements QueryNode {}

    /** {@code date:2022-02-24..2022-03-31}; either end may be open (null). Inclusive days. */
    record DateRange(LocalDate from, LocalDate to) implements QueryNode {}

    /** {@code *} alone: every article of the selection. */
    record All() implements QueryNode {}
}
