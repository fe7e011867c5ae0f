package org.narrativewatch.ingest;

import java.io.IOException;

/**
 * A stream of records from one file, feed or archive. A bad record comes back as
 * {@link SourceRecord.Rejected} naming where it was; it never ends the stream. Positions increase,
 * so an importer can checkpoint "consumed up to position P" and resume after it.
 */
public interface Source extends AutoCloseable {

    /** What this source reads (a path or a URL): used in messages and checkpoints. */
    String name();

    /** The next record, or null at the end. Throws only when the source as a whole is unreadable. */
    SourceRecord next() throws IOException;

    @Override
    void close() throws IOException;
}
