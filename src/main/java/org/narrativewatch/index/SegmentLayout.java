package org.narrativewatch.index;

import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.narrativewatch.UserException;

/**
 * How the writer lays the index out in segments: its in-memory buffer, its merge policy, and what
 * it does when an import ends. Every segment is paid for by the first query after a start (the
 * reader opens each one's files and looks every query term up in each), while every merge is paid
 * for by the import; docs/benchmarks.md ("Cold queries, fifth round") has the measured trade.
 *
 * @param ramBufferCapMB      the writer's buffer: a quarter of the heap, at most this many MB
 * @param segmentsPerTier     TieredMergePolicy's segments per tier (Lucene's default: 10)
 * @param floorSegmentMB      segments below this size count as this size when merges are chosen (Lucene: 2 MB)
 * @param maxMergeAtOnce      segments merged at once in a natural merge (Lucene: 10)
 * @param segmentsAfterBulk   after a bulk import the index is merged down to at most this many segments;
 *                            0 leaves it as the merge policy left it
 * @param bulkShare           an import is a bulk import when the documents it added are at least this share
 *                            of the index's documents at its end (an import into an empty index: 1.0)
 */
public record SegmentLayout(int ramBufferCapMB, double segmentsPerTier, double floorSegmentMB, int maxMergeAtOnce,
                            int segmentsAfterBulk, double bulkShare) {

    /** Lucene's merge policy as it is, and no merge at the end of an import (the layout before this class). */
    public static final SegmentLayout LUCENE = new SegmentLayout(256, 10, 2, 10, 0, 0.5);

    /**
     * The layout every writer uses unless {@code -Dnwatch.segment-layout} says otherwise: Lucene's merge policy
     * while importing, and one segment after a bulk import. At 1.45M articles the merge costs ~27 CPU-s
     * (about a tenth of the import) and takes the first NEAR from 300-470 ms to 50-100 ms (13 segments vs
     * one, paired, under load); merging to 3 or 5 segments saved only a third to a half of the merge and kept
     * two to three times the single segment's first query (docs/benchmarks.md, "Cold queries, fifth round").
     */
    public static final SegmentLayout DEFAULT = new SegmentLayout(256, 10, 2, 10, 1, 0.5);

    /**
     * Applies the buffer and the merge policy to a writer's configuration for a JVM of {@code maxHeapBytes};
     * returns the policy, whose merges while importing into an empty index can be held back ({@link Merges}).
     */
    Merges configure(IndexWriterConfig cfg, long maxHeapBytes) {
        // a quarter of the heap, at most the cap: imports run in constant memory even on a small heap
        cfg.setRAMBufferSizeMB(Math.max(8, Math.min(ramBufferCapMB, maxHeapBytes / 4 / (1 << 20))));
        TieredMergePolicy tiers = new TieredMergePolicy();
        tiers.setSegmentsPerTier(segmentsPerTier);
        tiers.setFloorSegmentMB(floorSegmentMB);
        tiers.setMaxMergeAtOnce(maxMergeAtOnce);
        // No compound files: Lucene's default copies each new segment's files into one .cfs file, a second
        // write of the whole index that only saves file handles (issue 14; an index holds a few segments)
        tiers.setNoCFSRatio(0);
        Merges merges = new Merges(tiers);
        cfg.setMergePolicy(merges);
        cfg.setUseCompoundFile(false);
        return merges;
    }

    /**
     * Lucene's tiers, except that their merges can be held back while an import fills an empty index: such an
     * import is a bulk import by definition, so it ends merged down ({@link #settle}), and every merge on the
     * way would only be rewritten by that last one. At 1tv x10 the tiers merged ten flushed segments (1.01M
     * articles, 70 % of the index) during the import, all of it rewritten by the end merge minutes later
     * (docs/benchmarks.md). Held back at most up to {@link #MAX_HELD_SEGMENTS} segments, so that a writer which
     * never ends an import (articles added one by one into a new index) still merges as before beyond that.
     */
    static final class Merges extends FilterMergePolicy {
        static final int MAX_HELD_SEGMENTS = 64;
        private volatile boolean held;

        Merges(MergePolicy tiers) {
            super(tiers);
        }

        /** Holds natural merges back (true) or lets the tiers merge again (false). */
        void hold(boolean hold) {
            held = hold;
        }

        boolean held() {
            return held;
        }

        @Override
        public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) throws IOException {
            if (held && infos.size() < MAX_HELD_SEGMENTS) {
                return null;
            }
            return super.findMerges(trigger, infos, context);
        }
    }

    /** Whether an import that found {@code docsBefore} documents and left {@code docsAfter} was a bulk import. */
    boolean bulk(long docsBefore, long docsAfter) {
        return docsAfter - docsBefore >= bulkShare * docsAfter;
    }

    /**
     * The end of an import that began on {@code docsBefore} documents and left {@code segments} segments in
     * its last commit: after a bulk import, merges the index down to {@link #segmentsAfterBulk} segments (when
     * it has more); returns whether it merged. The caller commits before (so that a crash during the merge
     * loses nothing) and after.
     */
    boolean settle(IndexWriter w, long docsBefore, int segments) throws IOException {
        if (segmentsAfterBulk <= 0 || !bulk(docsBefore, w.getDocStats().numDocs)) {
            return false;
        }
        if (segments <= segmentsAfterBulk) {
            return false;
        }
        w.forceMerge(segmentsAfterBulk);
        return true;
    }

    /**
     * The layout of this JVM: {@link #DEFAULT}, or {@code -Dnwatch.segment-layout=KEY=VALUE,...} (keys: ram,
     * tier, floor, atonce, bulk-segments, bulk-share; the others keep the default's values) for measuring
     * another layout without a rebuild (docs/benchmarks.md, "Cold queries, fifth round").
     */
    static SegmentLayout current() {
        String spec = System.getProperty("nwatch.segment-layout");
        return spec == null || spec.isBlank() ? DEFAULT : DEFAULT.with(spec);
    }

    /** This layout with the settings of {@code spec} ({@code key=value,...}) changed. */
    SegmentLayout with(String spec) {
        int ram = ramBufferCapMB, atOnce = maxMergeAtOnce, after = segmentsAfterBulk;
        double tier = segmentsPerTier, floor = floorSegmentMB, share = bulkShare;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new UserException("nwatch.segment-layout: expected key=value, got '" + part.trim() + "'");
            }
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            String v = kv[1].trim();
            try {
                switch (key) {
                    case "ram" -> ram = Integer.parseInt(v);
                    case "tier" -> tier = Double.parseDouble(v);
                    case "floor" -> floor = Double.parseDouble(v);
                    case "atonce" -> atOnce = Integer.parseInt(v);
                    case "bulk-segments" -> after = Integer.parseInt(v);
                    case "bulk-share" -> share = Double.parseDouble(v);
                    default -> throw new UserException("nwatch.segment-layout: unknown key '" + key
                            + "' (ram, tier, floor, atonce, bulk-segments, bulk-share)");
                }
            } catch (NumberFormatException e) {
                throw new UserException("nwatch.segment-layout: " + key + " is not a number: '" + v + "'");
            }
        }
        return new SegmentLayout(ram, tier, floor, atOnce, after, share);
    }
}
