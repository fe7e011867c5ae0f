/** Throughput of the analysis chain on real text; entry type {@link org.narrativewatch.bench.analysis.AnalysisThroughput}. */
package org.narrativewatch.bench.analysis;
