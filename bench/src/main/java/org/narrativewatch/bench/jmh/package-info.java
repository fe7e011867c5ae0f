/** JMH microbenchmarks of the analysis chain and the timeline path; entry type {@link org.narrativewatch.bench.jmh.JmhCommand}. */
package org.narrativewatch.bench.jmh;
