/**
 * The benchmark module (bench/, outside the product jar): {@link org.narrativewatch.bench.Bench} is its one entry
 * point. {@link org.narrativewatch.bench.CompareCommand} is {@code bench/run}'s side-by-side run: it loads one
 * corpus into our engine, into PostgreSQL's full-text search and (as a plain file) in front of ripgrep, runs the
 * same queries on each and writes a table of medians and ratios. The module compiles against the product's
 * shaded jar and runs with it on the class path, so in-process timings use exactly the classes a user runs;
 * nothing in the product depends on it. Subpackages hold the closer looks: JMH microbenchmarks, the two-engine
 * comparison, the dashboard load test, analysis throughput.
 */
package org.narrativewatch.bench;
