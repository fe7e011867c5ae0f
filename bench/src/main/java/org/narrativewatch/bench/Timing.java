package org.narrativewatch.bench;

import java.util.List;

/** A query's latency on one system: the cold run, the warm runs' median, and the number of matches it reported. */
record Timing(double coldMs, double warmMedianMs, Long count, List<Double> warmMs) {

    static final Timing NONE = new Timing(Double.NaN, Double.NaN, null, List.of());

    static Timing of(double coldMs, List<Double> warmMs, Long count) {
        return new Timing(coldMs, Measure.median(warmMs), count, List.copyOf(warmMs));
    }
}
