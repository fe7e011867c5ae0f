/**
 * Change-point ("shift") detection on any series: PELT and FPOP (exact optima), binary segmentation and
 * CROPS penalty sweeps over Poisson, binomial and Gaussian segment costs with per-bucket exposure (partial
 * buckets), the robust default (long-run scale, calendar cycles, outlier guard), pulses, Bayesian online
 * detection for live series, and the evaluations: TCPDBench with leave-one-out model selection, and real
 * events. Entry type: {@link org.narrativewatch.shift.ShiftDetector}.
 */
package org.narrativewatch.shift;
