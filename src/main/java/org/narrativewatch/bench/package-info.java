/**
 * The side-by-side benchmark behind {@code bench/run}: {@link org.narrativewatch.bench.BenchMain} loads one
 * corpus into our engine, into PostgreSQL's full-text search and (as a plain file) in front of ripgrep, runs
 * the same queries on each and writes a table of medians and ratios. It lives in the main jar, not in test
 * sources, so that the in-process timings use exactly the classes a user runs and {@code bench/run} needs
 * nothing but {@code target/nwatch.jar}; nothing else in the project depends on it.
 */
package org.narrativewatch.bench;
