package org.narrativewatch.shift;

import java.time.LocalDate;

/**
 * One stretch between changes: buckets [start, end), their dates (null for index-only series),
 * how many were observed, and the level with its 95% interval (for the trend model: at the start).
 */
public record Segment(int start, int end, LocalDate from, LocalDate to, int observed, Estimate level) {}
