package org.narrativewatch.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Control snapshots in the plane, kept once read: figures that ask for the same dates (several focus areas over one
 * window, a date figure and a map) read and project each snapshot once. The dates missing from a request are read
 * in one pass through the archive. A daily snapshot is some 80 kB of GeoJSON, a few MB in memory; at most
 * {@code capacity} are kept (the oldest read go first). Thread-safe.
 */
public final class PlaneSnapshots {
    private final Territory territory;
    private final Map<LocalDate, Geometry> planes;

    public PlaneSnapshots(Territory t, int capacity) {
        this.territory = t;
        this.planes = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LocalDate, Geometry> eldest) {
                return size() > capacity;
            }
        };
    }

    public Territory territory() {
        return territory;
    }

    /** The occupied area of snapshot date {@code date} (a date the snapshots have; see {@link Snapshots#resolve}). */
    public Geometry get(LocalDate date) {
        return get(List.of(date)).get(date);
    }

    /** The occupied areas of {@code dates} (snapshot dates), in the order asked. */
    public synchronized Map<LocalDate, Geometry> get(Collection<LocalDate> dates) {
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d : dates) {
            if (!planes.containsKey(d)) {
                missing.add(d);
            }
        }
        Map<LocalDate, Geometry> read = new java.util.HashMap<>();
        if (missing.size() == 1) {
            read.put(missing.get(0), territory.projection().toPlane(territory.snapshots().load(missing.get(0))));
        } else if (!missing.isEmpty()) {
            territory.snapshots().forEach(missing, (d, g) -> read.put(d, territory.projection().toPlane(g)));
        }
        Map<LocalDate, Geometry> out = new LinkedHashMap<>();
        for (LocalDate d : dates) {
            Geometry g = planes.get(d);
            out.put(d, g != null ? g : read.get(d));
        }
        // in date order, so that a request larger than the capacity keeps its latest dates
        read.keySet().stream().sorted().forEach(d -> planes.put(d, read.get(d)));
        return out;
    }
}
