package org.narrativewatch.bench;

/** One timed call of one system: milliseconds, and the matches it reported (null where it reports none). */
record Call(double ms, Long count) {}
