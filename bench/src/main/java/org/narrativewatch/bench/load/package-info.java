/** Load test of a running dashboard server (loopback only); entry type {@link org.narrativewatch.bench.load.DashboardLoad}. */
package org.narrativewatch.bench.load;
