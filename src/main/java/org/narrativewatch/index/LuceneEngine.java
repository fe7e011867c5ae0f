package org.narrativewatch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StandardDirectoryReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.BytesRef;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.timeline.DayRange;

/**
 * The embedded engine: a Lucene index in a folder. Readers need no lock, so the CLI can query an
 * index that another process is importing into; the writer opens on the first write. Timelines
 * read only postings and doc values.
 */
public final class LuceneEngine implements Engine {

    private final Path dir;
    private final Directory directory;
    /**
     * Where the first reader reads (apart from this process's writer): buffered reads ({@code pread}),
     * not memory maps. On a cold page cache every page fault of a memory map reads the kernel's whole
     * read-around window (8 MB on the benchmark machine, {@code read_ahead_kb}), so opening four
     * segments touched tens of MB for their headers and footers (120-200 ms cold against 6-25 ms
     * buffered); buffered reads fetch what is asked. Warm, the memory map is faster (no copies): from
     * the second call on the engine opens a mapped reader in the background and answers from it once it
     * is open ({@link #acquire}). docs/benchmarks.md, "Cold and warm queries: third round".
     */
    private final Directory bufferedDirectory;
    /** The commit generation {@link #reader} was last checked against (see {@link #acquire}). */
    private long readerGeneration = -1;
    /** Whether {@link #reader} reads through the memory map ({@link #directory}). */
    private boolean readerMapped;
    /** The mapped reader being opened in the background; null before the second call and after the switch. */
    private java.util.concurrent.CompletableFuture<DirectoryReader> mapping;
    private int calls;
    private final LanguageSwitchingAnalyzer analyzer = new LanguageSwitchingAnalyzer();
    private IndexWriter writer;
    private SearcherManager nrt;
    private DirectoryReader reader;
    /**
     * Identity hashes added by this process since the writer opened: {@link #keysReader} is the
     * index as it was then, so together they know every key. 64-bit hashes keep this at a few bytes
     * per article; a collision (odds about n²/2⁶⁵) would count a new article as present.
     */
    private LongHashSet sessionKeys;
    /** story hashes of every stored article, to mark syndicated copies */
    private LongHashSet storyHashes;
    private DirectoryReader keysReader;
    /** The segment layout of this engine's writer ({@link SegmentLayout}). */
    private final SegmentLayout layout;
    /** The writer's merge policy: natural merges held back while an import fills an empty index. */
    private SegmentLayout.Merges merges;
    /**
     * Documents in the index when the writer opened or was last merged down after an import: whether an import
     * was a bulk import is judged against it, so that one process importing many files (one writer) merges
     * only when the index has doubled since its last merge, rewriting at most about twice its final size.
     */
    private long docsAtLastSettle;
    private final Map<String, Map<String, long[]>> totalsCache = new ConcurrentHashMap<>();
    private long totalsVersion = -1;
    /** Per-day totals of every commit this engine makes, written beside it ({@link DayTotals}). */
    private final DayTotals.Writer dayTotals = new DayTotals.Writer();
    /** The per-day totals written with the reader's commit, once read; null before (or when there are none). */
    private volatile DayTotals.Counts committedTotals;

    private LuceneEngine(Path dir, SegmentLayout layout) throws IOException {
        this.dir = dir;
        this.layout = layout;
        this.directory = FSDirectory.open(dir);
        this.bufferedDirectory = new NIOFSDirectory(dir);
    }

    /** Opens (or prepares to create) the index in {@code dir}. */
    public static LuceneEngine open(Path dir) {
        return open(dir, SegmentLayout.current());
    }

    /** Opens the index in {@code dir} with a writer that lays its segments out as {@code layout} says. */
    static LuceneEngine open(Path dir, SegmentLayout layout) {
        try {
            Files.createDirectories(dir);
            return new LuceneEngine(dir, layout);
        } catch (IOException e) {
            throw new UserException("cannot open index folder " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "lucene";
    }

    public Path folder() {
        return dir;
    }

    // ---- writing -------------------------------------------------------------------------------

    private synchronized IndexWriter writer() throws IOException {
        if (writer == null) {
            IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
            cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            merges = layout.configure(cfg, Runtime.getRuntime().maxMemory());
            cfg.setCommitOnClose(false);
            // -Dnwatch.infostream=FILE: the writer's own log (flushes, merges, commits) for profiling an import
            String info = System.getProperty("nwatch.infostream");
            if (info != null && !info.isBlank()) {
                cfg.setInfoStream(new org.apache.lucene.util.PrintStreamInfoStream(
                        new java.io.PrintStream(Files.newOutputStream(Path.of(info)), true, java.nio.charset.StandardCharsets.UTF_8)));
            }
            if (DirectoryReader.indexExists(directory)) {
                IndexFormat.check(SegmentInfos.readLatestCommit(directory).getUserData(), dir.toString());
            }
            try {
                writer = new IndexWriter(new MergeReadsBuffered(directory, bufferedDirectory), cfg);
            } catch (org.apache.lucene.store.LockObtainFailedException e) {
                throw new UserException("the index " + dir + " is being written by another nwatch process (" + e.getMessage() + ")");
            }
            sessionKeys = new LongHashSet();
            // The keys as of the last commit, read from the commit itself, not from the writer: a reader taken
            // from the writer (near-real-time) makes it keep every segment's reader open, and merges then read
            // their segments through those readers' memory maps; see MergeReadsBuffered. The writer holds the
            // lock, so the last commit is the state it opened on.
            keysReader = DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory) : null;
            docsAtLastSettle = keysReader == null ? 0 : keysReader.numDocs();
        }
        return writer;
    }

    /**
     * The writer's folder, with the segments a merge reads opened with buffered reads ({@code pread}) instead
     * of memory maps. Every page of a mapped file that a merge reads stays in the process's resident memory
     * until the file is unmapped: in a bulk import of 1.45M articles one merge of ten segments mapped ~450 MB
     * of index files, half the import's peak RSS (docs/benchmarks.md, "Import, fourth round"). Read once and
     * in order, a merge gains nothing from the map; buffered, the same pages sit in the OS page cache only.
     * Merges open their own readers (with a merge context) only while no near-real-time reader is pooled,
     * which is why the near-real-time searcher is made on the first search, not with the writer.
     */
    static final class MergeReadsBuffered extends org.apache.lucene.store.FilterDirectory {
        private final Directory buffered;

        MergeReadsBuffered(Directory mapped, Directory buffered) {
            super(mapped);
            this.buffered = buffered;
        }

        @Override
        public org.apache.lucene.store.IndexInput openInput(String name, org.apache.lucene.store.IOContext context) throws IOException {
            if (context.context == org.apache.lucene.store.IOContext.Context.MERGE) {
                ensureOpen();
                return buffered.openInput(name, context);
            }
            return super.openInput(name, context);
        }
    }

    /** The near-real-time searcher over the writer, made on the first search after the writer opened. */
    private SearcherManager nrt() throws IOException {
        if (nrt == null) {
            nrt = new SearcherManager(writer, null);
        }
        return nrt;
    }

    @Override
    public AddOutcome add(Article a) throws IOException {
        IndexWriter w;
        boolean copy;
        long story = Hashes.storyHash(a);
        synchronized (this) {
            w = writer();
            String key = a.key();
            long keyHash = Hashes.hash64(key);
            if (sessionKeys.contains(keyHash) || committedKeyExists(key)) {
                return AddOutcome.ALREADY_PRESENT;
            }
            sessionKeys.add(keyHash);
            copy = !stories().add(story) && story != 0;
        }
        // analysis, the expensive part, runs outside the lock: IndexWriter takes documents from many threads
        analyzer.setLanguage(a.lang());
        w.addDocument(toDocument(a, story, copy));
        return AddOutcome.ADDED;
    }

    @Override
    public boolean concurrentAdds() {
        return true;
    }

    private boolean committedKeyExists(String key) throws IOException {
        if (keysReader == null) {
            return false;
        }
        BytesRef k = new BytesRef(key);
        for (LeafReaderContext ctx : keysReader.leaves()) {
            Terms terms = ctx.reader().terms(Schema.ID);
            if (terms != null) {
                TermsEnum te = terms.iterator();
                if (te.seekExact(k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private LongHashSet stories() throws IOException {
        if (storyHashes == null) {
            storyHashes = new LongHashSet();
            for (LeafReaderContext ctx : keysReader == null ? List.<LeafReaderContext>of() : keysReader.leaves()) {
                NumericDocValues dv = ctx.reader().getNumericDocValues(Schema.STORY);
                if (dv != null) {
                    for (int d = dv.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = dv.nextDoc()) {
                        storyHashes.add(dv.longValue());
                    }
                }
            }
        }
        return storyHashes;
    }

    /**
     * The document {@link #add} writes for {@code a} (language set for this thread), and below the analyzer a writer
     * must index it with: a seam for bench/'s import probe ({@code bench/run probe}), which indexes exactly our
     * documents without the import machinery. The document must be added on the thread that made it.
     */
    public Document probeDocument(Article a, long story, boolean copy) {
        analyzer.setLanguage(a.lang());
        return toDocument(a, story, copy);
    }

    /** The analyzer this engine's writer indexes with (see {@link #probeDocument}). */
    public org.apache.lucene.analysis.Analyzer writerAnalyzer() {
        return analyzer;
    }

    private Document toDocument(Article a, long story, boolean copy) {
        Document d = new Document();
        d.add(new StringField(Schema.ID, a.key(), Field.Store.NO));
        Schema.stored(a).forEach((name, value) -> {
            if (Schema.KEYWORDS.contains(name)) {
                d.add(new StringField(name, value, Field.Store.YES));
                d.add(new SortedDocValuesField(name, new BytesRef(value)));
            } else {
                d.add(new StoredField(name, value));
            }
        });
        int day = Schema.day(a);
        d.add(new IntPoint(Schema.DAY, day));
        d.add(new NumericDocValuesField(Schema.DAY, day));
        d.add(new NumericDocValuesField(Schema.TS, a.published().toEpochSecond()));
        // the title is analysed once for its two fields: the first consumer fills the cache, the second replays it
        // (the chain reads no field name, and title comes first in both fields, at position 0, offset 0)
        CachingTokenFilter title = new CachingTokenFilter(analyzer.tokenStream(Schema.TITLE, a.title()));
        d.add(new Field(Schema.TITLE, title, Schema.TEXT));
        d.add(new Field(Schema.BODY, title, Schema.TEXT));
        d.add(new Field(Schema.BODY, a.text(), Schema.TEXT));
        d.add(new NumericDocValuesField(Schema.STORY, story));
        d.add(new NumericDocValuesField(Schema.COPY, copy ? 1 : 0));
        return d;
    }

    @Override
    public synchronized void commit(Map<String, String> checkpoint) throws IOException {
        IndexWriter w = writer();
        flushInParallel(w);
        w.setLiveCommitData(IndexFormat.stamp(checkpoint).entrySet());
        w.commit();
        if (nrt != null) {
            nrt.maybeRefresh();
        }
        dayTotals.afterCommit(directory);
    }

    /**
     * An import into an empty index ends merged down ({@link #finishImport}: it adds the whole index), so the
     * writer holds natural merges back until then; a writer fed otherwise (the collector) merges as before.
     */
    @Override
    public synchronized void beginImport() throws IOException {
        IndexWriter w = writer();
        merges.hold(layout.segmentsAfterBulk() > 0 && docsAtLastSettle == 0 && w.getDocStats().maxDoc == 0);
    }

    /**
     * The last commit of an import, then the end-of-import step of the segment layout: after a bulk import
     * (most of the index added by this writer) the index is merged down to a few segments and committed
     * again. The first commit makes every article durable, so a crash during the merge loses nothing.
     */
    @Override
    public synchronized void finishImport(Map<String, String> checkpoint) throws IOException {
        commit(checkpoint);
        if (layout.settle(writer(), docsAtLastSettle, committedSegments())) {
            commit(checkpoint);
            docsAtLastSettle = writer.getDocStats().numDocs;
        }
        merges.hold(false);
    }

    /** Whether the writer holds natural merges back (tests of the layout). */
    boolean mergesHeld() {
        return merges != null && merges.held();
    }

    /** Segments in the last commit (tests of the layout). */
    int committedSegments() throws IOException {
        return SegmentInfos.readLatestCommit(directory).size();
    }

    /**
     * Writes the in-memory segments of every indexing thread to disk on as many threads as there are cores.
     * A commit alone flushes them one after the other on the committing thread, while the other cores idle:
     * on a bulk import most of the postings are still in memory at the last commit (issue 14).
     */
    private static void flushInParallel(IndexWriter w) throws IOException {
        int helpers = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
        if (helpers <= 0) {
            return;
        }
        List<java.util.concurrent.CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            running.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    flushBuffers(w);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, r -> {
                Thread t = new Thread(r, "nwatch-flush");
                t.setDaemon(true);
                t.start();
            }));
        }
        flushBuffers(w); // this thread takes its share too
        for (var f : running) {
            try {
                f.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
        }
    }

    /** Retries after a miss while documents are still buffered; at most this many misses in a row. */
    private static final int FLUSH_MISSES = 20;

    /**
     * Flushes one indexing thread's buffer per call until none is left to take. {@code flushNextBuffer} returns
     * false not only when nothing is left but also when this thread lost the race for the largest buffer to
     * another flushing thread (both pick the same one; the loser gets nothing). Stopping at the first false left
     * every buffer to the committing thread, one after the other, while the helper idled: at the last commit of
     * a 1tv import the two buffers took 1.5 + 1.3 s in a row (the writer's log; docs/benchmarks.md). So a miss is
     * retried, briefly, while the writer still holds buffered documents (the other thread's buffer counts until
     * its flush ends, hence the bound on misses).
     */
    private static void flushBuffers(IndexWriter w) throws IOException {
        int misses = 0;
        while (true) {
            if (w.flushNextBuffer()) {
                misses = 0;
            } else if (w.numRamDocs() == 0 || ++misses > FLUSH_MISSES) {
                return;
            } else {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized Map<String, String> checkpoint() throws IOException {
        if (writer != null) {
            Map<String, String> m = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> m.put(e.getKey(), e.getValue()));
            }
            return IndexFormat.strip(m);
        }
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        try (DirectoryReader r = DirectoryReader.open(directory)) {
            return new HashMap<>(IndexFormat.strip(r.getIndexCommit().getUserData()));
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** A searcher over the latest state: this process's writes where it writes, else the last commit. */
    private synchronized IndexSearcher acquire(boolean query) throws IOException {
        if (writer != null) {
            nrt().maybeRefresh();
            return nrt.acquire();
        }
        if (reader == null) {
            if (!DirectoryReader.indexExists(directory)) {
                throw new UserException("no index in " + dir + " yet: import something first (nwatch import FILE)");
            }
            reader = DirectoryReader.open(new TermsIndexInHeap(bufferedDirectory));
            IndexFormat.check(reader.getIndexCommit().getUserData(), dir.toString());
            readerGeneration = reader.getIndexCommit().getGeneration();
        } else {
            // a newer commit (by another process, or another engine in this one) is a new segments_N file:
            // listing the folder tells, where openIfChanged would read and check segments_N and every
            // segment's .si on each call. Exact, so no answer is ever older than the last commit.
            long latest = SegmentInfos.getLastCommitGeneration(directory.listAll());
            if (latest != readerGeneration) {
                replaceReader(DirectoryReader.openIfChanged(reader), latest);
            }
        }
        if (!readerMapped && query && ++calls >= 2) {
            switchToMapped();
        }
        reader.incRef();
        return new IndexSearcher(reader);
    }

    /** {@code newer} (when not null) replaces the reader; searches under way keep the old one until they end. */
    private void replaceReader(DirectoryReader newer, long latestGeneration) throws IOException {
        if (newer != null) {
            reader.close();
            reader = newer;
            readerGeneration = reader.getIndexCommit().getGeneration();
        } else {
            readerGeneration = latestGeneration;
        }
    }

    /**
     * Starts opening the mapped reader in the background (not on the first call, whose cold reads it
     * would compete with, and never for a one-shot CLI query), and answers from it once it is open,
     * brought to the latest commit first. If it cannot be opened the buffered reader stays.
     */
    private void switchToMapped() throws IOException {
        if (mapping == null) {
            mapping = new java.util.concurrent.CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    mapping.complete(DirectoryReader.open(directory));
                } catch (Throwable e) {
                    mapping.completeExceptionally(e);
                }
            }, "nwatch-map-index");
            t.setDaemon(true);
            t.start();
            return;
        }
        if (!mapping.isDone()) {
            return;
        }
        DirectoryReader mapped;
        try {
            mapped = mapping.join();
        } catch (RuntimeException e) {
            readerMapped = true; // stay on buffered reads; do not try again
            mapping = null;
            return;
        }
        mapping = null;
        DirectoryReader newer = DirectoryReader.openIfChanged(mapped);
        if (newer != null) {
            mapped.close();
            mapped = newer;
        }
        reader.close();
        reader = mapped;
        readerGeneration = reader.getIndexCommit().getGeneration();
        readerMapped = true;
    }

    /** Whether queries are answered through the memory map now (tests: both readers give the same answers). */
    synchronized boolean readsMapped() {
        return readerMapped;
    }

    private synchronized void release(IndexSearcher s) throws IOException {
        if (nrt != null) {
            nrt.release(s);
        } else {
            s.getIndexReader().decRef();
        }
    }

    private interface SearchWork<T> {
        T run(IndexSearcher s) throws IOException;
    }

    private <T> T withSearcher(SearchWork<T> work) throws IOException {
        return withSearcher(false, work);
    }

    /** @param query whether this is a query (a timeline or a search), which counts towards the switch to the map */
    private <T> T withSearcher(boolean query, SearchWork<T> work) throws IOException {
        IndexSearcher s = acquire(query);
        try {
            QueryGuard guard = QueryGuard.current();
            if (guard == null) {
                return work.run(s);
            }
            // a bounded call (the server) searches through a reader that stops when the guard says so
            // (not IndexSearcher.setTimeout: it checks only between windows of documents and then returns
            // partial counts as if whole)
            IndexSearcher guarded = new IndexSearcher(new GuardedReader((DirectoryReader) s.getIndexReader(), guard));
            try {
                return work.run(guarded);
            } catch (org.apache.lucene.index.ExitableDirectoryReader.ExitingReaderException e) {
                throw new QueryGuard.Stopped(guard);
            }
        } finally {
            release(s);
        }
    }

    /** What {@code query} would cost here now (docs/reliability.md, "Queries"), without running it. */
    public QueryCost cost(org.narrativewatch.query.Query query) throws IOException {
        return withSearcher(s -> QueryCost.estimate(query.root(), new LuceneTermDictionary(s.getIndexReader())));
    }

    /**
     * The query for Lucene, after its cost is estimated and held to the budget (and the lane's limit).
     * Both are kept with the reader ({@link CompiledQueries}): the same question on an unchanged index
     * is compiled once; the budget and the lane are still checked on every call.
     */
    private static Query compile(IndexSearcher s, org.narrativewatch.query.Query query) throws IOException {
        Map<org.narrativewatch.query.QueryNode, CompiledQueries.Compiled> cache = CompiledQueries.of(s.getIndexReader());
        CompiledQueries.Compiled c = cache.get(query.root());
        QueryCost cost = c != null ? c.cost() : QueryCost.estimate(query.root(), new LuceneTermDictionary(s.getIndexReader()));
        cost.requireWithinBudget();
        QueryGuard guard = QueryGuard.current();
        if (guard != null) {
            guard.admit(cost);
        }
        if (c == null) {
            c = new CompiledQueries.Compiled(new LuceneQueryCompiler(s.getIndexReader()).compile(query.root()), cost);
            cache.put(query.root(), c);
        }
        return c.query();
    }

    /** The days and the selection's outlets, groups and languages as a Lucene filter; null when it selects everything. */
    static Query selectionFilter(Selection sel, LocalDate from, LocalDate to) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (from != null || to != null) {
            b.add(IntPoint.newRangeQuery(Schema.DAY, from == null ? Integer.MIN_VALUE : (int) from.toEpochDay(),
                    to == null ? Integer.MAX_VALUE : (int) to.toEpochDay()), Occur.FILTER);
            any = true;
        }
        for (Map.Entry<String, java.util.Set<String>> f : Schema.keywordFilters(sel).entrySet()) {
            b.add(new TermInSetQuery(f.getKey(), f.getValue().stream().map(BytesRef::new).toList()), Occur.FILTER);
            any = true;
        }
        return any ? b.build() : null;
    }

    private static Query and(Query q, Query filter) {
        if (filter == null) {
            return q;
        }
        return new BooleanQuery.Builder().add(q, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    /** First and last day of the corpus, from the day points of each segment. */
    private static Optional<DayRange> dayRange(IndexSearcher s) throws IOException {
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
            var pv = ctx.reader().getPointValues(Schema.DAY);
            if (pv != null && pv.size() > 0) {
                min = Math.min(min, IntPoint.decodeDimension(pv.getMinPackedValue(), 0));
                max = Math.max(max, IntPoint.decodeDimension(pv.getMaxPackedValue(), 0));
            }
        }
        return min > max ? Optional.empty() : Optional.of(new DayRange(LocalDate.ofEpochDay(min), LocalDate.ofEpochDay(max)));
    }

    @Override
    public DayCounts dayCounts(org.narrativewatch.query.Query query, Selection sel, CountUnit unit, Facet facet)
            throws IOException {
        return withSearcher(true, s -> {
            DayRange covered = dayRange(s).orElse(null);
            DayRange days = sel.days(covered).orElse(null);
            if (days == null) {
                return DayCounts.none(covered);
            }
            int first = days.firstEpochDay();
            int last = days.lastEpochDay();
            String facetField = facet == null ? null : facet == Facet.OUTLET ? Schema.OUTLET : Schema.GROUP;
            Query filter = selectionFilter(sel, days.first(), days.last());
            Query compiled = compile(s, query);
            DayCountCollector counts = new DayCountCollector(facetField, first, last, unit == CountUnit.STORIES);
            s.search(and(compiled, filter), counts);
            boolean daysOnly = Schema.keywordFilters(sel).isEmpty();
            return new DayCounts(covered, days, counts.counts(), totals(s, filter, daysOnly, facetField, first, last, unit));
        });
    }

    /** The selection's own per-day counts: the same for every query, so kept until the index changes. */
    private Map<String, long[]> totals(IndexSearcher s, Query filter, boolean daysOnly, String facetField, int first,
                                       int last, CountUnit unit) throws IOException {
        long version = ((DirectoryReader) s.getIndexReader()).getVersion();
        synchronized (totalsCache) {
            if (version != totalsVersion) {
                totalsCache.clear();
                totalsVersion = version;
            }
        }
        String key = filter + "|" + facetField + "|" + first + "|" + last + "|" + unit;
        Map<String, long[]> cached = totalsCache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, long[]> totals = null;
        if (daysOnly && facetField == null && unit == CountUnit.ARTICLES) {
            DayTotals.Counts committed = committedTotals((DirectoryReader) s.getIndexReader());
            if (committed != null) {
                totals = Map.of(DayCounts.WHOLE, committed.slice(first, last));
            }
        }
        if (totals == null) {
            DayCountCollector c = new DayCountCollector(facetField, first, last, unit == CountUnit.STORIES);
            s.search(filter == null ? new MatchAllDocsQuery() : filter, c);
            totals = c.counts();
        }
        totalsCache.put(key, totals);
        return totals;
    }

    /**
     * The articles per day written with the reader's commit, when there are such counts for exactly that
     * commit; null for a writing engine (its reader holds documents not yet committed) or when the commit
     * has none, and then the caller counts from the doc values.
     */
    private DayTotals.Counts committedTotals(DirectoryReader r) throws IOException {
        if (writing()) {
            return null;
        }
        if (!(org.apache.lucene.index.FilterDirectoryReader.unwrap(r) instanceof StandardDirectoryReader sr)) {
            return null;
        }
        SegmentInfos commit = sr.getSegmentInfos();
        DayTotals.Counts c = committedTotals;
        if (c == null || !c.of(commit, r.numDocs())) {
            c = DayTotals.read(bufferedDirectory, commit, r.numDocs());
            if (c != null) {
                committedTotals = c;
            }
        }
        return c;
    }

    private synchronized boolean writing() {
        return writer != null;
    }

    @Override
    public Hits search(org.narrativewatch.query.Query query, Selection sel, int limit, HitOrder order)
            throws IOException {
        return search(query, sel, 0, limit, order);
    }

    @Override
    public Hits search(org.narrativewatch.query.Query query, Selection sel, int offset, int limit, HitOrder order)
            throws IOException {
        return withSearcher(true, s -> {
            Query compiled = compile(s, query);
            Query q = and(compiled, selectionFilter(sel, sel.from(), sel.to()));
            long total = s.count(q);
            if (limit <= 0) {
                return new Hits(total, List.of());
            }
            int n = Math.addExact(offset, limit);
            TopDocs top = order == HitOrder.NEWEST
                    ? s.search(q, n, new Sort(new SortField(Schema.TS, SortField.Type.LONG, true)))
                    : s.search(q, n);
            List<Hits.Hit> hits = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Article a = Schema.article(s.storedFields().document(sd.doc)::get);
                // the index holds no offsets: the hit is analysed again to find where its words are
                MatchHighlighter.Result h = new MatchHighlighter(HitReanalysis.searcher(a, compiled), compiled).highlight(0, a.title(), a.text());
                hits.add(new Hits.Hit(a.url(), a.outlet(), a.group(), a.published(), a.dateQuality(), a.lang(),
                        h.title(), h.snippet(), a.syndicatedFrom(), Float.isNaN(sd.score) ? 0f : sd.score));
            }
            return new Hits(total, hits);
        });
    }

    @Override
    public CorpusFacts facts() throws IOException {
        return withSearcher(s -> {
            Facts f = facts(s);
            List<OutletInfo> outlets = new ArrayList<>();
            f.outlets.forEach((name, o) -> outlets.add(new OutletInfo(name, o.group, o.count,
                    LocalDate.ofEpochDay(o.min), LocalDate.ofEpochDay(o.max))));
            return new CorpusFacts(snapshot(s), outlets, f.langs, f.copies);
        });
    }

    @Override
    public Snapshot snapshot() throws IOException {
        return withSearcher(this::snapshot);
    }

    /** The exact index state: folder, reader version, document count, first and last day. */
    private Snapshot snapshot(IndexSearcher s) throws IOException {
        DirectoryReader r = (DirectoryReader) s.getIndexReader();
        Optional<DayRange> range = dayRange(s);
        return new Snapshot(name(), dir.toAbsolutePath().toString(), r.numDocs(),
                range.map(DayRange::first).orElse(null), range.map(DayRange::last).orElse(null), r.getVersion());
    }

    private static final class OutletFacts {
        String group;
        long count;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
    }

    private static final class Facts {
        final Map<String, OutletFacts> outlets = new TreeMap<>();
        final Map<String, Long> langs = new HashMap<>();
        long copies;
    }

    /** One pass over the doc values of live documents: per outlet count, group and date range. */
    private static Facts facts(IndexSearcher s) throws IOException {
        Facts f = new Facts();
        for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
            LeafReader r = ctx.reader();
            SortedDocValues outlet = r.getSortedDocValues(Schema.OUTLET);
            SortedDocValues group = r.getSortedDocValues(Schema.GROUP);
            SortedDocValues lang = r.getSortedDocValues(Schema.LANG);
            NumericDocValues day = r.getNumericDocValues(Schema.DAY);
            NumericDocValues copy = r.getNumericDocValues(Schema.COPY);
            var live = r.getLiveDocs();
            // per segment ordinal, named once at the end: a lookup and a String per document were most of a
            // one-shot call's pass (docs/benchmarks.md, "The CLI")
            OutletFacts[] byOrd = new OutletFacts[outlet == null ? 0 : outlet.getValueCount()];
            long[] langCounts = new long[lang == null ? 0 : lang.getValueCount()];
            for (int d = 0; d < r.maxDoc(); d++) {
                if (live != null && !live.get(d)) {
                    continue;
                }
                if (outlet == null || !outlet.advanceExact(d)) {
                    continue;
                }
                OutletFacts o = byOrd[outlet.ordValue()];
                if (o == null) {
                    String name = outlet.lookupOrd(outlet.ordValue()).utf8ToString();
                    o = f.outlets.computeIfAbsent(name, k -> new OutletFacts());
                    byOrd[outlet.ordValue()] = o;
                }
                o.count++;
                if (o.group == null && group != null && group.advanceExact(d)) {
                    o.group = group.lookupOrd(group.ordValue()).utf8ToString();
                }
                if (day != null && day.advanceExact(d)) {
                    int dd = (int) day.longValue();
                    o.min = Math.min(o.min, dd);
                    o.max = Math.max(o.max, dd);
                }
                if (lang != null && lang.advanceExact(d)) {
                    langCounts[lang.ordValue()]++;
                }
                if (copy != null && copy.advanceExact(d) && copy.longValue() == 1) {
                    f.copies++;
                }
            }
            for (int ord = 0; ord < langCounts.length; ord++) {
                if (langCounts[ord] > 0) {
                    f.langs.merge(lang.lookupOrd(ord).utf8ToString(), langCounts[ord], Long::sum);
                }
            }
        }
        return f;
    }

    @Override
    public Contrast contrast(ContrastRequest request) throws IOException {
        return withSearcher(s -> new LuceneContrast(s).contrast(request, snapshot(s).label()));
    }

    @Override
    public List<ArticleText> texts(ArticleSet set, int limit, boolean withMatches) throws IOException {
        return withSearcher(s -> new LuceneContrast(s).texts(set, limit, withMatches));
    }

    /** Every stored article, for checks that compare the index with a pass over stored text. */
    public List<Article> storedArticles() throws IOException {
        return withSearcher(s -> {
            List<Article> out = new ArrayList<>();
            var sf = s.storedFields();
            for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
                var live = ctx.reader().getLiveDocs();
                for (int d = 0; d < ctx.reader().maxDoc(); d++) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    out.add(Schema.article(sf.document(ctx.docBase + d)::get));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void close() throws IOException {
        if (nrt != null) {
            nrt.close();
        }
        if (keysReader != null) {
            keysReader.close();
        }
        dayTotals.close();
        if (writer != null) {
            // uncommitted work is dropped on purpose: only commit() makes articles durable
            writer.rollback();
        }
        if (reader != null) {
            reader.close();
        }
        if (mapping != null) {
            // not waited for: a short-lived process (the CLI's batch) must not pay for a map it will not use
            mapping.whenComplete((r, e) -> {
                if (r != null) {
                    try {
                        r.close();
                    } catch (IOException ignored) {
                        // closing a reader nobody used
                    }
                }
            });
        }
        bufferedDirectory.close();
        directory.close();
    }

}
