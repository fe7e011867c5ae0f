package org.narrativewatch.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * {@link Engine#contrast} and {@link Engine#texts} on the embedded index.
 *
 * <p>Term counts come from the postings the index already has: each set is marked in one byte per
 * document (bit 1 target, bit 2 baseline), then every lemma term's postings of {@code body} are
 * walked and each document's byte looked up. Lemma terms carry their language ({@code ru:путин},
 * guessed stems {@code ru~зеленск}); counts are per lemma without the tag, all languages and both
 * kinds together ({@link #countLemma} says why that is exact). Exact forms ("=путина") are never
 * visited. Where a segment holds few documents of the
 * two sets and a term many, the term's postings are advanced to the sets' documents instead of
 * walked. The term space is cut into ranges scanned on two threads. Why this and not term vectors, doc values of lemma
 * ids or re-analysis of stored text: docs/explain.md (measured; it also needs no change to the index,
 * so imports are not slowed).
 */
final class LuceneContrast {

    private static final byte TARGET = 1;
    private static final byte BASELINE = 2;
    /** Walk a term's postings when its segment document frequency is at most this many times the sets' documents there. */
    private static final int WALK_FACTOR = 8;
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final IndexSearcher searcher;
    private final IndexReader reader;
    private final LuceneQueryCompiler compiler;

    LuceneContrast(IndexSearcher searcher) {
        this.searcher = searcher;
        this.reader = searcher.getIndexReader();
        this.compiler = new LuceneQueryCompiler(reader);
    }

    /** The set as a Lucene query. */
    Query setQuery(ArticleSet set) {
        Selection sel = set.selection();
        Query filter = LuceneEngine.selectionFilter(sel, sel.from(), sel.to());
        if (set.query() == null) {
            return filter == null ? new MatchAllDocsQuery() : new ConstantScoreQuery(filter);
        }
        Query q = compiler.compile(set.query().root());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (set.complement()) {
            b.add(filter == null ? new MatchAllDocsQuery() : filter, Occur.FILTER);
            b.add(q, Occur.MUST_NOT);
        } else {
            b.add(q, Occur.MUST);
            if (filter != null) {
                b.add(filter, Occur.FILTER);
            }
        }
        return b.build();
    }

    Contrast contrast(ContrastRequest req, String snapshot) throws IOException {
        byte[] side = new byte[reader.maxDoc()];
        long n1 = mark(setQuery(req.target()), side, TARGET);
        long n2 = mark(setQuery(req.baseline()), side, BASELINE);
        int[][] perLeaf = setDocsPerLeaf(side);
        Map<String, long[]> terms = new HashMap<>();
        if (req.allTerms()) {
            scanAll(side, perLeaf, req.minArticles(), terms);
        }
        if (!req.terms().isEmpty()) {
            countTerms(side, perLeaf, req.terms(), false, terms);
        }
        if (!req.forms().isEmpty()) {
            countTerms(side, perLeaf, req.forms(), true, terms);
        }
        List<long[]> queries = new ArrayList<>();
        if (!req.queries().isEmpty()) {
            // a small pair of sets is a filter the query leapfrogs over; a large one costs more to
            // evaluate than the documents it would skip, and the side bytes ignore the others anyway
            boolean filter = (n1 + n2) * 20 < reader.maxDoc();
            Query union = new BooleanQuery.Builder().add(setQuery(req.target()), Occur.SHOULD)
                    .add(setQuery(req.baseline()), Occur.SHOULD).build();
            for (org.narrativewatch.query.Query q : req.queries()) {
                Query compiled = compiler.compile(q.root());
                Query counted = !filter ? compiled : new BooleanQuery.Builder().add(compiled, Occur.MUST)
                        .add(union, Occur.FILTER).build();
                long[] c = new long[4];
                forEachDoc(counted, doc -> c[side[doc]]++);
                queries.add(new long[] {c[1] + c[3], c[2] + c[3]});
            }
        }
        Map<String, long[]> outlets = new TreeMap<>();
        Map<String, long[]> groups = new TreeMap<>();
        facets(side, perLeaf, Schema.OUTLET, outlets);
        facets(side, perLeaf, Schema.GROUP, groups);
        return new Contrast(n1, n2, terms, queries, outlets, groups, snapshot);
    }

    /** Sets {@code bit} on the set's documents; returns how many there are. */
    private long mark(Query q, byte[] side, byte bit) throws IOException {
        long[] n = new long[1];
        forEachDoc(q, doc -> {
            side[doc] |= bit;
            n[0]++;
        });
        return n[0];
    }

    /** Calls {@code action} with the top-level id of every document {@code q} matches, in index order. */
    private void forEachDoc(Query q, java.util.function.IntConsumer action) throws IOException {
        searcher.search(q, new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext ctx) {
                base = ctx.docBase;
            }

            @Override
            public void collect(int doc) {
                action.accept(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
    }

    /** Per segment, the local ids of documents in either set, ascending. */
    private int[][] setDocsPerLeaf(byte[] side) {
        List<LeafReaderContext> leaves = reader.leaves();
        int[][] out = new int[leaves.size()][];
        for (LeafReaderContext ctx : leaves) {
            int base = ctx.docBase;
            int max = ctx.reader().maxDoc();
            int n = 0;
            for (int d = 0; d < max; d++) {
                if (side[base + d] != 0) {
                    n++;
                }
            }
            int[] docs = new int[n];
            int k = 0;
            for (int d = 0; d < max; d++) {
                if (side[base + d] != 0) {
                    docs[k++] = d;
                }
            }
            out[ctx.ord] = docs;
        }
        return out;
    }

    /**
     * The lemma terms' tags ({@code en:}, {@code ru:}, {@code ru~}, {@code uk:}, {@code uk~}): each is
     * a block of the sorted term dictionary, and one enum per tag walks its block. Exact forms
     * ({@code =путина}) have no tag and are never visited.
     */
    /** The exact forms' mark, as a tag: only for {@link ContrastRequest#forms}. */
    private static final BytesRef EXACT = new BytesRef(String.valueOf(org.narrativewatch.analysis.ExactFormFilter.PREFIX));

    private static final BytesRef[] TAGS = org.narrativewatch.analysis.LemmaTagFilter.tags().stream()
            .map(BytesRef::new).toArray(BytesRef[]::new);

    /**
     * The lemma space (after the tag) cut at a few first letters, so that the two threads can share
     * the work: each range is scanned over all segments and all tags at once (their term
     * dictionaries merged in the order of the lemma), which sums a lemma's counts as it goes. Ranges
     * are many and small, so whichever thread is free takes the next.
     */
    static final String[] RANGE_STARTS = {"", "c", "m", "s", "а", "в", "г", "д", "и", "к", "м", "н", "о", "п", "р", "с", "т", "у", "ф"};

    private void scanAll(byte[] side, int[][] perLeaf, int min, Map<String, long[]> out) throws IOException {
        int n = RANGE_STARTS.length;
        List<java.util.concurrent.Callable<List<Object[]>>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BytesRef lo = new BytesRef(RANGE_STARTS[i]);
            BytesRef hi = i + 1 < n ? new BytesRef(RANGE_STARTS[i + 1]) : null;
            tasks.add(() -> scanRange(lo, hi, side, perLeaf, min));
        }
        List<List<Object[]>> results = new ArrayList<>();
        if (THREADS == 1) {
            for (var t : tasks) {
                try {
                    results.add(t.call());
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "nwatch-contrast");
                t.setDaemon(true);
                return t;
            });
            try {
                for (Future<List<Object[]>> f : pool.invokeAll(tasks)) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while counting terms", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        for (List<Object[]> r : results) {
            for (Object[] x : r) {
                out.put((String) x[0], (long[]) x[1]);
            }
        }
    }

    /** One tag's block of one segment's term dictionary, positioned on its current term. */
    private static final class LeafTerms {
        final int leaf;
        final int base;
        final int[] setDocs;
        final TermsEnum te;
        final BytesRef tag;
        PostingsEnum pe;
        BytesRef term;
        /** The lemma's first 8 bytes, big-endian, zero-padded: most comparisons in the merge end here. */
        long head;

        LeafTerms(LeafReaderContext ctx, TermsEnum te, int[] setDocs, BytesRef tag) {
            this.leaf = ctx.ord;
            this.base = ctx.docBase;
            this.te = te;
            this.setDocs = setDocs;
            this.tag = tag;
        }

        /** Takes {@code t} as the current term; false when it is past the tag's block or past {@code hi}. */
        boolean settle(BytesRef t, BytesRef hi) {
            term = t;
            if (t == null || !org.apache.lucene.util.StringHelper.startsWith(t, tag)) {
                return false;
            }
            long h = 0;
            int from = t.offset + tag.length;
            int n = Math.min(8, t.length - tag.length);
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (i < n ? t.bytes[from + i] & 0xFF : 0);
            }
            head = h;
            return hi == null || compareLemma(this, hi) < 0;
        }

        /**
         * Whether the two terms can share an article: terms of one language may hold one lemma as both a
         * dictionary lemma and a guess, and an exact form is in articles of every language.
         */
        boolean mayShareArticles(LeafTerms o) {
            return tag.equals(EXACT) || o.tag.equals(EXACT) || Arrays.equals(tag.bytes, tag.offset, tag.offset + tag.length - 1,
                    o.tag.bytes, o.tag.offset, o.tag.offset + o.tag.length - 1);
        }
    }

    /** A term's lemma (after its tag) against {@code other}'s, or against a bare lemma. */
    private static int compareLemma(LeafTerms x, LeafTerms y) {
        // zero padding keeps the order: a prefix sorts first or ties and is decided below
        int c = Long.compareUnsigned(x.head, y.head);
        if (c != 0) {
            return c;
        }
        BytesRef a = x.term;
        BytesRef b = y.term;
        return Arrays.compareUnsigned(a.bytes, a.offset + x.tag.length, a.offset + a.length,
                b.bytes, b.offset + y.tag.length, b.offset + b.length);
    }

    private static int compareLemma(LeafTerms x, BytesRef lemma) {
        BytesRef a = x.term;
        return Arrays.compareUnsigned(a.bytes, a.offset + x.tag.length, a.offset + a.length,
                lemma.bytes, lemma.offset, lemma.offset + lemma.length);
    }

    private static BytesRef tagged(BytesRef tag, BytesRef lemma) {
        BytesRefBuilder b = new BytesRefBuilder();
        b.append(tag);
        b.append(lemma);
        return b.toBytesRef();
    }

    /**
     * {lemma, {target, baseline}} for the lemmas in [lo, hi) with at least {@code min} articles in
     * the two sets. A lemma's terms of every language and of both kinds (dictionary lemma, guessed
     * stem) count as one: see {@link #countLemma}.
     */
    private List<Object[]> scanRange(BytesRef lo, BytesRef hi, byte[] side, int[][] perLeaf, int min) throws IOException {
        java.util.PriorityQueue<LeafTerms> queue = new java.util.PriorityQueue<>((x, y) -> {
            int c = compareLemma(x, y);
            return c != 0 ? c : Integer.compare(x.leaf, y.leaf);
        });
        for (LeafReaderContext ctx : reader.leaves()) {
            int[] setDocs = perLeaf[ctx.ord];
            Terms terms = setDocs.length == 0 ? null : ctx.reader().terms(Schema.BODY);
            if (terms == null) {
                continue;
            }
            for (BytesRef tag : TAGS) {
                LeafTerms lt = new LeafTerms(ctx, terms.iterator(), setDocs, tag);
                TermsEnum.SeekStatus st = lt.te.seekCeil(tagged(tag, lo));
                if (st != TermsEnum.SeekStatus.END && lt.settle(lt.te.term(), hi)) {
                    queue.add(lt);
                }
            }
        }
        List<Object[]> out = new ArrayList<>();
        List<LeafTerms> same = new ArrayList<>();
        long[] c = new long[4];
        long[] ab = new long[2];
        BytesRefBuilder lemma = new BytesRefBuilder();
        while (!queue.isEmpty()) {
            same.clear();
            LeafTerms first = queue.poll();
            // copied, not decoded: most terms fall below the floor, and a string for each would cost more than its count
            lemma.copyBytes(first.term.bytes, first.term.offset + first.tag.length, first.term.length - first.tag.length);
            same.add(first);
            while (!queue.isEmpty() && compareLemma(queue.peek(), first) == 0) {
                same.add(queue.poll());
            }
            for (LeafTerms lt : same) {
                lt.pe = lt.te.postings(lt.pe, PostingsEnum.NONE);
            }
            countLemma(same, side, c, ab);
            for (LeafTerms lt : same) {
                if (lt.settle(lt.te.next(), hi)) {
                    queue.add(lt);
                }
            }
            if (ab[0] + ab[1] >= min) {
                out.add(new Object[] {lemma.get().utf8ToString(), new long[] {ab[0], ab[1]}});
            }
        }
        return out;
    }

    /**
     * ab = {target, baseline} articles holding any of these terms, which carry one lemma, ordered by
     * segment. Explain shows a lemma without its language, so one lemma string is one item: every
     * article is indexed by one language's chain, so terms of different languages never share an
     * article and their counts add up exactly (ru:москва and uk:москва are the same city; where two
     * languages share a spelling for different words, a mixed corpus shows them as one, which the
     * item's query does too, as it ORs every language's reading). A dictionary lemma and a guessed
     * stem of the same language (ru:шольц, ru~шольц for a form the dictionary lacks) can share an
     * article: their union is counted, document by document.
     */
    private static void countLemma(List<LeafTerms> same, byte[] side, long[] c, long[] ab) throws IOException {
        ab[0] = 0;
        ab[1] = 0;
        int i = 0;
        while (i < same.size()) {
            int j = i + 1;
            while (j < same.size() && same.get(j).leaf == same.get(i).leaf) {
                j++;
            }
            // [i, j): one segment's terms for this lemma
            boolean overlap = false;
            for (int x = i; x < j && !overlap; x++) {
                for (int y = x + 1; y < j && !overlap; y++) {
                    overlap = same.get(x).mayShareArticles(same.get(y));
                }
            }
            if (!overlap) {
                for (int x = i; x < j; x++) {
                    LeafTerms lt = same.get(x);
                    count(lt.pe, lt.te.docFreq(), side, lt.base, lt.setDocs, c);
                    ab[0] += c[1] + c[3];
                    ab[1] += c[2] + c[3];
                }
            } else {
                unionCount(same.subList(i, j), side, c);
                ab[0] += c[1] + c[3];
                ab[1] += c[2] + c[3];
            }
            i = j;
        }
    }

    /** c[side] += the documents in any of one segment's postings, each once; c is cleared first. */
    private static void unionCount(List<LeafTerms> terms, byte[] side, long[] c) throws IOException {
        Arrays.fill(c, 0);
        int k = terms.size();
        int[] at = new int[k];
        for (int x = 0; x < k; x++) {
            at[x] = terms.get(x).pe.nextDoc();
        }
        int base = terms.get(0).base;
        while (true) {
            int d = DocIdSetIterator.NO_MORE_DOCS;
            for (int x = 0; x < k; x++) {
                d = Math.min(d, at[x]);
            }
            if (d == DocIdSetIterator.NO_MORE_DOCS) {
                return;
            }
            c[side[base + d]]++;
            for (int x = 0; x < k; x++) {
                if (at[x] == d) {
                    at[x] = terms.get(x).pe.nextDoc();
                }
            }
        }
    }

    /** c[side] += documents of the postings in each side combination; c is cleared first. */
    private static void count(PostingsEnum pe, int docFreq, byte[] side, int base, int[] setDocs, long[] c) throws IOException {
        Arrays.fill(c, 0);
        if (docFreq <= WALK_FACTOR * setDocs.length) {
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                c[side[base + d]]++;
            }
            return;
        }
        // few of the sets' documents here, many of the term's: leapfrog
        int i = 0;
        int d = pe.advance(setDocs[0]);
        while (d != DocIdSetIterator.NO_MORE_DOCS) {
            while (i < setDocs.length && setDocs[i] < d) {
                i++;
            }
            if (i == setDocs.length) {
                break;
            }
            if (setDocs[i] == d) {
                c[side[base + d]]++;
                i++;
                if (i == setDocs.length) {
                    break;
                }
            }
            d = pe.advance(setDocs[i]);
        }
    }

    /**
     * Counts of the lemmas asked for, each over its terms of every language and kind as in
     * {@link #countLemma}; with {@code asForms}, each also over its exact form (a word kept as written).
     */
    private void countTerms(byte[] side, int[][] perLeaf, List<String> wanted, boolean asForms, Map<String, long[]> out)
            throws IOException {
        List<String> lemmas = new ArrayList<>(new java.util.TreeSet<>(wanted));
        long[][] totals = new long[lemmas.size()][2];
        long[] c = new long[4];
        long[] ab = new long[2];
        List<LeafTerms> same = new ArrayList<>();
        BytesRef[] tags = TAGS;
        if (asForms) {
            tags = Arrays.copyOf(TAGS, TAGS.length + 1);
            tags[TAGS.length] = EXACT;
        }
        for (LeafReaderContext ctx : reader.leaves()) {
            int[] setDocs = perLeaf[ctx.ord];
            if (setDocs.length == 0) {
                continue;
            }
            Terms terms = ctx.reader().terms(Schema.BODY);
            if (terms == null) {
                continue;
            }
            LeafTerms[] byTag = new LeafTerms[tags.length];
            for (int t = 0; t < tags.length; t++) {
                byTag[t] = new LeafTerms(ctx, terms.iterator(), setDocs, tags[t]);
            }
            for (int k = 0; k < lemmas.size(); k++) {
                BytesRef lemma = new BytesRef(lemmas.get(k));
                same.clear();
                for (LeafTerms lt : byTag) {
                    if (lt.te.seekExact(tagged(lt.tag, lemma))) {
                        lt.pe = lt.te.postings(lt.pe, PostingsEnum.NONE);
                        same.add(lt);
                    }
                }
                if (!same.isEmpty()) {
                    countLemma(same, side, c, ab);
                    totals[k][0] += ab[0];
                    totals[k][1] += ab[1];
                }
            }
        }
        for (int k = 0; k < lemmas.size(); k++) {
            out.put(lemmas.get(k), totals[k]);
        }
    }

    private void facets(byte[] side, int[][] perLeaf, String field, Map<String, long[]> out) throws IOException {
        for (LeafReaderContext ctx : reader.leaves()) {
            int[] setDocs = perLeaf[ctx.ord];
            SortedDocValues dv = ctx.reader().getSortedDocValues(field);
            if (dv == null || setDocs.length == 0) {
                continue;
            }
            long[] target = new long[dv.getValueCount()];
            long[] baseline = new long[dv.getValueCount()];
            for (int d : setDocs) {
                if (dv.advanceExact(d)) {
                    byte s = side[ctx.docBase + d];
                    int ord = dv.ordValue();
                    target[ord] += (s & TARGET) != 0 ? 1 : 0;
                    baseline[ord] += (s & BASELINE) != 0 ? 1 : 0;
                }
            }
            for (int ord = 0; ord < target.length; ord++) {
                if (target[ord] + baseline[ord] > 0) {
                    long[] c = out.computeIfAbsent(dv.lookupOrd(ord).utf8ToString(), k -> new long[2]);
                    c[0] += target[ord];
                    c[1] += baseline[ord];
                }
            }
        }
    }

    // ---- texts -------------------------------------------------------------------------------------

    List<ArticleText> texts(ArticleSet set, int limit) throws IOException {
        return texts(set, limit, false);
    }

    List<ArticleText> texts(ArticleSet set, int limit, boolean withMatches) throws IOException {
        Query q = setQuery(set);
        int[] picked = sample(q, limit);
        Query matches = null;
        if (withMatches && set.query() != null && !set.complement()) {
            matches = compiler.compile(set.query().root());
        }
        List<LeafReaderContext> leaves = reader.leaves();
        var stored = searcher.storedFields();
        List<ArticleText> out = new ArrayList<>(picked.length);
        for (int doc : picked) {
            LeafReaderContext ctx = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
            int local = doc - ctx.docBase;
            Document d = stored.document(doc);
            NumericDocValues day = ctx.reader().getNumericDocValues(Schema.DAY);
            LocalDate date = day != null && day.advanceExact(local) ? LocalDate.ofEpochDay(day.longValue()) : null;
            String title = nz(d.get(Schema.TITLE_STORED));
            // the index holds no offsets: the article is analysed again to find where its words are
            int[] starts = matches == null ? new int[0] : matchStarts(HitReanalysis.matches(matches, Schema.article(d::get)));
            out.add(new ArticleText(d.get(Schema.URL), date, d.get(Schema.OUTLET), d.get(Schema.GROUP), d.get(Schema.LANG),
                    title, nz(d.get(Schema.TEXT_STORED)), starts));
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * The set's documents when there are at most {@code limit}, else {@code limit} of them evenly
     * spread: the i-th picked is the floor(i·n/limit)-th in index order. One counting pass, one
     * collecting pass; no list of the whole set is built.
     */
    private int[] sample(Query q, int limit) throws IOException {
        int n = searcher.count(q);
        int size = Math.min(n, limit);
        int[] out = new int[size];
        if (size == 0) {
            return out;
        }
        double step = (double) n / size;
        int[] state = new int[2]; // {position in the set, picked so far}
        forEachDoc(q, doc -> {
            int k = state[1];
            if (k < size && state[0] == (int) Math.floor(k * step)) {
                out[k] = doc;
                state[1]++;
            }
            state[0]++;
        });
        int[] picked = Arrays.copyOf(out, state[1]);
        Arrays.sort(picked);
        return picked;
    }

    /** Start offsets of matched words over title + "\n" + text (the title field's offsets are the same for the title). */
    private static int[] matchStarts(Matches m) throws IOException {
        if (m == null) {
            return new int[0];
        }
        List<Integer> starts = new ArrayList<>();
        for (String field : new String[] {Schema.BODY, Schema.TITLE}) {
            MatchesIterator it = m.getMatches(field);
            if (it == null) {
                continue;
            }
            while (it.next()) {
                MatchesIterator sub = it.getSubMatches();
                if (sub == null) {
                    if (it.startOffset() >= 0) {
                        starts.add(it.startOffset());
                    }
                    continue;
                }
                while (sub.next()) {
                    if (sub.startOffset() >= 0) {
                        starts.add(sub.startOffset());
                    }
                }
            }
        }
        return starts.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
    }
}
