package org.narrativewatch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.narrativewatch.UserException;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.query.QueryNode;
import org.narrativewatch.query.QueryNode.All;
import org.narrativewatch.query.QueryNode.And;
import org.narrativewatch.query.QueryNode.DateRange;
import org.narrativewatch.query.QueryNode.Exact;
import org.narrativewatch.query.QueryNode.Filter;
import org.narrativewatch.query.QueryNode.Near;
import org.narrativewatch.query.QueryNode.Not;
import org.narrativewatch.query.QueryNode.Or;
import org.narrativewatch.query.QueryNode.Phrase;
import org.narrativewatch.query.QueryNode.Prefix;
import org.narrativewatch.query.QueryNode.Word;

/**
 * Compiles the query AST to Lucene. A word becomes the set of its terms (its exact form and its
 * reading in every language, {@link Analyzers#wordTerms}): one clause, however many terms. Phrases
 * and NEAR/ONEAR become interval queries over the same terms, so a phrase matches any inflection of
 * its words in order.
 *
 * <p>Limits, checked before anything is built so that a query is refused with a message rather than
 * failing inside Lucene: at most {@value #MAX_CLAUSES} leaf clauses as Lucene counts them
 * ({@link ClauseCount#clauses}; a NEAR in either order counts its parts twice, so a chain of NEARs
 * doubles at every step: 9 words fit, 10 do not); a prefix expands to at most
 * {@value #MAX_PREFIX_EXPANSIONS} word forms, and to at most {@value #MAX_PREFIX_EXPANSIONS_IN_NEAR}
 * inside a phrase or NEAR (Lucene's interval prefixes take no more than its clause limit).
 */
final class LuceneQueryCompiler {

    /** A prefix may expand to at most this many word forms; more is an error, not a slow query. */
    static final int MAX_PREFIX_EXPANSIONS = 5000;
    /** Inside a phrase or NEAR a prefix is an interval source, which Lucene caps at its clause count. */
    static final int MAX_PREFIX_EXPANSIONS_IN_NEAR = 1024;
    /**
     * Leaf clauses per query: Lucene refuses more than 1024 (IndexSearcher's and OpenSearch's default
     * clause count); the rest is left for the selection's own filters.
     */
    static final int MAX_CLAUSES = 1000;

    private final IndexReader reader;
    private long expansions;

    LuceneQueryCompiler(IndexReader reader) {
        this.reader = reader;
    }

    /** Compiles {@code n}, or refuses it with a {@link UserException} when it is over the limits. */
    Query compile(QueryNode n) {
        checkClauses(n);
        expansions = 0;
        return build(n);
    }

    /** The cost of the last compiled query (its prefixes' expansions are known once it is compiled). */
    ClauseCount cost(QueryNode n) {
        return new ClauseCount(ClauseCount.clauses(n), expansions, ClauseCount.operators(n));
    }

    static void checkClauses(QueryNode n) {
        long clauses = ClauseCount.clauses(n);
        if (clauses > MAX_CLAUSES) {
            throw new UserException("query error: the query is too complex: it needs " + (clauses == Long.MAX_VALUE ? "too many" : clauses)
                    + " clauses and at most " + MAX_CLAUSES + " are allowed (a NEAR counts its parts twice, so every "
                    + "NEAR in a chain doubles them); shorten the NEAR chain or split the query");
        }
    }

    private Query build(QueryNode n) {
        if (n instanceof Word || n instanceof Exact || n instanceof Prefix) {
            List<BytesRef> terms = terms(n, false);
            String field = field(n);
            if (terms.isEmpty()) {
                return new MatchNoDocsQuery("no index terms for " + n);
            }
            if (terms.size() == 1) {
                return new TermQuery(new Term(field, terms.get(0)));
            }
            // one clause however many terms: a query of many words stays within the clause limit
            return new TermInSetQuery(field, terms);
        }
        if (n instanceof Phrase || n instanceof Near) {
            return new IntervalQuery(field(n), intervals(n));
        }
        if (n instanceof And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean positive = false;
            for (QueryNode p : a.parts()) {
                if (p instanceof Not x) {
                    b.add(build(x.part()), Occur.MUST_NOT);
                } else if (p instanceof Filter || p instanceof DateRange) {
                    b.add(build(p), Occur.FILTER);
                    positive = true;
                } else {
                    b.add(build(p), Occur.MUST);
                    positive = true;
                }
            }
            if (!positive) {
                b.add(new MatchAllDocsQuery(), Occur.FILTER);
            }
            return b.build();
        }
        if (n instanceof Or o) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (QueryNode p : o.parts()) {
                b.add(build(p), Occur.SHOULD);
            }
            return b.build();
        }
        if (n instanceof Not x) {
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(build(x.part()), Occur.MUST_NOT).build();
        }
        if (n instanceof Filter f) {
            return new TermQuery(new Term(switch (f.field()) {
                case "outlet" -> Schema.OUTLET;
                case "group" -> Schema.GROUP;
                default -> Schema.LANG;
            }, f.field().equals("lang") ? f.value().toLowerCase(java.util.Locale.ROOT) : f.value()));
        }
        if (n instanceof DateRange d) {
            int from = d.from() == null ? Integer.MIN_VALUE : (int) d.from().toEpochDay();
            int to = d.to() == null ? Integer.MAX_VALUE : (int) d.to().toEpochDay();
            return IntPoint.newRangeQuery(Schema.DAY, from, to);
        }
        if (n instanceof All) {
            return new MatchAllDocsQuery();
        }
        throw new IllegalStateException("unknown node " + n);
    }

    private IntervalsSource intervals(QueryNode n) {
        if (n instanceof Word || n instanceof Exact || n instanceof Prefix) {
            List<BytesRef> terms = terms(n, true);
            if (terms.isEmpty()) {
                return Intervals.noIntervals("no index terms for " + n);
            }
            if (terms.size() == 1) {
                return Intervals.term(terms.get(0));
            }
            // the terms as one automaton: one clause (Lucene counts every term of an Intervals.or)
            CompiledAutomaton set = new CompiledAutomaton(Automata.makeBinaryStringUnion(terms), true, false,
                    Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, true);
            return Intervals.multiterm(set, terms.size(), n.toString());
        }
        if (n instanceof Phrase p) {
            return Intervals.phrase(p.parts().stream().map(this::intervals).toArray(IntervalsSource[]::new));
        }
        if (n instanceof Near nn) {
            // each side is built once and shared by both orders: building stays linear in the query
            IntervalsSource a = intervals(nn.parts().get(0));
            IntervalsSource b = intervals(nn.parts().get(1));
            IntervalsSource both = nn.ordered() ? Intervals.ordered(a, b) : Intervals.unorderedNoOverlaps(a, b);
            return Intervals.maxgaps(nn.distance(), both);
        }
        if (n instanceof Or o) {
            return Intervals.or(o.parts().stream().map(this::intervals).toList());
        }
        throw new UserException("query error: NEAR and phrases join words, not " + n);
    }

    /** The single field of a text node; NEAR across title: and body is refused. */
    static String field(QueryNode n) {
        Set<String> fields = new LinkedHashSet<>();
        collectFields(n, fields);
        if (fields.size() > 1) {
            throw new UserException("query error: NEAR and phrases cannot mix title: words with body words");
        }
        return fields.isEmpty() ? Schema.BODY : fields.iterator().next();
    }

    private static void collectFields(QueryNode n, Set<String> out) {
        if (n instanceof Word w) {
            out.add(w.field());
        } else if (n instanceof Exact e) {
            out.add(e.field());
        } else if (n instanceof Prefix p) {
            out.add(p.field());
        } else if (n instanceof Phrase p) {
            out.add(p.field());
        } else if (n instanceof Near nn) {
            nn.parts().forEach(x -> collectFields(x, out));
        } else if (n instanceof Or o) {
            o.parts().forEach(x -> collectFields(x, out));
        }
    }

    /** The index terms a word-like node stands for, sorted (prefix expansions capped). */
    List<BytesRef> terms(QueryNode n, boolean positional) {
        Set<String> out = new LinkedHashSet<>();
        if (n instanceof Word w) {
            out.addAll(Analyzers.wordTerms(w.text()));
        } else if (n instanceof Exact e) {
            out.add(Analyzers.exactTerm(e.text()));
        } else if (n instanceof Prefix p) {
            List<BytesRef> expanded = expandPrefix(Analyzers.exactTerm(p.prefix()), p, positional);
            expansions += expanded.size();
            return expanded;
        }
        return out.stream().filter(s -> !s.isEmpty()).map(BytesRef::new).sorted().toList();
    }

    private List<BytesRef> expandPrefix(String prefix, Prefix node, boolean positional) {
        int cap = positional ? MAX_PREFIX_EXPANSIONS_IN_NEAR : MAX_PREFIX_EXPANSIONS;
        List<BytesRef> out = new ArrayList<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, node.field());
            if (terms == null) {
                return out;
            }
            TermsEnum te = terms.iterator();
            BytesRef p = new BytesRef(prefix);
            if (te.seekCeil(p) == TermsEnum.SeekStatus.END) {
                return out;
            }
            for (BytesRef t = te.term(); t != null && startsWith(t, p); t = te.next()) {
                if (out.size() == cap) {
                    throw new UserException(prefixTooBroad(node.prefix(), positional));
                }
                out.add(BytesRef.deepCopyOf(t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String prefixTooBroad(String prefix, boolean positional) {
        int cap = positional ? MAX_PREFIX_EXPANSIONS_IN_NEAR : MAX_PREFIX_EXPANSIONS;
        return "query error: '" + prefix + "*' matches more than " + cap + " word forms"
                + (positional ? " (the limit inside a phrase or NEAR)" : "") + "; use a longer prefix";
    }

    private static boolean startsWith(BytesRef t, BytesRef p) {
        if (t.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (t.bytes[t.offset + i] != p.bytes[p.offset + i]) {
                return false;
            }
        }
        return true;
    }
}
