/** The embedded engine against the OpenSearch engine: import rate, timeline latency, equal series. Entry type {@link org.narrativewatch.bench.engines.EngineBench}. */
package org.narrativewatch.bench.engines;
