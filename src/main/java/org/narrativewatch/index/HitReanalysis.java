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
        ANALYZER.setLanguage(a.lang());
        MemoryIndex m = new MemoryIndex(true, false);
        if (read.contains(Schema.BODY)) {
            addBody(m, a);
        }
        for (IndexableField f : document(a)) {
            if (!f.name().equals(Schema.BODY) && (read.contains(f.name()) || !TEXT_FIELDS.contains(f.name()))) {
                m.addField(f, ANALYZER);
            }
        }
        return m.createSearcher();
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

    private static void addBody(MemoryIndex m, Article a) throws IOException {
        // body's two values placed as IndexWriter places them (MemoryIndex adds the gaps only after a value
        // that had tokens; IndexWriter always does): text after title + the offset gap, positions after the gap
        Counted title = new Counted(ANALYZER.tokenStream(Schema.BODY, a.title()));
        m.addField(Schema.BODY, title, 0, 0);
        int positionGap = ANALYZER.getPositionIncrementGap(Schema.BODY);
        int offsetGap = ANALYZER.getOffsetGap(Schema.BODY);
        if (title.tokens > 0) {
            m.addField(Schema.BODY, ANALYZER.tokenStream(Schema.BODY, a.text()), positionGap, offsetGap);
        } else {
            // the tokenizer's own offset correction moves every offset, stacked terms' included
            Reader moved = new Moved(new StringReader(a.text()), title.finalOffset + offsetGap);
            m.addField(Schema.BODY, new Gapped(ANALYZER.tokenStream(Schema.BODY, moved), positionGap), 0, 0);
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
