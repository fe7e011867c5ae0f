package org.narrativewatch.shift;

import java.time.LocalDate;

/**
 * A change at bucket {@code index} (the first bucket of the new level).
 *
 * @param before   level at the end of the previous segment, with its 95% interval
 * @param after    level at the start of the new segment, with its 95% interval
 * @param relative (after - before) / |before|; NaN when before is 0
 * @param p        likelihood-ratio p-value of "no change here" against the two adjacent segments
 *                 (χ² with the model's parameter count). Nominal: the location was chosen by the
 *                 search, so it overstates significance; read it as a ranking, not an exact test.
 * @param posterior for BOCPD: posterior probability, at the end of the new run, that a run began at
 *                  or after this bucket; NaN for PELT and binary segmentation
 */
public record ChangePoint(int index, LocalDate date, Estimate before, Estimate after, double relative, double p,
                          double posterior) {}
