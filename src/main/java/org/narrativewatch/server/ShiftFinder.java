package org.narrativewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.narrativewatch.timeline.Series;

/**
 * Change points of a timeline, as the shifts endpoint answers them
 * ({@code {"query", "model", "changes": [{"date", "before", "after", "before_ci", "after_ci", "p"}]}}).
 * A seam so the server does not care which detector runs; without one the endpoint answers 501.
 */
@FunctionalInterface
public interface ShiftFinder {

    /** @param model "poisson" for counts, "binomial" for shares, or null for the detector's default */
    JsonNode find(String query, Series series, String model);
}
