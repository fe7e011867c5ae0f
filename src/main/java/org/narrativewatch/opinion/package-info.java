/**
 * Poll series beside media series. Poll CSV files ({@link org.narrativewatch.opinion.PollCsv}) become
 * {@link org.narrativewatch.opinion.PollPoint}s with fieldwork periods and sampling intervals, kept in a
 * JSON {@link org.narrativewatch.opinion.PollStore}; {@link org.narrativewatch.opinion.Alignment} resamples a
 * media {@code Series} to poll dates, and {@link org.narrativewatch.opinion.LeadLag} (the entry type)
 * tests which of two series leads: prewhitened cross-correlation and bootstrap-adjusted Granger F-tests.
 * {@link org.narrativewatch.opinion.PollShifts} hands a poll series to the shift detector (one binomial observation per
 * poll at its fieldwork midpoint); {@link org.narrativewatch.opinion.PollSeries#toTimeline} gives calendar buckets.
 */
package org.narrativewatch.opinion;
