/**
 * Poll series beside media series. Poll CSV files ({@link org.narrativewatch.opinion.PollCsv}) become
 * {@link org.narrativewatch.opinion.PollPoint}s with fieldwork periods and sampling intervals, kept in a
 * JSON {@link org.narrativewatch.opinion.PollStore}; {@link org.narrativewatch.opinion.Alignment} resamples a
 * media {@code Series} to poll dates, and {@link org.narrativewatch.opinion.LeadLag} (the entry type)
 * tests which of two series leads: prewhitened cross-correlation and bootstrap-adjusted Granger F-tests.
 * {@link org.narrativewatch.opinion.PollSeries#toTimeline} hands poll series to the shift detector.
 */
package org.narrativewatch.opinion;
