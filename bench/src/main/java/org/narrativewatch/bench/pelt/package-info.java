/**
 * Timing harnesses for the shift detectors (run by hand or by bench/run, not by the test suite):
 * {@link org.narrativewatch.bench.pelt.PeltSpeedVsR} against R changepoint's recorded times on the
 * r-reference timing series, and {@link org.narrativewatch.bench.pelt.PeltBenchmark} on seeded synthetic
 * series. Self-contained: they use only the shift package's public API.
 */
package org.narrativewatch.bench.pelt;
