package org.narrativewatch.brief;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What a figure's small chart shows: dated lines (or points with intervals), the window, shaded comparison windows,
 * markers (change points, events, the date an expectation names), or a map of lon/lat shapes.
 */
public record Chart(String yLabel, List<Line> lines, LocalDate from, LocalDate to, List<Window> windows,
                    List<Marker> markers, List<Shape> shapes, List<PartialBucket> partials) {
    public Chart {
        lines = List.copyOf(lines);
        windows = List.copyOf(windows);
        markers = List.copyOf(markers);
        shapes = List.copyOf(shapes);
        partials = List.copyOf(partials);
    }

    /** A chart whose series has only whole buckets (territory, files, polls). */
    public Chart(String yLabel, List<Line> lines, LocalDate from, LocalDate to, List<Window> windows,
                 List<Marker> markers, List<Shape> shapes) {
        this(yLabel, lines, from, to, windows, markers, shapes, List.of());
    }

    public static Chart map(List<Shape> shapes) {
        return new Chart("", List.of(), null, null, List.of(), List.of(), shapes);
    }

    public Chart withMarkers(List<Marker> more) {
        List<Marker> all = new java.util.ArrayList<>(markers);
        all.addAll(more);
        return new Chart(yLabel, lines, from, to, windows, all, shapes, partials);
    }

    public boolean isMap() {
        return lines.isEmpty() && !shapes.isEmpty();
    }

    /** A series: {@code lo}/{@code hi} null or aligned intervals; {@code points}: draw dots (polls), not a line. */
    public record Line(String label, List<LocalDate> dates, double[] values, double[] lo, double[] hi, boolean points) {
        public Line {
            dates = List.copyOf(dates);
        }
    }

    public record Window(String label, LocalDate from, LocalDate to) {}

    public enum MarkerKind { CHANGE_UP, CHANGE_DOWN, EVENT, EXPECTED }

    public record Marker(LocalDate date, String label, MarkerKind kind) {}

    /** A map layer in lon/lat: occupied, area (a focus area), to_russia, to_ukraine, line, land. */
    public record Shape(String kind, String label, Geometry lonLat) {}
}
