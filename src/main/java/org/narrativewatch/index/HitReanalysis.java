package org.narrativewatch.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.narrativewatch.article.Article;

/**
 * Match spans from the few hits shown, not from every posting: the index on disk keeps positions
 * only (offsets in every posting cost a fifth of the index and a tenth of the import), and a hit
 * whose words must be marked is analysed again, with offsets, into a one-document {@link MemoryIndex}
 * with the same chain, fields, position gap and filters the index has. The query compiled against
 * the index runs there, so its {@link Matches} are those it has in the index, with offsets.
 */
final class HitReanalysis {
    private HitReanalysis() {}

    /**
     * The fields of {@code a} that a compiled query reads: the text fields with offsets, and the
     * keyword and day fields its filters (outlet:, group:, lang:, date:) test.
     */
    static Document document(Article a) {
        Document d = new Document();
        d.add(new Field(Schema.BODY, a.title(), Schema.TEXT_WITH_OFFSETS));
        d.add(new Field(Schema.BODY, a.text(), Schema.TEXT_WITH_OFFSETS));
        d.add(new Field(Schema.TITLE, a.title(), Schema.TEXT_WITH_OFFSETS));
        d.add(new StringField(Schema.OUTLET, a.outlet(), Field.Store.NO));
        if (a.group() != null && !a.group().isBlank()) {
            d.add(new StringField(Schema.GROUP, a.group(), Field.Store.NO));
        }
        d.add(new StringField(Schema.LANG, a.lang(), Field.Store.NO));
        d.add(new IntPoint(Schema.DAY, Schema.day(a)));
        return d;
    }

    /**
     * The article alone in an in-memory index with offsets, analysed in its own language, with the fields
     * {@code compiled} reads (a text field no part of the query names cannot change what it matches, and
     * analysing it would be wasted: a word query needs {@code body} only): its doc is 0.
     */
    static IndexSearcher searcher(Article a, Query compiled) throws IOException {
        Set<String> read = fields(compiled);
        QueryTerms terms = QueryTerms.forQuery(compiled);
        ANALYZER.setLanguage(a.lang());
        MemoryIndex m = new MemoryIndex(true, false);
        if (read.contains(Schema.BODY)) {
            addBody(m, a, terms);
        }
        for (IndexableField f : document(a)) {
            if (f.name().equals(Schema.TITLE) && read.contains(Schema.TITLE)) {
                // as MemoryIndex.addField(field, analyzer) adds a first value: no gaps
                m.addField(Schema.TITLE, terms.keepOnly(Schema.TITLE, ANALYZER.tokenStream(Schema.TITLE, a.title())), 0, 0);
            } else if (!TEXT_FIELDS.contains(f.name())) {
                m.addField(f, ANALYZER);
            }
        }
        return m.createSearcher();
    }

    /** What no index term is: the stand-in for a value's last token when the query cannot read it (see {@link OtherTerms}). */
    static final String OTHER_TERM = "\u0001";

    /**
     * The terms a compiled query can read, per text field, so that re-analysis stores only those
     * ({@link OtherTerms}: the kept tokens keep their positions and offsets, so phrases, NEAR and the
     * position gaps see the same text), and the in-memory index hashes, stores and sorts a handful of
     * terms instead of every lemma and form of the hit (a third of a top-20 search's time). Negated
     * clauses count too. A part whose terms cannot be told (none of the compiler's queries) keeps every
     * term of that field.
     */
    static final class QueryTerms {
        private final java.util.Map<String, Set<org.apache.lucene.util.BytesRef>> exact = new java.util.HashMap<>();
        private final java.util.Map<String, java.util.List<org.apache.lucene.util.automaton.ByteRunAutomaton>> automata = new java.util.HashMap<>();
        private final Set<String> any = new HashSet<>();

        /** The last query's terms, per thread: a page of hits asks with the same query 20 times. */
        private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

        static QueryTerms forQuery(Query q) {
            Object[] last = LAST.get();
            if (last != null && last[0] == q) {
                return (QueryTerms) last[1];
            }
            QueryTerms t = of(q);
            LAST.set(new Object[] {q, t});
            return t;
        }

        static QueryTerms of(Query q) {
            QueryTerms t = new QueryTerms();
            q.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                    for (org.apache.lucene.index.Term x : terms) {
                        t.exact.computeIfAbsent(x.field(), k -> new HashSet<>()).add(x.bytes());
                    }
                }

                @Override
                public void consumeTermsMatching(Query query, String field,
                                                 java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                    t.automata.computeIfAbsent(field, k -> new java.util.ArrayList<>()).add(automaton.get());
                }

                @Override
                public void visitLeaf(Query query) {
                    if (!(query instanceof org.apache.lucene.search.PointRangeQuery
                            || query instanceof org.apache.lucene.search.MatchAllDocsQuery
                            || query instanceof org.apache.lucene.search.MatchNoDocsQuery)) {
                        t.any.addAll(TEXT_FIELDS); // cannot tell which terms: keep them all
                    }
                }

                @Override
                public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                    return this;
                }
            });
            return t;
        }

        boolean reads(String field, org.apache.lucene.util.BytesRef term) {
            Set<org.apache.lucene.util.BytesRef> e = exact.get(field);
            if (e != null && e.contains(term)) {
                return true;
            }
            for (org.apache.lucene.util.automaton.ByteRunAutomaton a : automata.getOrDefault(field, java.util.List.of())) {
                if (a.run(term.bytes, term.offset, term.length)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code in} with only the terms {@code field}'s clauses can read (and its last token). */
        TokenStream keepOnly(String field, TokenStream in) {
            return any.contains(field) ? in : new OtherTerms(in, this, field);
        }
    }

    /**
     * Drops the terms the query cannot read, carrying their position increments to the next kept token
     * (so kept tokens keep their positions), except the value's last token, kept as {@link #OTHER_TERM}:
     * MemoryIndex places the next value after a value's last stored token and only after a value that
     * stored one, so the last token must stay for body's text to land where IndexWriter put it.
     */
    private static final class OtherTerms extends TokenFilter {
        private final org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
                addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final QueryTerms keep;
        private final String field;
        private final org.apache.lucene.util.BytesRefBuilder bytes = new org.apache.lucene.util.BytesRefBuilder();
        private State held;
        /** the attributes as the chain left them after its last token */
        private State fromInput;
        private int carried;
        private boolean done;

        OtherTerms(TokenStream in, QueryTerms keep, String field) {
            super(in);
            this.keep = keep;
            this.field = field;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (done) {
                return false;
            }
            if (held == null) {
                if (!input.incrementToken()) {
                    done = true;
                    return false;
                }
                held = captureState();
                fromInput = held;
            }
            while (true) {
                // the chain's filters stack a lemma on the attributes they left (offsets included): they must
                // find them as they were, not the held token's
                restoreState(fromInput);
                boolean more = input.incrementToken();
                State next = more ? captureState() : null;
                fromInput = next;
                restoreState(held);
                increment.setPositionIncrement(increment.getPositionIncrement() + carried);
                carried = 0;
                bytes.copyChars(term);
                boolean reads = keep.reads(field, bytes.get());
                held = next;
                if (!more) {
                    done = true;
                    if (!reads) {
                        term.setEmpty().append(OTHER_TERM);
                    }
                    return true;
                }
                if (reads) {
                    return true;
                }
                carried = increment.getPositionIncrement();
            }
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            held = null;
            fromInput = null;
            carried = 0;
            done = false;
        }
    }

    private static final Set<String> TEXT_FIELDS = Set.of(Schema.BODY, Schema.TITLE);

    /** Every field any clause of {@code q} names, negated clauses included. */
    static Set<String> fields(Query q) {
        Set<String> out = new HashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                out.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return out;
    }

    private static void addBody(MemoryIndex m, Article a, QueryTerms terms) throws IOException {
        // body's two values placed as IndexWriter places them (MemoryIndex adds the gaps only after a value
        // that had tokens; IndexWriter always does): text after title + the offset gap, positions after the gap
        Counted title = new Counted(ANALYZER.tokenStream(Schema.BODY, a.title()));
        m.addField(Schema.BODY, terms.keepOnly(Schema.BODY, title), 0, 0);
        int positionGap = ANALYZER.getPositionIncrementGap(Schema.BODY);
        int offsetGap = ANALYZER.getOffsetGap(Schema.BODY);
        if (title.tokens > 0) {
            m.addField(Schema.BODY, terms.keepOnly(Schema.BODY, ANALYZER.tokenStream(Schema.BODY, a.text())), positionGap, offsetGap);
        } else {
            // the tokenizer's own offset correction moves every offset, stacked terms' included
            Reader moved = new Moved(new StringReader(a.text()), title.finalOffset + offsetGap);
            m.addField(Schema.BODY, terms.keepOnly(Schema.BODY, new Gapped(ANALYZER.tokenStream(Schema.BODY, moved), positionGap)), 0, 0);
        }
    }

    /** What {@code compiled} (a query compiled against the index) matches in {@code a}; null when nothing. */
    static Matches matches(Query compiled, Article a) throws IOException {
        IndexSearcher s = searcher(a, compiled);
        Weight w = s.createWeight(s.rewrite(compiled), ScoreMode.COMPLETE_NO_SCORES, 1f);
        LeafReaderContext leaf = s.getIndexReader().leaves().get(0);
        return w.matches(leaf, 0);
    }

    /** Its language is set per thread, before each article; token streams are per thread too. */
    private static final LanguageSwitchingAnalyzer ANALYZER = new LanguageSwitchingAnalyzer();

    /** Counts the tokens of a value and keeps its final offset. */
    private static final class Counted extends TokenFilter {
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        int tokens;
        int finalOffset;

        Counted(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (input.incrementToken()) {
                tokens++;
                return true;
            }
            return false;
        }

        @Override
        public void end() throws IOException {
            super.end();
            finalOffset = offset.endOffset();
        }
    }

    /** The first position moved by a gap, as if a value before it had taken it. */
    private static final class Gapped extends TokenFilter {
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final int gap;
        private boolean first = true;

        Gapped(TokenStream in, int gap) {
            super(in);
            this.gap = gap;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (first) {
                increment.setPositionIncrement(increment.getPositionIncrement() + gap);
                first = false;
            }
            return true;
        }
    }

    /** Text whose offsets count from {@code chars} on: the value is placed after {@code chars} characters. */
    private static final class Moved extends CharFilter {
        private final int chars;

        Moved(Reader in, int chars) {
            super(in);
            this.chars = chars;
        }

        @Override
        protected int correct(int offset) {
            return offset + chars;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            return input.read(buf, off, len);
        }
    }
}
