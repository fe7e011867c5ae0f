package org.narrativewatch.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.narrativewatch.UserException;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;

/**
 * Reads and bounds the query-string parameters every endpoint shares. Errors are
 * {@link UserException}s naming the parameter, answered as 400.
 */
final class Params {
    private Params() {}

    static final int MAX_QUERIES = 6;
    static final int MAX_QUERY_CHARS = 1000;
    static final int MAX_FILTER_VALUES = 50;

    /** The {@code q} parameters, 1..max of them, each parsed; a syntax error names which one. */
    static List<Query> queries(Context ctx, int max) {
        List<String> raw = ctx.queryParams("q").stream().filter(s -> !s.isBlank()).toList();
        if (raw.isEmpty()) {
            throw new UserException("parameter q: a query is required");
        }
        if (raw.size() > max) {
            throw new UserException("parameter q: at most " + max + " queries, got " + raw.size());
        }
        List<Query> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(parse(raw.get(i), raw.size() == 1 ? "q" : "q[" + (i + 1) + "]"));
        }
        return out;
    }

    static Query query(Context ctx) {
        return queries(ctx, 1).get(0);
    }

    private static Query parse(String text, String name) {
        if (text.length() > MAX_QUERY_CHARS) {
            throw new UserException("parameter " + name + ": query longer than " + MAX_QUERY_CHARS + " characters");
        }
        try {
            return Query.parse(text);
        } catch (UserException e) {
            throw new QueryError(name, text, e.getMessage());
        }
    }

    /** A query that does not parse: answered as 400 with which query it was. */
    static final class QueryError extends UserException {
        final String param;
        final String query;

        QueryError(String param, String query, String message) {
            super(message);
            this.param = param;
            this.query = query;
        }
    }

    static Selection selection(Context ctx) {
        return new Selection(date(ctx, "from"), date(ctx, "to"), values(ctx, "outlet"), values(ctx, "group"),
                values(ctx, "lang"));
    }

    static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return org.narrativewatch.index.RangeBounds.checkYear(name, LocalDate.parse(v.trim()));
        } catch (DateTimeParseException e) {
            throw new UserException("parameter " + name + ": '" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** Repeated or comma-separated values: {@code outlet=a&outlet=b} or {@code outlet=a,b}. */
    static Set<String> values(Context ctx, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : ctx.queryParams(name)) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        if (out.size() > MAX_FILTER_VALUES) {
            throw new UserException("parameter " + name + ": at most " + MAX_FILTER_VALUES + " values");
        }
        return out;
    }

    static Bucketing by(Context ctx) {
        String v = ctx.queryParam("by");
        return v == null || v.isBlank() ? Bucketing.WEEK : Bucketing.parse(v);
    }

    static Engine.CountUnit unit(Context ctx) {
        return oneOf(ctx, "unit", Engine.CountUnit.class, Engine.CountUnit.ARTICLES);
    }

    static int limit(Context ctx, int dflt, int max) {
        return intParam(ctx, "limit", dflt, 1, max);
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new UserException("parameter " + name + ": must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UserException("parameter " + name + ": '" + v + "' is not a whole number");
        }
    }

    static <E extends Enum<E>> E oneOf(Context ctx, String name, Class<E> type, E dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new UserException("parameter " + name + ": must be one of " + String.join(", ", allowed)
                    + ", not '" + v + "'");
        }
    }

    /** {@code format=json|csv}; json by default. */
    static boolean csv(Context ctx) {
        String v = ctx.queryParam("format");
        if (v == null || v.isBlank() || v.equalsIgnoreCase("json")) {
            return false;
        }
        if (v.equalsIgnoreCase("csv")) {
            return true;
        }
        throw new UserException("parameter format: must be json or csv, not '" + v + "'");
    }
}
