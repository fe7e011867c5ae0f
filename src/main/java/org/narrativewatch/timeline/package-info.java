/**
 * Series of counts over calendar buckets (day, ISO week, month) with the totals they are shares of and the
 * days each bucket covers; what {@link org.narrativewatch.index.Corpus} returns and what analysis consumes.
 * Entry type: {@link org.narrativewatch.timeline.Series}; {@link org.narrativewatch.timeline.Series#fold} is
 * the one place buckets are made from per-day counts; {@link org.narrativewatch.timeline.SeriesFormat} is the
 * wire form (JSON and CSV) the CLI and the API share.
 */
package org.narrativewatch.timeline;
