package org.narrativewatch.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * The folder as the first (buffered, cold) reader sees it, with each segment's terms index (the {@code .tip}
 * file: the FST that leads a term look-up to its block of the terms dictionary) read whole into the heap in
 * one read. Read through a 1 KB buffer, a look-up walks the FST from node to node, one read per node far
 * from the last: the first NEAR at 1.45M articles made 1,140 reads of 13 segments' {@code .tip} files,
 * a third of all its reads, for 945 KB of their 1.37 MB (docs/benchmarks.md, "Cold queries, fifth round").
 * The copies are small (about 1 KB per thousand distinct terms) and live only as long as that first
 * reader: from the second query on the engine reads through the memory map.
 */
final class TermsIndexInHeap extends FilterDirectory {

    /** A terms index larger than this is read as before, through the buffer (never on the corpora measured). */
    static final long MAX_BYTES = 16L << 20;

    TermsIndexInHeap(Directory in) {
        super(in);
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        if (!name.endsWith(".tip")) {
            return super.openInput(name, context);
        }
        byte[] bytes;
        try (IndexInput in = super.openInput(name, IOContext.READONCE)) {
            if (in.length() > MAX_BYTES) {
                return super.openInput(name, context);
            }
            bytes = new byte[(int) in.length()];
            in.readBytes(bytes, 0, bytes.length);
        }
        return new ByteBuffersIndexInput(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(bytes))), "heap(" + name + ")");
    }
}
