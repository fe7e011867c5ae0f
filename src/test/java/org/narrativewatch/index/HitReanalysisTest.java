package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.SharedData;
import org.narrativewatch.article.Article;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.Sources;
import org.narrativewatch.query.Query;

/**
 * The index keeps positions without offsets; the spans a hit shows come from analysing it again
 * ({@link HitReanalysis}). On real articles in Russian, Ukrainian and English, for every kind of
 * query, those spans are the ones the postings' own offsets gave when the index stored them: every
 * matching article is highlighted both ways, from an index with offsets in every posting (as the
 * index was written before) and from its re-analysis, and the two must be identical.
 */
class HitReanalysisTest {

    @TempDir
    static Path tmp;
    static final List<Article> articles = new ArrayList<>();
    static ByteBuffersDirectory withOffsets;
    static DirectoryReader reader;
    static LuceneEngine engine;

    static final List<String> QUERIES = List.of("путин", "переговоры", "\"мирные переговоры\"", "путин NEAR/5 переговоры",
            "(путин OR зеленский) AND (встреча OR переговоры)", "=путина", "перегов*", "title:путин", "title:\"путин заявил\"",
            "україна", "зеленський NEAR/3 президент", "\"збройні сили\"", "war", "\"peace talks\"", "russia NEAR/4 ukraine",
            "дрон-камикадзе", "сша", "нато OR nato", "путин AND NOT зеленский", "lang:ru AND москва", "=москвы OR =києва",
            "президент NEAR/2 росії", "\"в москве\"", "заявил NEAR/10 песков");

    @BeforeAll
    static void build() throws IOException {
        Path news = SharedData.require("data/news");
        for (String f : List.of("1tv_ru.jsonl.gz", "tg_news_ru_2024.jsonl.gz", "zelensky_addresses_2022.jsonl.gz",
                "kremlin_media_tracker_en.jsonl.gz", "eastbound_rss_2025.jsonl.gz")) {
            Path p = news.resolve(f);
            if (!Files.exists(p)) {
                continue;
            }
            Map<String, Boolean> seen = new HashMap<>();
            try (Source s = Sources.open(p.toString(), ImportDefaults.none())) {
                int n = 0;
                for (SourceRecord r = s.next(); r != null && n < 800; r = s.next()) {
                    if (r instanceof SourceRecord.Parsed parsed && seen.putIfAbsent(parsed.article().key(), true) == null) {
                        articles.add(parsed.article());
                        n++;
                    }
                }
            }
        }
        // the index as it was written before: offsets in every posting
        LanguageSwitchingAnalyzer analyzer = new LanguageSwitchingAnalyzer();
        withOffsets = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(withOffsets, new IndexWriterConfig(analyzer))) {
            for (Article a : articles) {
                analyzer.setLanguage(a.lang());
                w.addDocument(HitReanalysis.document(a));
            }
        }
        reader = DirectoryReader.open(withOffsets);
        engine = LuceneEngine.open(tmp.resolve("idx"));
        for (Article a : articles) {
            engine.add(a);
        }
        engine.commit(Map.of());
    }

    @AfterAll
    static void close() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (reader != null) {
            reader.close();
        }
    }

    private static String show(MatchHighlighter.Result r) {
        return r.title().text() + " " + spans(r.title()) + " | " + r.snippet().text() + " " + spans(r.snippet());
    }

    private static String spans(Hits.Highlighted h) {
        StringBuilder sb = new StringBuilder();
        for (int[] s : h.matches()) {
            sb.append(Arrays.toString(s));
        }
        return sb.toString();
    }

    @Test
    void reanalysedSpansAreThePostingsOffsets() throws IOException {
        IndexSearcher s = new IndexSearcher(reader);
        int compared = 0, marked = 0;
        for (String q : QUERIES) {
            org.apache.lucene.search.Query compiled = new LuceneQueryCompiler(reader).compile(Query.parse(q).root());
            MatchHighlighter fromPostings = new MatchHighlighter(s, compiled);
            for (ScoreDoc sd : s.search(compiled, 300).scoreDocs) {
                Article a = articles.get(sd.doc);
                MatchHighlighter.Result expected = fromPostings.highlight(sd.doc, a.title(), a.text());
                MatchHighlighter.Result actual = new MatchHighlighter(HitReanalysis.searcher(a, compiled), compiled)
                        .highlight(0, a.title(), a.text());
                assertEquals(show(expected), show(actual), q + " in " + a.url());
                compared++;
                marked += expected.title().matches().size() + expected.snippet().matches().size();
            }
        }
        assertTrue(compared > 500 && marked > compared, "compared " + compared + " hits, " + marked + " spans");
    }

    @Test
    void engineShowsTheReferenceSpans() throws IOException {
        int compared = 0;
        for (String q : QUERIES) {
            Query query = Query.parse(q);
            Hits hits = engine.search(query, Selection.ALL, 20, Engine.HitOrder.NEWEST);
            List<Article> shown = new ArrayList<>();
            Map<String, Article> byUrl = new HashMap<>();
            articles.forEach(a -> byUrl.putIfAbsent(a.url() + " " + a.lang(), a));
            for (Hits.Hit h : hits.hits()) {
                shown.add(byUrl.get(h.url() + " " + h.lang()));
            }
            List<ReferenceHighlighter.Highlight> ref = ReferenceHighlighter.highlight(query, shown);
            for (int i = 0; i < shown.size(); i++) {
                Hits.Hit h = hits.hits().get(i);
                assertEquals(ref.get(i).title().text() + spans(ref.get(i).title()), h.title().text() + spans(h.title()), q);
                assertEquals(ref.get(i).snippet().text() + spans(ref.get(i).snippet()), h.snippet().text() + spans(h.snippet()), q);
                compared++;
            }
        }
        assertTrue(compared > 200, "compared " + compared + " hits");
    }
}
