package org.narrativewatch.bench.terms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Two indexes of the same articles compared term for term: for every indexed field, every term with its
 * docFreq and totalTermFreq, and (with {@code --positions}) an order-free checksum of where the term
 * occurs — per posting a hash of the article's stored URL and language, the term's frequency and each
 * position — so two indexes written in different document orders, segment layouts or thread counts
 * compare equal exactly when they hold the same postings:
 * <pre>
 * bench/run terms /tmp/before-1tv /tmp/after-1tv --positions
 * </pre>
 * Exit code 0 when equal, 1 with the first differences listed otherwise. The check behind changes to
 * the writer or the analysis chain that must leave the index's contents unchanged (issue 14).
 */
@Command(name = "terms", mixinStandardHelpOptions = true,
        description = "Compare two indexes term for term (docFreq, totalTermFreq, optionally positions).")
public final class IndexTermsDiff implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INDEX_A")
    Path a;

    @Parameters(index = "1", paramLabel = "INDEX_B")
    Path b;

    @Option(names = "--positions", description = "Also compare an order-free checksum of every term's positions per article.")
    boolean positions;

    @Option(names = "--show", defaultValue = "20", description = "Differences to list (default: ${DEFAULT-VALUE}).")
    int show;

    @Override
    public Integer call() throws Exception {
        try (var da = FSDirectory.open(a); var db = FSDirectory.open(b);
             DirectoryReader ra = DirectoryReader.open(da); DirectoryReader rb = DirectoryReader.open(db)) {
            System.out.printf(Locale.ROOT, "A: %s: %,d documents in %d segments%nB: %s: %,d documents in %d segments%n",
                    a, ra.numDocs(), ra.leaves().size(), b, rb.numDocs(), rb.leaves().size());
            List<String> diffs = new ArrayList<>();
            if (ra.numDocs() != rb.numDocs()) {
                diffs.add("document count " + ra.numDocs() + " vs " + rb.numDocs());
            }
            long[][] keysA = positions ? docKeys(ra) : null;
            long[][] keysB = positions ? docKeys(rb) : null;
            TreeSet<String> fields = new TreeSet<>();
            fields.addAll(indexedFields(ra));
            fields.addAll(indexedFields(rb));
            for (String f : fields) {
                Terms ta = MultiTerms.getTerms(ra, f);
                Terms tb = MultiTerms.getTerms(rb, f);
                FieldSummary s = compare(f, ta, tb, ra, rb, keysA, keysB, diffs);
                System.out.printf(Locale.ROOT, "%-16s %,10d terms  %,12d postings  %,12d occurrences%s%n", f, s.terms, s.docFreq,
                        s.ttf, positions && s.positionsChecked ? "  positions checked" : "");
            }
            if (diffs.isEmpty()) {
                System.out.println("equal");
                return 0;
            }
            System.out.printf(Locale.ROOT, "%d differences; the first:%n", diffs.size());
            diffs.stream().limit(show).forEach(d -> System.out.println("  " + d));
            return 1;
        }
    }

    private static List<String> indexedFields(DirectoryReader r) {
        List<String> out = new ArrayList<>();
        for (LeafReaderContext ctx : r.leaves()) {
            for (FieldInfo fi : ctx.reader().getFieldInfos()) {
                if (fi.getIndexOptions() != IndexOptions.NONE && !out.contains(fi.name)) {
                    out.add(fi.name);
                }
            }
        }
        return out;
    }

    private record FieldSummary(long terms, long docFreq, long ttf, boolean positionsChecked) {}

    private FieldSummary compare(String field, Terms ta, Terms tb, DirectoryReader ra, DirectoryReader rb,
                                 long[][] keysA, long[][] keysB, List<String> diffs) throws java.io.IOException {
        TermsEnum ea = ta == null ? TermsEnum.EMPTY : ta.iterator();
        TermsEnum eb = tb == null ? TermsEnum.EMPTY : tb.iterator();
        boolean withPositions = positions && ta != null && tb != null && ta.hasPositions() && tb.hasPositions();
        BytesRef x = ea.next();
        BytesRef y = eb.next();
        long terms = 0, docFreq = 0, ttf = 0;
        while (x != null || y != null) {
            int c = x == null ? 1 : y == null ? -1 : x.compareTo(y);
            if (c < 0) {
                diffs.add(field + ": " + x.utf8ToString() + " only in A");
                x = ea.next();
            } else if (c > 0) {
                diffs.add(field + ": " + y.utf8ToString() + " only in B");
                y = eb.next();
            } else {
                terms++;
                docFreq += ea.docFreq();
                ttf += ea.totalTermFreq();
                if (ea.docFreq() != eb.docFreq() || ea.totalTermFreq() != eb.totalTermFreq()) {
                    diffs.add(String.format(Locale.ROOT, "%s: %s docFreq %d vs %d, totalTermFreq %d vs %d", field,
                            x.utf8ToString(), ea.docFreq(), eb.docFreq(), ea.totalTermFreq(), eb.totalTermFreq()));
                } else if (withPositions) {
                    long ha = positionsHash(ra, field, BytesRef.deepCopyOf(x), keysA);
                    long hb = positionsHash(rb, field, y, keysB);
                    if (ha != hb) {
                        diffs.add(field + ": " + x.utf8ToString() + " same counts, different positions");
                    }
                }
                x = ea.next();
                y = eb.next();
            }
        }
        return new FieldSummary(terms, docFreq, ttf, withPositions);
    }

    /** Per document (global doc id): a 64-bit hash of its stored URL and language, the key both indexes share. */
    private static long[][] docKeys(DirectoryReader r) throws java.io.IOException {
        long[][] keys = new long[r.leaves().size()][];
        StoredFields sf = r.storedFields();
        for (LeafReaderContext ctx : r.leaves()) {
            long[] k = new long[ctx.reader().maxDoc()];
            for (int d = 0; d < k.length; d++) {
                var doc = sf.document(ctx.docBase + d, java.util.Set.of("url", "lang"));
                byte[] bytes = (doc.get("url") + "\u0000" + doc.get("lang")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                k[d] = ((long) StringHelper.murmurhash3_x86_32(bytes, 0, bytes.length, 17) << 32)
                        ^ (StringHelper.murmurhash3_x86_32(bytes, 0, bytes.length, 31) & 0xffffffffL);
            }
            keys[ctx.ord] = k;
        }
        return keys;
    }

    /** The sum over postings of mix(article key, frequency, positions): independent of document order and segments. */
    private static long positionsHash(DirectoryReader r, String field, BytesRef term, long[][] keys) throws java.io.IOException {
        long sum = 0;
        for (LeafReaderContext ctx : r.leaves()) {
            Terms t = ctx.reader().terms(field);
            if (t == null) {
                continue;
            }
            TermsEnum te = t.iterator();
            if (!te.seekExact(term)) {
                continue;
            }
            PostingsEnum pe = te.postings(null, PostingsEnum.POSITIONS);
            var live = ctx.reader().getLiveDocs();
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                if (live != null && !live.get(d)) {
                    continue;
                }
                long h = keys[ctx.ord][d] * 0x9E3779B97F4A7C15L + pe.freq();
                for (int i = 0; i < pe.freq(); i++) {
                    h = mix(h + pe.nextPosition());
                }
                sum += mix(h);
            }
        }
        return sum;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
