package org.narrativewatch.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A {@link FocusArea}'s figures per snapshot date, as a {@link TerritorySeries} (so {@link TerritoryShifts} finds
 * its change points like any territory column): {@code occupied_km2} and {@code occupied_share} of the area's land,
 * {@code population_occupied} (listed places in the area under occupation; census-era, see
 * {@link Territory#POPULATION_NOTE}) and, when asked, {@code contact_line_km} (the line of contact inside the area,
 * from {@link Territory#contactLine}).
 */
public final class FocusSeries {
    private FocusSeries() {}

    public static final List<String> COLUMNS = List.of("occupied_km2", "occupied_share", "population_occupied", "contact_line_km");

    /**
     * Every {@code every}-th snapshot date in [from, to] (open ends: the data's ends); each snapshot is read once,
     * streaming through its archive. {@code line}: also measure the line of contact (costs an overlay of the whole
     * country per date).
     */
    public static TerritorySeries series(Territory t, FocusArea area, LocalDate from, LocalDate to, int every, boolean line) {
        return series(t, new Rows(t, area), from, to, every, line);
    }

    /**
     * The same from {@code rows}: the dates it has measured are taken from it, the others read (each snapshot once,
     * streaming through the archive) and kept there, so a second figure of the same area over the same or an
     * overlapping window reads no snapshot again. The values are those of a fresh computation: a row is the same
     * measurement of the same snapshot.
     */
    public static TerritorySeries series(Territory t, Rows rows, LocalDate from, LocalDate to, int every, boolean line) {
        if (rows.territory != t) {
            throw new IllegalArgumentException("rows measured on another territory");
        }
        if (every < 1) {
            throw new org.narrativewatch.UserException("every must be at least 1, got " + every);
        }
        List<LocalDate> chosen = new ArrayList<>();
        int k = 0;
        for (LocalDate d : t.snapshots().dates()) {
            if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to)) && k++ % every == 0) {
                chosen.add(d);
            }
        }
        if (chosen.isEmpty()) {
            throw new org.narrativewatch.UserException("no snapshot between " + (from == null ? "the start" : from) + " and "
                    + (to == null ? "the end" : to) + " (snapshots run " + t.snapshots().first() + " to " + t.snapshots().last() + ")");
        }
        return toSeries(rows.measure(chosen, line), line);
    }

    /** The figures of one date (or the latest snapshot before it): the same columns, one row. */
    public static TerritorySeries at(Territory t, FocusArea area, LocalDate requested, boolean line) {
        return at(t, new Rows(t, area), requested, line);
    }

    /** The same from {@code rows} (measured there when it is not yet). */
    public static TerritorySeries at(Territory t, Rows rows, LocalDate requested, boolean line) {
        if (rows.territory != t) {
            throw new IllegalArgumentException("rows measured on another territory");
        }
        return toSeries(rows.measure(List.of(t.snapshots().resolve(requested)), line), line);
    }

    /**
     * One focus area's measured rows by snapshot date, kept for the figures that ask again: the area's preparation
     * (prepared geometry, the places inside it) is made once, and each snapshot is measured once. Thread-safe.
     */
    public static final class Rows {
        private final Territory territory;
        private final Measure measure;
        private final Map<LocalDate, double[]> done = new java.util.HashMap<>();

        private final PlaneSnapshots planes;

        /** Rows that read the snapshots they need and keep none. */
        public Rows(Territory t, FocusArea area) {
            this(t, area, null);
        }

        /** Rows that take their snapshots from {@code planes} (shared with other figures of the same run). */
        public Rows(Territory t, FocusArea area, PlaneSnapshots planes) {
            if (planes != null && planes.territory() != t) {
                throw new IllegalArgumentException("snapshots of another territory");
            }
            this.territory = t;
            this.measure = new Measure(t, area);
            this.planes = planes;
        }

        public FocusArea area() {
            return measure.area;
        }

        /** The rows of {@code dates}, reading only the snapshots not measured yet (or measured without the line). */
        synchronized TreeMap<LocalDate, double[]> measure(List<LocalDate> dates, boolean line) {
            List<LocalDate> missing = new ArrayList<>();
            for (LocalDate d : dates) {
                double[] r = done.get(d);
                if (r == null || (line && Double.isNaN(r[3]))) {
                    missing.add(d);
                }
            }
            if (planes != null && !missing.isEmpty()) {
                planes.get(missing).forEach((d, g) -> done.put(d, measure.at(g, line)));
            } else if (missing.size() == 1 && dates.size() == 1) {
                LocalDate d = missing.get(0);
                done.put(d, measure.at(territory.projection().toPlane(territory.snapshots().load(d)), line));
            } else if (!missing.isEmpty()) {
                territory.snapshots().forEach(missing, (d, g) -> done.put(d, measure.at(territory.projection().toPlane(g), line)));
            }
            TreeMap<LocalDate, double[]> out = new TreeMap<>();
            for (LocalDate d : dates) {
                out.put(d, done.get(d));
            }
            return out;
        }
    }

    private static TerritorySeries toSeries(TreeMap<LocalDate, double[]> rows, boolean line) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        int n = rows.size();
        List<double[]> vals = new ArrayList<>(rows.values());
        for (int c = 0; c < (line ? 4 : 3); c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = vals.get(i)[c];
            }
            cols.put(COLUMNS.get(c), col);
        }
        return new TerritorySeries(new ArrayList<>(rows.keySet()), cols);
    }

    /** The area prepared once: its land, its places. */
    private static final class Measure {
        final Territory t;
        final FocusArea area;
        final PreparedGeometry prepared;
        final List<Settlement> places = new ArrayList<>();

        Measure(Territory t, FocusArea area) {
            this.t = t;
            this.area = area;
            this.prepared = PreparedGeometryFactory.prepare(area.area());
            for (Settlement s : t.settlements()) {
                if (prepared.covers(s.at())) {
                    places.add(s);
                }
            }
        }

        double[] at(Geometry occupiedPlane, boolean line) {
            double km2 = 0;
            if (area.area().getEnvelopeInternal().intersects(occupiedPlane.getEnvelopeInternal()) && prepared.intersects(occupiedPlane)) {
                km2 = OverlayNGRobust.overlay(area.area(), occupiedPlane, OverlayNG.INTERSECTION).getArea() / 1e6;
            }
            PreparedGeometry occ = PreparedGeometryFactory.prepare(occupiedPlane);
            long people = 0;
            for (Settlement s : places) {
                if (occ.covers(s.at())) {
                    people += s.population();
                }
            }
            double lineKm = Double.NaN;
            if (line) {
                Geometry l = t.contactLine(occupiedPlane);
                lineKm = l.isEmpty() ? 0 : OverlayNGRobust.overlay(l, area.area(), OverlayNG.INTERSECTION).getLength() / 1000;
            }
            return new double[] {km2, km2 / area.areaKm2(), people, lineKm};
        }
    }
}
