package org.narrativewatch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.narrativewatch.analysis.Analyzers;
import org.narrativewatch.article.Article;
import org.narrativewatch.query.Query;
import org.narrativewatch.query.QueryNode;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * The embedded engine's definitions that another engine must reproduce exactly: the index terms of
 * a query word, the field of a positional node, the prefix cap, the story hash, bucket folding, the
 * terms at every position of an article's fields, and the matched-word spans of a hit. Engines in
 * other packages (OpenSearch) call these instead of copying them, so both engines stay equal when
 * the analysers or the compiler change.
 */
public final class EmbeddedSemantics {
    private EmbeddedSemantics() {}

    /** A prefix may expand to at most this many word forms, in every engine. */
    public static final int MAX_PREFIX_EXPANSIONS = LuceneQueryCompiler.MAX_PREFIX_EXPANSIONS;

    /** Inside a phrase or NEAR a prefix may expand to at most this many word forms, in every engine. */
    public static final int MAX_PREFIX_EXPANSIONS_IN_NEAR = LuceneQueryCompiler.MAX_PREFIX_EXPANSIONS_IN_NEAR;

    /** Refuses a query over the embedded compiler's clause limit, with the same message in every engine. */
    public static void checkLimits(QueryNode n) {
        LuceneQueryCompiler.checkClauses(n);
    }

    /** The message for a prefix with too many word forms. */
    public static String prefixTooBroad(String prefix, boolean positional) {
        return LuceneQueryCompiler.prefixTooBroad(prefix, positional);
    }

    /** Positions between title and text in the body field. */
    public static final int TITLE_TEXT_GAP = Schema.TITLE_TEXT_GAP;

    /** The index terms a Word or Exact node stands for (what the embedded compiler ORs together). */
    public static List<String> wordTerms(QueryNode wordOrExact) {
        if (!(wordOrExact instanceof QueryNode.Word || wordOrExact instanceof QueryNode.Exact)) {
            throw new IllegalArgumentException("not a word: " + wordOrExact);
        }
        return new LuceneQueryCompiler(null).terms(wordOrExact, false).stream().map(BytesRef::utf8ToString).toList();
    }

    /** The term every expansion of {@code prefix*} starts with. */
    public static String prefixTerm(String prefix) {
        return Analyzers.exactTerm(prefix);
    }

    /** The single field ("body" or "title") of a phrase or NEAR; mixing both is the same error as embedded. */
    public static String field(QueryNode n) {
        return LuceneQueryCompiler.field(n);
    }

    public static long storyHash(Article a) {
        return LuceneEngine.storyHash(a);
    }

    public static long hash64(String s) {
        return LuceneEngine.hash64(s);
    }

    /** Per-day counts and totals over [from, to] folded into buckets exactly as the embedded engine does. */
    public static Series fold(String label, Bucketing by, LocalDate from, LocalDate to, Engine.CountUnit unit,
                              long[] counts, long[] totals) {
        return LuceneEngine.fold(label, by, from, to, unit, counts, totals);
    }

    /**
     * The terms the embedded index holds at each position of an article's field: element i lists
     * the distinct terms at position i (empty for a hole left by a removed word). For "body" the
     * title and the text are one field with {@link #TITLE_TEXT_GAP} positions between them, computed
     * the way Lucene's indexing chain does (final position increments and the gap included).
     */
    public static List<List<String>> termsByPosition(Article a, String field) {
        Analyzer an = Analyzers.index(a.lang());
        List<LinkedHashSet<String>> out = new ArrayList<>();
        int[] pos = {-1};
        analyse(an, field, a.title(), pos, out);
        if (Schema.BODY.equals(field)) {
            pos[0] += Schema.TITLE_TEXT_GAP;
            analyse(an, field, a.text(), pos, out);
        }
        List<List<String>> result = new ArrayList<>(out.size());
        out.forEach(s -> result.add(List.copyOf(s)));
        return result;
    }

    private static void analyse(Analyzer an, String field, String value, int[] pos, List<LinkedHashSet<String>> out) {
        try (TokenStream ts = an.tokenStream(field, value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                pos[0] += inc.getPositionIncrement();
                int p = Math.max(pos[0], 0);
                while (out.size() <= p) {
                    out.add(new LinkedHashSet<>());
                }
                out.get(p).add(term.toString());
            }
            ts.end();
            pos[0] += inc.getPositionIncrement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The matched-word spans of a hit's title and snippet. */
    public record Highlight(Hits.Highlighted title, Hits.Highlighted snippet) {}

    /**
     * The spans the embedded engine would show for these articles: they are indexed into a small
     * in-memory Lucene index with the embedded analysers, and the embedded compiler's query and
     * {@link MatchHighlighter} run over it. A remote engine fetches the hits, then calls this.
     */
    public static List<Highlight> highlight(Query query, List<Article> articles) throws IOException {
        LanguageSwitchingAnalyzer analyzer = new LanguageSwitchingAnalyzer();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Article a : articles) {
                analyzer.setLanguage(a.lang());
                Document d = new Document();
                d.add(new Field(Schema.BODY, a.title(), Schema.TEXT_WITH_OFFSETS));
                d.add(new Field(Schema.BODY, a.text(), Schema.TEXT_WITH_OFFSETS));
                d.add(new Field(Schema.TITLE, a.title(), Schema.TEXT_WITH_OFFSETS));
                // the query's own filters (outlet:, lang:, date:) must hold for Matches to report spans
                d.add(new StringField(Schema.OUTLET, a.outlet(), Field.Store.NO));
                if (a.group() != null && !a.group().isBlank()) {
                    d.add(new StringField(Schema.GROUP, a.group(), Field.Store.NO));
                }
                d.add(new StringField(Schema.LANG, a.lang(), Field.Store.NO));
                d.add(new IntPoint(Schema.DAY, (int) a.day().toEpochDay()));
                w.addDocument(d);
            }
            w.commit();
            try (DirectoryReader r = DirectoryReader.open(w)) {
                IndexSearcher s = new IndexSearcher(r);
                MatchHighlighter hl = new MatchHighlighter(s, new LuceneQueryCompiler(r).compile(query.root()));
                List<Highlight> out = new ArrayList<>(articles.size());
                for (int doc = 0; doc < articles.size(); doc++) {
                    Article a = articles.get(doc);
                    MatchHighlighter.Result res = hl.highlight(doc, a.title(), a.text());
                    out.add(new Highlight(res.title(), res.snippet()));
                }
                return out;
            }
        }
    }
}
