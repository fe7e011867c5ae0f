package org.narrativewatch.query;

/** A parsed query: the text as the user wrote it (it travels with every figure) and its AST. */
public record Query(String text, QueryNode root) {

    public static Query parse(String text) {
        return new Query(text, QueryParser.parse(text));
    }
}
