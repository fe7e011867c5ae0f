package org.narrativewatch.territory;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Territory figures over snapshot dates as named numeric columns: {@code dates} and one {@code double[]} per
 * figure, index-aligned, which is the shape a change-point detector consumes ({@link #column}).
 */
public record TerritorySeries(List<LocalDate> dates, Map<String, double[]> columns) {
    public TerritorySeries {
        dates = List.copyOf(dates);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        for (Map.Entry<String, double[]> c : columns.entrySet()) {
            if (c.getValue().length != dates.size()) {
                throw new IllegalArgumentException("column " + c.getKey() + " has " + c.getValue().length
                        + " values for " + dates.size() + " dates");
            }
        }
    }

    /** One figure's values, aligned with {@link #dates()}. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new org.narrativewatch.UserException("no series column '" + name + "'; columns: " + columns.keySet());
        }
        return c.clone();
    }

    /** Builds the columns from per-date figures sorted by date. */
    static TerritorySeries of(List<DayStats> days) {
        List<LocalDate> dates = days.stream().map(DayStats::snapshotDate).toList();
        Map<String, double[]> cols = new LinkedHashMap<>();
        int n = days.size();
        cols.put("occupied_km2", days.stream().mapToDouble(DayStats::occupiedKm2).toArray());
        cols.put("contact_line_km", days.stream().mapToDouble(DayStats::contactLineKm).toArray());
        cols.put("population_occupied", days.stream().mapToDouble(DayStats::populationOccupied).toArray());
        if (n > 0) {
            for (int b = 0; b < days.get(0).nearLine().size(); b++) {
                int km = days.get(0).nearLine().get(b).km();
                final int band = b;
                cols.put("near_" + km + "km_controlled_side",
                        days.stream().mapToDouble(d -> d.nearLine().get(band).controlledSide()).toArray());
                cols.put("near_" + km + "km_occupied_side",
                        days.stream().mapToDouble(d -> d.nearLine().get(band).occupiedSide()).toArray());
            }
            // Per region only where anything is occupied at some date: the other columns would be all zeros.
            for (int r = 0; r < days.get(0).regions().size(); r++) {
                final int region = r;
                double[] km2 = days.stream().mapToDouble(d -> d.regions().get(region).occupiedKm2()).toArray();
                if (java.util.Arrays.stream(km2).anyMatch(v -> v > 0)) {
                    String name = days.get(0).regions().get(r).name();
                    cols.put("occupied_km2:" + name, km2);
                    cols.put("population_occupied:" + name,
                            days.stream().mapToDouble(d -> d.regions().get(region).populationOccupied()).toArray());
                }
            }
        }
        return new TerritorySeries(dates, cols);
    }
}
