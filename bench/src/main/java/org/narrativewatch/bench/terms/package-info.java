/** Two indexes compared term for term, with an order-free checksum of positions; entry type {@link org.narrativewatch.bench.terms.IndexTermsDiff}. */
package org.narrativewatch.bench.terms;
