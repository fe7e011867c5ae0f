package org.narrativewatch.brief;

/**
 * The lead-lag verdict of two series A and B (positive lag: A leads): the cross-correlation lag with the largest
 * significant |r| (0 = none significant), and the Granger p-values both ways (NaN when not testable).
 */
public record LeadLagOutcome(int n, String step, int bestLag, double bestR, boolean significant, double pAtoB, double pBtoA,
                             int lagAtoB, int lagBtoA, java.util.List<Integer> significantLags) {}
