/** Timing harnesses for the shift detectors (run by hand, not by the test suite). Entry type: {@link org.narrativewatch.shift.bench.PeltBenchmark}. */
package org.narrativewatch.shift.bench;
