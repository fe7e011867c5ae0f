/** Series of counts over calendar buckets (day, ISO week, month) with the totals they are shares of; what engines return and what analysis consumes. Entry type: {@link org.narrativewatch.timeline.Series}. */
package org.narrativewatch.timeline;
