package org.narrativewatch.cli;

import org.narrativewatch.opinion.LeadLag;
import picocli.CommandLine.Option;

/** Options of the lead-lag tests, shared by {@code opinion leadlag} and {@code opinion compare}. */
public final class OpinionTestOptions {

    @Option(names = "--max-lag", paramLabel = "K", defaultValue = "6",
            description = "Cross-correlation lags -K..K and Granger lags 1..K, in steps of the series (default: ${DEFAULT-VALUE}).")
    int maxLag;

    @Option(names = "--criterion", defaultValue = "aic", description = "aic or bic: picks AR and Granger lag orders (default: ${DEFAULT-VALUE}).")
    String criterion;

    @Option(names = "--difference", description = "First-difference both series before testing (for trending, random-walk-like levels).")
    boolean difference;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Confidence of the cross-correlation bands (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--bootstrap", paramLabel = "R", defaultValue = "" + LeadLag.Options.DEFAULT_BOOTSTRAP,
            description = "Bootstrap replicates for the Granger p-value adjusted for the lag choice; 0 for plain F p-values (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    LeadLag.Options options() {
        return new LeadLag.Options(maxLag, criterion, difference, confidence, bootstrap, seed);
    }
}
