package org.narrativewatch.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.narrativewatch.opinion.PollPoint;
import org.narrativewatch.opinion.PollStore;
import org.narrativewatch.opinion.SeriesKey;
import org.narrativewatch.territory.TestGeoFolder;

/**
 * A tiny territory folder laid out like ../shared/data/geo, and a tiny poll store, written for the map and poll
 * endpoints. Two regions side by side, West [30,32]×[47,49] and East [32,34]×[47,49] (lon × lat); the occupied
 * area reaches from beyond the eastern border (lon 35, "Russia") to lon 33 on 2025-01-01 and to lon 32.5 on
 * 2025-01-10, so the line of contact is the meridian 33°E (then 32.5°E) across the 2° of latitude.
 */
final class MapFixture {
    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    static final LocalDate SECOND = LocalDate.of(2025, 1, 10);
    static final String POLL_ID = "testpoll/support-for-talks/yes";

    private MapFixture() {}

    static Path geo(Path dir) throws IOException {
        TestGeoFolder.layOut(dir);
        TestGeoFolder.occupied(dir, "test_" + FIRST.toString().replace("-", "") + ".geojson", 33);
        TestGeoFolder.occupied(dir, "test_" + SECOND.toString().replace("-", "") + ".geojson", 32.5);
        return dir;
    }

    /** Three polls of one series inside the fixture corpus's weeks (2022-02-14 .. 2022-03-06). */
    static Path polls(Path file) {
        SeriesKey key = new SeriesKey("TestPoll", "Support for talks", "Yes");
        PollStore store = PollStore.open(file);
        store.merge(List.of(
                point(key, "2022-02-14", "2022-02-16", 60, 1600),
                point(key, "2022-02-21", "2022-02-23", 52, 1600),
                point(key, "2022-02-28", "2022-03-04", 45, 800)));
        store.save();
        return file;
    }

    private static PollPoint point(SeriesKey key, String start, String end, double percent, int n) {
        return new PollPoint(key, LocalDate.parse(start), LocalDate.parse(end), percent, n, n, 1.0,
                PollPoint.Kind.SHARE, "telephone", "fieldwork " + start + ".." + end, "fixture");
    }
}
