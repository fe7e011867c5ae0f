/** What the query budget and the search guard cost, and what they estimate; entry type {@link org.narrativewatch.bench.guard.GuardOverhead}. */
package org.narrativewatch.bench.guard;
