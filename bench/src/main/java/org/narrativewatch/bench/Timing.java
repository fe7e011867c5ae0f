package org.narrativewatch.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's latency on one system: its cold calls (each on a freshly opened index with the page cache dropped),
 * its warm runs in the blocks they were measured in (interleaved with the other systems' blocks), and the
 * number of matches it reported.
 */
record Timing(List<Double> colds, List<List<Double>> warmBlocks, Long count) {

    static final Timing NONE = new Timing(List.of(), List.of(), null);

    Timing {
        colds = List.copyOf(colds);
        warmBlocks = warmBlocks.stream().map(List::copyOf).toList();
    }

    /** One cold call and one block of warm runs. */
    static Timing of(double coldMs, List<Double> warmMs, Long count) {
        return new Timing(Double.isNaN(coldMs) ? List.of() : List.of(coldMs), List.of(warmMs), count);
    }

    /** Median of the cold calls (NaN when none). */
    double coldMs() {
        return Measure.median(colds);
    }

    Spread cold() {
        return Spread.of(colds);
    }

    /** Every warm run, block after block. */
    List<Double> warmMs() {
        List<Double> all = new ArrayList<>();
        warmBlocks.forEach(all::addAll);
        return all;
    }

    double warmMedianMs() {
        return Measure.median(warmMs());
    }

    /** The median of each block: how far the warm median itself moved during the run. */
    List<Double> blockMedians() {
        return warmBlocks.stream().filter(b -> !b.isEmpty()).map(Measure::median).toList();
    }

    Spread blockSpread() {
        return Spread.of(blockMedians());
    }
}
