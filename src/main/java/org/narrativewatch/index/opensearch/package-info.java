/**
 * The OpenSearch engine: {@link org.narrativewatch.index.opensearch.OpenSearchEngine} keeps the corpus on a
 * cluster and answers the same queries as the embedded engine with the same numbers. Articles are analysed on
 * the client with the project's own analysers; the terms go to the cluster as pre-analysed layers, so a stock
 * node needs no plugin (see docs/scale-out.md).
 */
package org.narrativewatch.index.opensearch;
