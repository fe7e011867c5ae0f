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
 * Compiles the query AST to Lucene. Words become the OR of their lemma terms (under every language
 * chain the word's alphabet allows) and their exact form; phrases and NEAR/ONEAR become interval
 * queries over the same terms, so a phrase matches any inflection of its words in order.
 */
final class LuceneQueryCompiler {

    /** A prefix may expand to at most this many word forms; more is an error, not a slow query. */
    static final int MAX_PREFIX_EXPANSIONS = 5000;

    private final IndexReader reader;

    LuceneQueryCompiler(IndexReader reader) {
        this.reader = reader;
    }

    Query compile(QueryNode n) {
        if (n instanceof Word || n instanceof Exact || n instanceof Prefix) {
            List<BytesRef> terms = terms(n);
            String field = field(n);
            if (terms.isEmpty()) {
                return new MatchNoDocsQuery("no index terms for " + n);
            }
            if (terms.size() == 1) {
                return new TermQuery(new Term(field, terms.get(0)));
            }
            if (terms.size() <= 16) {
                // a word's few lemmas: plain term clauses need no rewrite per call, and the highlighter
                // reads their matches directly
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (BytesRef t : terms) {
                    b.add(new TermQuery(new Term(field, t)), Occur.SHOULD);
                }
                return b.build();
            }
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
                    b.add(compile(x.part()), Occur.MUST_NOT);
                } else if (p instanceof Filter || p instanceof DateRange) {
                    b.add(compile(p), Occur.FILTER);
                    positive = true;
                } else {
                    b.add(compile(p), Occur.MUST);
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
                b.add(compile(p), Occur.SHOULD);
            }
            return b.build();
        }
        if (n instanceof Not x) {
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(compile(x.part()), Occur.MUST_NOT).build();
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
            List<BytesRef> terms = terms(n);
            if (terms.isEmpty()) {
                return Intervals.noIntervals("no index terms for " + n);
            }
            List<IntervalsSource> alts = new ArrayList<>(terms.size());
            for (BytesRef t : terms) {
                alts.add(Intervals.term(t));
            }
            return alts.size() == 1 ? alts.get(0) : Intervals.or(alts);
        }
        if (n instanceof Phrase p) {
            return Intervals.phrase(p.parts().stream().map(this::intervals).toArray(IntervalsSource[]::new));
        }
        if (n instanceof Near nn) {
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

    /** The index terms a word-like node stands for. */
    List<BytesRef> terms(QueryNode n) {
        Set<String> out = new LinkedHashSet<>();
        if (n instanceof Word w) {
            out.addAll(Analyzers.wordTerms(w.text()));
        } else if (n instanceof Exact e) {
            out.add(Analyzers.exactTerm(e.text()));
        } else if (n instanceof Prefix p) {
            return expandPrefix(Analyzers.exactTerm(p.prefix()), p);
        }
        return out.stream().filter(s -> !s.isEmpty()).map(BytesRef::new).toList();
    }

    private List<BytesRef> expandPrefix(String prefix, Prefix node) {
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
                if (out.size() == MAX_PREFIX_EXPANSIONS) {
                    throw new UserException("query error: '" + node.prefix() + "*' matches more than "
                            + MAX_PREFIX_EXPANSIONS + " word forms; use a longer prefix");
                }
                out.add(BytesRef.deepCopyOf(t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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
