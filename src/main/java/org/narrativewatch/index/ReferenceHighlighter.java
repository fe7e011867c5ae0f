package org.narrativewatch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.narrativewatch.article.Article;
import org.narrativewatch.query.Query;

/**
 * The matched-word spans the embedded engine shows, for articles found by another engine: so that
 * every engine highlights the same words.
 */
public final class ReferenceHighlighter {
    private ReferenceHighlighter() {}

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
                w.addDocument(HitReanalysis.document(a));
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
