package org.narrativewatch.query;

/** Recursive-descent parser for the query language (docs/query-language.md). */
public final class QueryParser {
    private QueryParser() {}

    public static QueryNode parse(String text) {
        throw new UnsupportedOperationException("query parser: being written");
    }
}
