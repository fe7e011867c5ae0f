package org.narrativewatch.query;

import org.narrativewatch.UserException;

/**
 * A query that cannot be read, with where: the 1-based column (in characters, i.e. Unicode code
 * points, as a person counts them) and the offending token as written. The message is one line
 * naming the column, then the query and a caret under the problem. It is a {@link UserException},
 * so callers that catch those keep working; programs that place a marker use {@link #column()} or
 * {@link #offset()} instead of reading the message.
 */
public final class QuerySyntaxException extends UserException {
    private final int column;
    private final int offset;
    private final String token;
    private final String reason;

    QuerySyntaxException(String query, int offset, String token, String reason) {
        super(message(query, offset, reason));
        this.offset = offset;
        this.column = query.codePointCount(0, Math.min(offset, query.length())) + 1;
        this.token = token;
        this.reason = reason;
    }

    private static String message(String query, int offset, String reason) {
        int at = Math.min(offset, query.length());
        int col = query.codePointCount(0, at);
        return "query error at column " + (col + 1) + ": " + reason + "\n  " + query + "\n  " + " ".repeat(col) + "^";
    }

    /** 1-based column of the problem, counted in characters (code points). */
    public int column() {
        return column;
    }

    /** 0-based index of the problem in the query string (UTF-16 units, as Java and JavaScript index strings). */
    public int offset() {
        return offset;
    }

    /** The token at the problem as written ("" at the end of the query). */
    public String token() {
        return token;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
