/** Continuous collection: every outlet's feeds on a schedule, new articles committed to the engine outlet by outlet, per-outlet state (validators, results, errors, articles per day) saved atomically so a killed process resumes where it stopped. Entry type: {@link org.narrativewatch.collect.Collector}. */
package org.narrativewatch.collect;
