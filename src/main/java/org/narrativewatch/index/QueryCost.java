package org.narrativewatch.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.narrativewatch.UserException;
import org.narrativewatch.query.QueryNode;
import org.narrativewatch.query.QueryNode.And;
import org.narrativewatch.query.QueryNode.Exact;
import org.narrativewatch.query.QueryNode.Near;
import org.narrativewatch.query.QueryNode.Not;
import org.narrativewatch.query.QueryNode.Or;
import org.narrativewatch.query.QueryNode.Phrase;
import org.narrativewatch.query.QueryNode.Prefix;
import org.narrativewatch.query.QueryNode.Word;

/**
 * What a query will cost, estimated before it runs from the parsed query and the index's term
 * dictionary, and the budget every engine holds a query to (docs/reliability.md, "Queries").
 *
 * <p>The engine evaluates each word of a query once per index term it stands for (a word's lemmas
 * and exact form; a prefix's expansions, read from the term dictionary) and once more for every
 * time its place in the query is evaluated: a NEAR in either order is the union of both orders, so
 * everything under it is evaluated twice, and a chain of NEARs doubles at each step. Hence
 * <ul>
 *   <li>{@code termReads} = Σ over the words of (index terms) × (evaluations): "expansions ×
 *       operators" made exact. The budget is {@value #MAX_TERM_READS}.
 *   <li>{@code postings} = Σ over the words of (evaluations) × (their terms' positions inside a phrase
 *       or NEAR, their documents elsewhere), from the term dictionary's frequencies: the entries the
 *       search will read, selection filters ignored. The budget is {@value #MAX_POSTINGS}; -1 when
 *       the engine does not know frequencies (OpenSearch), and then only {@code termReads} is held.
 *   <li>{@code expansions}: the word forms the query's prefixes expanded to.
 * </ul>
 * A query over budget is refused with a {@link UserException} (CLI exit 1, API 400) naming its
 * costliest word; a query under budget but {@link #heavy()} runs on the server's heavy lane, so
 * cheap queries keep a free worker.
 */
public record QueryCost(long termReads, long postings, long expansions, String costliest) {

    /** Index terms × evaluations allowed in one query. */
    public static final long MAX_TERM_READS = 20_000;
    /** Postings entries (positions in NEAR and phrases, documents elsewhere) one query may read. */
    public static final long MAX_POSTINGS = 500_000_000L;
    /** Above either of these a query is heavy: it runs where it cannot hold up cheap ones. */
    public static final long HEAVY_TERM_READS = 2_000;
    public static final long HEAVY_POSTINGS = 1_000_000L;

    /** An index term and its frequencies (-1 when the engine does not know them). */
    public record TermFreq(String term, long docs, long positions) {}

    /** What the estimate reads from an engine's term dictionary. */
    public interface TermDictionary {
        /** Each of {@code terms} with its frequencies in {@code field} (zero when absent, -1 when unknown). */
        List<TermFreq> frequencies(String field, List<String> terms) throws IOException;

        /** At most {@code limit} terms of {@code field} starting with {@code prefixTerm}, in term order. */
        List<TermFreq> startingWith(String field, String prefixTerm, int limit) throws IOException;

        /**
         * Where the estimate keeps what it learnt of each word. An engine may keep it for as long as
         * its index is unchanged (a dashboard asks the same words again and again: analysing a word and
         * seeking its terms in every segment is most of the estimate's time).
         */
        default Map<QueryNode, LeafCost> memo() {
            return new HashMap<>();
        }
    }

    /** What one word, exact form or prefix stands for: its index terms and their summed frequencies. */
    public record LeafCost(int terms, long docs, long positions, boolean known) {}

    /** Beyond this many remembered words a memo starts again (it is a cache, not a record). */
    static final int MEMO_LIMIT = 10_000;

    /** Whether the query belongs on the server's heavy lane (over either heavy threshold). */
    public boolean heavy() {
        return termReads > HEAVY_TERM_READS || postings > HEAVY_POSTINGS;
    }

    /** The larger of the two budget shares used, for logs and tests. */
    public double budgetShare() {
        return Math.max((double) termReads / MAX_TERM_READS, postings < 0 ? 0 : (double) postings / MAX_POSTINGS);
    }

    /** Refuses the query when it is over budget; the message names its costliest word. */
    public void requireWithinBudget() {
        if (termReads > MAX_TERM_READS) {
            throw new UserException("query error: the query is too expensive: it evaluates index terms "
                    + (termReads == Long.MAX_VALUE ? "too many" : format(termReads)) + " times, more than the budget of "
                    + format(MAX_TERM_READS) + " (" + costliest + "); use longer prefixes, fewer NEARs in a chain, "
                    + "or split the query");
        }
        if (postings > MAX_POSTINGS) {
            throw new UserException("query error: the query is too expensive: it would read about "
                    + format(postings) + " postings, more than the budget of " + format(MAX_POSTINGS) + " ("
                    + costliest + "); use rarer words or longer prefixes, fewer NEARs in a chain, or split the query");
        }
    }

    /** Estimates {@code root}'s cost from {@code dict}; stops early (and is over budget) once the term reads pass it. */
    public static QueryCost estimate(QueryNode root, TermDictionary dict) throws IOException {
        Estimate e = new Estimate(dict);
        e.walk(root, 1, false);
        return new QueryCost(e.termReads, e.frequencies ? e.postings : -1, e.expansions, e.costliest());
    }

    private static final class Estimate {
        private final TermDictionary dict;
        private final Map<QueryNode, LeafCost> memo;
        private final Set<QueryNode> seen = new HashSet<>();
        long termReads;
        long postings;
        long expansions;
        boolean frequencies = true;
        private long worst = -1;
        private String worstText = "";

        Estimate(TermDictionary dict) {
            this.dict = dict;
            this.memo = dict.memo();
            if (memo.size() > MEMO_LIMIT) {
                memo.clear();
            }
        }

        void walk(QueryNode n, long evaluations, boolean positional) throws IOException {
            if (termReads > MAX_TERM_READS) {
                return; // over budget already: the rest cannot change the answer, and may be slow to read
            }
            if (n instanceof Word || n instanceof Exact || n instanceof Prefix) {
                leaf(n, evaluations, positional);
            } else if (n instanceof Phrase p) {
                for (QueryNode x : p.parts()) {
                    walk(x, evaluations, true);
                }
            } else if (n instanceof Near nn) {
                // Lucene's unordered NEAR is or(ordered(a, b), ordered(b, a)): both sides run twice
                long e = nn.ordered() ? evaluations : times(evaluations, 2);
                for (QueryNode x : nn.parts()) {
                    walk(x, e, true);
                }
            } else if (n instanceof And a) {
                for (QueryNode x : a.parts()) {
                    walk(x, evaluations, positional);
                }
            } else if (n instanceof Or o) {
                for (QueryNode x : o.parts()) {
                    walk(x, evaluations, positional);
                }
            } else if (n instanceof Not x) {
                walk(x.part(), evaluations, positional);
            }
            // filters, date ranges and '*' read doc values and points: cheap, and bounded by the corpus
        }

        private void leaf(QueryNode n, long evaluations, boolean positional) throws IOException {
            LeafCost l = memo.get(n);
            if (l == null) {
                l = read(n);
                memo.put(n, l);
            }
            if (n instanceof Prefix && seen.add(n)) {
                expansions += l.terms();
            }
            long reads = times(l.terms(), evaluations);
            termReads = plus(termReads, reads);
            frequencies &= l.known();
            long cost = times(positional ? l.positions() : l.docs(), evaluations);
            postings = plus(postings, cost);
            long weight = frequencies ? cost : reads;
            if (weight > worst) {
                worst = weight;
                worstText = "'" + text(n) + "'" + (l.terms() == 1 ? "" : " stands for " + format(l.terms()) + " index terms")
                        + (evaluations == 1 ? "" : (l.terms() == 1 ? " is" : " and is") + " evaluated " + format(evaluations)
                        + " times by the NEARs around it");
            }
        }

        private LeafCost read(QueryNode n) throws IOException {
            List<TermFreq> terms;
            if (n instanceof Prefix p) {
                terms = dict.startingWith(p.field(), EmbeddedSemantics.prefixTerm(p.prefix()),
                        EmbeddedSemantics.MAX_PREFIX_EXPANSIONS + 1);
            } else {
                terms = dict.frequencies(n instanceof Word w ? w.field() : ((Exact) n).field(), EmbeddedSemantics.wordTerms(n));
            }
            long docs = 0;
            long positions = 0;
            boolean known = true;
            for (TermFreq t : terms) {
                known &= t.docs() >= 0 && t.positions() >= 0;
                docs = plus(docs, Math.max(0, t.docs()));
                positions = plus(positions, Math.max(0, t.positions()));
            }
            return new LeafCost(terms.size(), docs, positions, known);
        }

        String costliest() {
            return worstText.isEmpty() ? "no words" : "the costliest: " + worstText;
        }
    }

    private static String text(QueryNode n) {
        String field = "";
        String t;
        if (n instanceof Word w) {
            t = w.text();
            field = w.field();
        } else if (n instanceof Exact e) {
            t = "=" + e.text();
            field = e.field();
        } else {
            Prefix p = (Prefix) n;
            t = p.prefix() + "*";
            field = p.field();
        }
        return QueryNode.TITLE.equals(field) ? "title:" + t : t;
    }

    static String format(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long plus(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
