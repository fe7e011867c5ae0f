package org.narrativewatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader over {@link TermsIndexInHeap} holds the terms indexes in the heap and answers as the plain folder does. */
class TermsIndexInHeapTest {

    @TempDir
    Path tmp;

    @Test
    void termsIndexesAreReadWholeAndAnswersDoNotChange() throws Exception {
        try (Directory dir = new NIOFSDirectory(tmp)) {
            // as the engine writes: no compound files, so each segment's terms index is a .tip file of its own
            IndexWriterConfig cfg = new IndexWriterConfig(new StandardAnalyzer()).setUseCompoundFile(false);
            cfg.getMergePolicy().setNoCFSRatio(0);
            try (IndexWriter w = new IndexWriter(dir, cfg)) {
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < 3000; i++) {
                        Document d = new Document();
                        d.add(new StringField("id", "k" + c + "-" + i, Field.Store.NO));
                        d.add(new TextField("body", "w" + (i * 7919 % 5000) + " alpha w" + i + (i % 5 == 0 ? " beta" : ""), Field.Store.NO));
                        w.addDocument(d);
                    }
                    w.commit();
                }
            }
            Directory heap = new TermsIndexInHeap(dir);
            int tips = 0;
            for (String f : dir.listAll()) {
                try (IndexInput in = heap.openInput(f, IOContext.DEFAULT)) {
                    assertEquals(f.endsWith(".tip"), in instanceof ByteBuffersIndexInput, f);
                    assertEquals(dir.fileLength(f), in.length(), f);
                    tips += f.endsWith(".tip") ? 1 : 0;
                }
            }
            assertTrue(tips >= 3, "one terms index per segment: " + tips);
            try (DirectoryReader plain = DirectoryReader.open(dir); DirectoryReader viaHeap = DirectoryReader.open(heap)) {
                IndexSearcher a = new IndexSearcher(plain);
                IndexSearcher b = new IndexSearcher(viaHeap);
                assertEquals(3, viaHeap.leaves().size());
                for (var q : new org.apache.lucene.search.Query[] {new TermQuery(new Term("body", "w4999")),
                        new TermQuery(new Term("body", "beta")), new TermQuery(new Term("id", "k1-2999")),
                        new TermQuery(new Term("body", "absent")), new PrefixQuery(new Term("body", "w12")),
                        new IntervalQuery("body", Intervals.maxgaps(2, Intervals.unordered(Intervals.term("alpha"), Intervals.term("beta"))))}) {
                    assertEquals(a.count(q), b.count(q), q.toString());
                }
                assertFalse(b.count(new TermQuery(new Term("body", "beta"))) == 0);
            }
        }
    }
}
