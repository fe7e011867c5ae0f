/** The explain benchmark: {@link org.narrativewatch.explain.bench.ExplainBenchmark}, run by bench/run in its own JVM (docs/explain.md, docs/benchmarks.md). */
package org.narrativewatch.explain.bench;
