package org.narrativewatch.cli;

import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.shift.Penalty;
import org.narrativewatch.shift.ShiftOptions;
import picocli.CommandLine.Option;

/**
 * --penalty/--min-segment/--method/--robust/--no-dispersion: how the shift detector segments a series, mixed into
 * every command that runs it. An option left out keeps the command's own default ({@link #apply}), so a command
 * with other defaults (polls: segments of at least one poll, the binomial model) shares the flags.
 */
public final class DetectorOptions {

    @Option(names = "--penalty", paramLabel = "PENALTY",
            description = "mbic, bic, a number, or k*log(n) (default: bic).")
    String penalty;

    @Option(names = "--min-segment", paramLabel = "N",
            description = "Shortest segment, in buckets (polls for opinion shifts) (default: the model's minimum; 1 poll).")
    Integer minSegment;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "pelt (exact), binseg, or bocpd (online Bayesian; reports a posterior) (default: pelt).")
    ShiftOptions.Method method;

    @Option(names = "--robust", description = "Treat single-bucket spikes as missing before segmenting.")
    boolean robust;

    @Option(names = "--no-dispersion", description = "Pure Poisson/binomial costs (R's), no over-dispersion correction.")
    boolean noDispersion;

    /** {@code base} with the settings given on the command line. */
    ShiftOptions apply(ShiftOptions base) {
        ShiftOptions o = base;
        if (penalty != null) {
            o = o.withPenalty(Penalty.parse(penalty));
        }
        if (minSegment != null) {
            if (minSegment < 0) {
                throw new InvalidOptionException("min-segment", "must be >= 0, not " + minSegment);
            }
            o = o.withMinSegment(minSegment);
        }
        if (method != null) {
            o = o.withMethod(method);
        }
        if (robust) {
            o = o.withRobust(true);
        }
        if (noDispersion) {
            o = o.withDispersion(false);
        }
        return o;
    }
}
