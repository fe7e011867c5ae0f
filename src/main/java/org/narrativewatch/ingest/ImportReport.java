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
 */
public record ImportReport(String source, long read, long added, long alreadyPresent, long rejected, long skipped,
                           Map<String, Long> reasons, List<String> examples, double seconds) {}
