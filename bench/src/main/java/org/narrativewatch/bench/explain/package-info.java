/**
 * The timing harness of {@code nwatch explain} ({@link org.narrativewatch.bench.explain.ExplainBenchmark}):
 * explain QUERY --vs rest in process on an imported index, cold and warm, wall and CPU; bench/run adds its
 * rows per corpus (docs/explain.md, docs/benchmarks.md). Uses only the explain package's public API.
 */
package org.narrativewatch.bench.explain;
