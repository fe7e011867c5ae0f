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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.MergeInfo;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's folder reads a merge's segments buffered (their pages must not stay in the process's
 * resident memory), everything else through the memory map; merges through it keep every document.
 */
class MergeReadsBufferedTest {

    @TempDir
    Path tmp;

    @Test
    void mergesReadBufferedAndKeepEveryDocument() throws Exception {
        try (Directory mapped = new MMapDirectory(tmp); Directory buffered = new NIOFSDirectory(tmp);
             Directory dir = new LuceneEngine.MergeReadsBuffered(mapped, buffered)) {
            IndexWriterConfig cfg = new IndexWriterConfig(new StandardAnalyzer());
            cfg.setMaxBufferedDocs(50);
            int n = 0;
            try (IndexWriter w = new IndexWriter(dir, cfg)) {
                // many small commits: the default merge policy merges them while the writer runs
                for (int c = 0; c < 40; c++) {
                    for (int i = 0; i < 50; i++, n++) {
                        Document d = new Document();
                        d.add(new StringField("id", "k" + n, Field.Store.YES));
                        d.add(new TextField("body", (n % 3 == 0 ? "alpha " : "beta ") + "word" + n, Field.Store.NO));
                        w.addDocument(d);
                    }
                    w.commit();
                }
                w.forceMerge(1);
                w.commit();
            }
            try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(tmp))) {
                assertEquals(n, r.numDocs());
                assertEquals(1, r.leaves().size());
                assertEquals((n + 2) / 3, new IndexSearcher(r).count(new TermQuery(new Term("body", "alpha"))));
            }
            String file = null;
            for (String f : dir.listAll()) {
                if (f.endsWith(".si")) {
                    file = f;
                }
            }
            try (IndexInput merge = dir.openInput(file, new IOContext(new MergeInfo(1, 1, false, 1)));
                 IndexInput read = dir.openInput(file, IOContext.READ)) {
                assertTrue(merge.getClass().getName().contains("NIOFS"), merge.getClass().getName());
                assertFalse(read.getClass().getName().contains("NIOFS"), read.getClass().getName());
            }
        }
    }
}
