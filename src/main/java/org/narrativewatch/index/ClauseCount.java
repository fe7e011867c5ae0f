package org.narrativewatch.index;

import org.narrativewatch.query.QueryNode;

/**
 * What a compiled query costs, known before it runs: {@code clauses} is the number of leaf clauses
 * the engine evaluates, counted as Lucene counts them against its clause limit (a word, a prefix or
 * a filter is one; a NEAR in either order evaluates both orders, so everything under it counts
 * twice, and a chain of NEARs doubles at each step); {@code expansions} is the number of word forms
 * the query's prefixes expanded to; {@code operators} the AND, OR, NOT, NEAR and phrase nodes. A
 * budget (time, or a product such as expansions × operators) can be checked on these before the
 * search starts.
 */
public record ClauseCount(long clauses, long expansions, int operators) {

    /** The leaf clauses of {@code n} as {@link LuceneQueryCompiler} builds it, prefixes counting one each. */
    public static long clauses(QueryNode n) {
        return clauses(n, 1);
    }

    private static long clauses(QueryNode n, long copies) {
        if (n instanceof QueryNode.Phrase p) {
            return sum(p.parts(), copies);
        }
        if (n instanceof QueryNode.Near nn) {
            // a NEAR in either order is or(ordered(a, b), ordered(b, a)): both parts are evaluated twice
            return sum(nn.parts(), nn.ordered() ? copies : saturatedMultiply(copies, 2));
        }
        if (n instanceof QueryNode.And a) {
            return sum(a.parts(), copies);
        }
        if (n instanceof QueryNode.Or o) {
            return sum(o.parts(), copies);
        }
        if (n instanceof QueryNode.Not x) {
            return saturatedAdd(copies, clauses(x.part(), copies)); // the match-all it subtracts from
        }
        return copies;
    }

    private static long sum(java.util.List<QueryNode> parts, long copies) {
        long sum = 0;
        for (QueryNode x : parts) {
            sum = saturatedAdd(sum, clauses(x, copies));
        }
        return sum;
    }

    /** AND, OR, NOT, NEAR and phrase nodes of {@code n}. */
    public static int operators(QueryNode n) {
        if (n instanceof QueryNode.Phrase) {
            return 1;
        }
        if (n instanceof QueryNode.Near nn) {
            return 1 + operators(nn.parts().get(0)) + operators(nn.parts().get(1));
        }
        if (n instanceof QueryNode.And a) {
            return 1 + a.parts().stream().mapToInt(ClauseCount::operators).sum();
        }
        if (n instanceof QueryNode.Or o) {
            return 1 + o.parts().stream().mapToInt(ClauseCount::operators).sum();
        }
        if (n instanceof QueryNode.Not x) {
            return 1 + operators(x.part());
        }
        return 0;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
