package org.narrativewatch.bench.probe;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rungs of the import probe, from the plain Lucene indexer of issue 14 up to {@code nwatch import}; each adds one
 * feature of ours to the one before (docs/benchmarks.md, "Import, sixth round").
 */
public enum ProbeVariant {
    READ("read", "the floor: JVM start, reading and parsing the records (the product's source classes), no analysis, "
            + "no index"),
    ANALYSE("analyse", "read + our analysis chain over title and text on our importer's threads (every token consumed), "
            + "no index"),
    P0("p0", "issue's probe: one field body = title + text, our lemmas only (a word without one: its form), "
            + "positions, default IndexWriterConfig + our RAM buffer, no stored fields, no keys"),
    P0_1T("p0-1t", "P0 on one thread (indexing on the reading thread, as our importer without a pool)"),
    P1("p1", "P0 + exact forms at every position = our chain's whole output for body"),
    P1_DISTINCT("p1-distinct", "P0 + exact forms only where the form differs from every lemma of its position "
            + "(what a deduplicating format would index; NOT shippable by itself)"),
    P2("p2", "P1 + the separate title field (title analysed once for both fields, as ours)"),
    P3_NO_TEXT("p3-no-text", "our document without the stored title and text (title_s, text_s): what storing the "
            + "text costs (NOT shippable: hits could not be shown)"),
    P3("p3", "P2 + stored fields, doc values, points, the id key and the story hash: the document ours builds "
            + "(LuceneEngine.probeDocument), default IndexWriterConfig + our RAM buffer"),
    P3_MERGE("p3-merge", "P3 + force-merge to one segment at the end (ours does after a bulk import)"),
    P4("p4", "nwatch import itself (dedupe by key, syndication marks, checkpointed commits, our writer config, "
            + "end-of-import merge)");

    private final String id;
    private final String description;

    ProbeVariant(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether this rung writes no index (the floors below P0). */
    public boolean writesNoIndex() {
        return this == READ || this == ANALYSE;
    }

    /** Whether this rung is the real CLI (run through the launcher) rather than {@link ProbeIndexer}. */
    public boolean isOurImport() {
        return this == P4;
    }

    /** The variant named {@code id} (case-insensitive). */
    public static ProbeVariant of(String id) {
        String k = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(k)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown probe variant '" + id + "' (" + String.join(", ", ids()) + ")"));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ProbeVariant::id).toList();
    }
}
