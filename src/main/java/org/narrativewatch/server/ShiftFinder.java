package org.narrativewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftFormat;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.timeline.Series;

/**
 * Change points of a timeline, as the shifts endpoint answers them: {@link ShiftFormat}'s JSON after the query,
 * the object {@code nwatch shifts --format json} prints. A seam so that tests can stand in for the detector;
 * without one the endpoint answers 501. {@link #DETECTOR} is the one {@code nwatch serve} uses.
 */
@FunctionalInterface
public interface ShiftFinder {

    /** @param model "poisson" for counts, "binomial" for shares, …, or null (or "auto") for the detector's choice */
    JsonNode find(String query, Series series, String model);

    /** The detection {@code nwatch shifts} runs with its default options, the model chosen from the data unless named. */
    ShiftFinder DETECTOR = (query, series, model) -> {
        ShiftOptions opt = ShiftOptions.DEFAULT;
        if (model != null && !model.equalsIgnoreCase("auto")) {
            opt = opt.withModel(Model.parse(model));
        }
        return ShiftFormat.toJson(Map.of("query", query), ShiftDetector.detect(series, opt));
    };
}
