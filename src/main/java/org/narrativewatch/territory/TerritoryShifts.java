package org.narrativewatch.territory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.narrativewatch.shift.Observations;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;

/**
 * Change points in territory series: each chosen column of a {@link TerritorySeries} goes to the shift
 * detector as a plain dated series. With no model asked for, the detector's choice for date,value series
 * applies (normal-trend: a straight line per segment), because occupied area and the line's length drift
 * with the advance and a change of pace (slope) is as much a change as a jump.
 */
public final class TerritoryShifts {
    private TerritoryShifts() {}

    /**
     * The columns analysed when none are named: total occupied area, the line's length, and the population
     * on each side of the line within the smallest distance band (those present in {@code s}).
     */
    public static List<String> defaultColumns(TerritorySeries s) {
        List<String> cols = new ArrayList<>(List.of("occupied_km2", "contact_line_km"));
        int smallest = Integer.MAX_VALUE;
        for (String name : s.columns().keySet()) {
            if (name.startsWith("near_") && name.endsWith("km_controlled_side")) {
                smallest = Math.min(smallest, Integer.parseInt(name.substring(5, name.length() - "km_controlled_side".length())));
            }
        }
        if (smallest != Integer.MAX_VALUE) {
            cols.add("near_" + smallest + "km_controlled_side");
            cols.add("near_" + smallest + "km_occupied_side");
        }
        cols.removeIf(c -> !s.columns().containsKey(c));
        return cols;
    }

    /** Change points of each named column (in the order given); an unknown name is a user error listing the columns. */
    public static Map<String, ShiftResult> detect(TerritorySeries s, List<String> columns, ShiftOptions options) {
        Map<String, ShiftResult> out = new LinkedHashMap<>();
        for (String c : columns) {
            out.put(c, ShiftDetector.detect(Observations.of(s.dates(), s.column(c)), options));
        }
        return out;
    }
}
