package org.narrativewatch.bench.probe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.FSDirectory;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.Hashes;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.Schema;
import org.narrativewatch.index.SegmentLayout;
import org.narrativewatch.ingest.ArticleCheck;
import org.narrativewatch.ingest.DateWindow;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.Sources;

/**
 * One rung of the import probe ({@link ProbeVariant} P0–P3), run in a JVM of its own by {@code bench/run probe} with
 * the launcher's import JVM options, so that start, JIT and GC are paid as by {@code nwatch import}:
 * <pre>
 * java ... -cp target/nwatch.jar:bench/target/nwatch-bench.jar org.narrativewatch.bench.probe.ProbeIndexer p1 INDEX FILE
 * </pre>
 * The records are read and checked by the product's own source classes ({@link Sources}, {@link ArticleCheck}) and
 * analysed by its own chains, on as many threads as our importer uses, a batch read while the previous one is
 * indexed; only the document and the writer's work after reading differ between rungs. Prints one JSON line:
 * articles indexed and the seconds from the first record to the last commit.
 */
public final class ProbeIndexer {

    /** Records handed to the pool at a time, as our importer's batches (ingest/Importer.BATCH). */
    static final int BATCH = 512;

    /** Body and title as ours indexes them (index/Schema.TEXT): positions, norms, not stored. */
    static final FieldType TEXT = textType();

    private final ProbeVariant variant;
    private final int threads;
    private final ProbeAnalyzer probeAnalyzer;
    /** P3: our engine, used only to build its documents (it opens no writer). */
    private final LuceneEngine ours;

    ProbeIndexer(ProbeVariant variant, int threads, Path scratch) {
        if (variant.isOurImport()) {
            throw new IllegalArgumentException(variant.id() + " is nwatch import itself: run the CLI");
        }
        this.variant = variant;
        this.threads = threads;
        this.probeAnalyzer = switch (variant) {
            case P0, P0_1T -> new ProbeAnalyzer(PositionGroupFilter.Keep.LEMMAS);
            case READ -> null;
            case P1_DISTINCT -> new ProbeAnalyzer(PositionGroupFilter.Keep.DISTINCT_FORMS);
            default -> new ProbeAnalyzer(null);
        };
        this.ours = variant == ProbeVariant.P3 || variant == ProbeVariant.P3_MERGE || variant == ProbeVariant.P3_NO_TEXT
                ? LuceneEngine.open(scratch) : null;
    }

    /** Our importer's pool size ({@code ingest/Importer.run}): up to 4 threads, one per core. */
    static int ourThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ProbeIndexer VARIANT INDEX FILE   (variants: " + ProbeVariant.ids() + ")");
            System.exit(2);
        }
        ProbeVariant v = ProbeVariant.of(args[0]);
        Path index = Path.of(args[1]);
        Path scratch = java.nio.file.Files.createTempDirectory("probe-engine");
        long t0 = System.nanoTime();
        long n;
        ProbeIndexer probe = new ProbeIndexer(v, v == ProbeVariant.P0_1T ? 1 : ourThreads(), scratch);
        try {
            n = probe.run(Path.of(args[2]), index);
        } finally {
            java.nio.file.Files.deleteIfExists(scratch);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "{\"variant\":\"%s\",\"articles\":%d,\"seconds\":%.3f,\"tokens\":%d}%n", v.id(), n, s,
                probe.tokens.sum());
    }

    /** Indexes every acceptable record of {@code file} into a new index in {@code index}; returns the articles added. */
    long run(Path file, Path index) throws IOException {
        Analyzer writerAnalyzer = ours != null ? ours.writerAnalyzer() : probeAnalyzer;
        IndexWriterConfig cfg = new IndexWriterConfig(writerAnalyzer);
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        // ours: a quarter of the heap, at most SegmentLayout's cap (index/SegmentLayout.configure)
        cfg.setRAMBufferSizeMB(Math.max(8, Math.min(SegmentLayout.DEFAULT.ramBufferCapMB(),
                Runtime.getRuntime().maxMemory() / 4 / (1 << 20))));
        DateWindow dates = DateWindow.defaults();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "probe-index");
            t.setDaemon(true);
            return t;
        }) : null;
        long added = 0;
        try (IndexWriter w = variant.writesNoIndex() ? null : new IndexWriter(FSDirectory.open(index), cfg);
             Source source = Sources.open(file.toString(), ImportDefaults.none())) {
            List<Article> batch = new ArrayList<>(BATCH);
            List<Future<?>> inFlight = List.of();
            for (SourceRecord r; ; ) {
                r = source.next();
                if (r instanceof SourceRecord.Parsed p && ArticleCheck.refusal(p.article(), dates) == null) {
                    batch.add(p.article());
                }
                if (batch.size() >= BATCH || (r == null && !batch.isEmpty())) {
                    await(inFlight);
                    added += batch.size();
                    inFlight = submit(w, batch, pool);
                    batch = new ArrayList<>(BATCH);
                }
                if (r == null) {
                    break;
                }
            }
            await(inFlight);
            if (variant == ProbeVariant.P3_MERGE) {
                w.forceMerge(1);
            }
            if (w != null) {
                w.commit();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (ours != null) {
                ours.close();
            }
        }
        return added;
    }

    private List<Future<?>> submit(IndexWriter w, List<Article> batch, ExecutorService pool) throws IOException {
        List<Future<?>> fs = new ArrayList<>(batch.size());
        for (Article a : batch) {
            if (variant == ProbeVariant.READ) {
                continue;
            }
            if (pool == null) {
                add(w, a);
            } else {
                fs.add(pool.submit(() -> {
                    add(w, a);
                    return null;
                }));
            }
        }
        return fs;
    }

    private static void await(List<Future<?>> fs) throws IOException {
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException(e.getCause());
            }
        }
    }

    /** Tokens the analysis-only rung consumed. */
    final java.util.concurrent.atomic.LongAdder tokens = new java.util.concurrent.atomic.LongAdder();

    private void add(IndexWriter w, Article a) throws IOException {
        if (variant == ProbeVariant.ANALYSE) {
            probeAnalyzer.setLanguage(a.lang());
            tokens.add(consume(Schema.TITLE, a.title()) + consume(Schema.BODY, a.text()));
        } else {
            w.addDocument(document(a));
        }
    }

    private long consume(String field, String text) throws IOException {
        long n = 0;
        try (org.apache.lucene.analysis.TokenStream ts = probeAnalyzer.tokenStream(field, text)) {
            ts.reset();
            while (ts.incrementToken()) {
                n++;
            }
            ts.end();
        }
        return n;
    }

    /** The document of this rung for {@code a}; made and added on the same thread (token streams are per thread). */
    Document document(Article a) {
        if (ours != null) {
            Document d = ours.probeDocument(a, Hashes.storyHash(a), false);
            if (variant == ProbeVariant.P3_NO_TEXT) {
                d.removeFields(Schema.TITLE_STORED);
                d.removeFields(Schema.TEXT_STORED);
            }
            return d;
        }
        probeAnalyzer.setLanguage(a.lang());
        Document d = new Document();
        if (variant == ProbeVariant.P2) {
            // as ours: the title analysed once, its tokens replayed into body (title first in both fields)
            CachingTokenFilter title = new CachingTokenFilter(probeAnalyzer.tokenStream(Schema.TITLE, a.title()));
            d.add(new Field(Schema.TITLE, title, TEXT));
            d.add(new Field(Schema.BODY, title, TEXT));
        } else {
            d.add(new Field(Schema.BODY, a.title(), TEXT));
        }
        d.add(new Field(Schema.BODY, a.text(), TEXT));
        return d;
    }

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(false);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        t.setOmitNorms(false);
        t.freeze();
        return t;
    }

    /** What an index holds: documents, segments, and term occurrences (positions) in body and in title. */
    public record IndexFacts(long docs, int segments, long bodyOccurrences, long titleOccurrences) {
        public long occurrences() {
            return bodyOccurrences + titleOccurrences;
        }

        public static IndexFacts of(Path index) throws IOException {
            try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
                return new IndexFacts(r.numDocs(), r.leaves().size(), occurrences(r, Schema.BODY),
                        occurrences(r, Schema.TITLE));
            }
        }

        private static long occurrences(DirectoryReader r, String field) throws IOException {
            long n = 0;
            for (LeafReaderContext c : r.leaves()) {
                Terms t = c.reader().terms(field);
                if (t != null) {
                    n += t.getSumTotalTermFreq();
                }
            }
            return n;
        }
    }
}
