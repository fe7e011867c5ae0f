package org.narrativewatch.ingest;

import java.util.List;
import java.util.Map;

/**
 * The end-of-run counters of one import (Anserini-style): what was read, what was new, what was
 * there already, what was refused and why.
 *
 * @param skipped    records an earlier run had already committed (resumed from its checkpoint)
 * @param reasons    rejection reason → count
 * @param examples   the first rejections with file and line, for the user to look at
 * @param failure    null when the source was read to its end; else why the rest of it could not be
 *                   read (what came before it is imported and committed)
 */
public record ImportReport(String source, long read, long added, long alreadyPresent, long rejected, long skipped,
                           Map<String, Long> reasons, List<String> examples, double seconds, String failure) {

    /** A source that could not be opened at all. */
    public static ImportReport failed(String source, String failure) {
        return new ImportReport(source, 0, 0, 0, 0, 0, Map.of(), List.of(), 0, failure);
    }

    /** ok: read to its end; incomplete: something imported, then unreadable; failed: nothing read. */
    public String outcome() {
        if (failure == null) {
            return "ok";
        }
        return read > 0 ? "incomplete" : "failed";
    }
}
