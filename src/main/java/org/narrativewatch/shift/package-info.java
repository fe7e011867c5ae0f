/**
 * Change-point ("shift") detection on any series: PELT, binary segmentation and CROPS penalty sweeps
 * over Poisson, binomial and Gaussian segment costs, Bayesian online change-point detection for live
 * series, and the TCPDBench evaluation. Entry type: {@link org.narrativewatch.shift.ShiftDetector}.
 */
package org.narrativewatch.shift;
