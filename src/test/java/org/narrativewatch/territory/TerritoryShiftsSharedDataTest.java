package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;
import org.narrativewatch.shift.ChangePoint;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;

/** Change points on a coarse real series (every 60th snapshot; skipped without ../shared). */
class TerritoryShiftsSharedDataTest {

    @Test
    void aCoarseRealSeriesRunsThroughTheDetector() {
        Path geo = SharedData.require("data/geo/occupied").getParent();
        Territory t = Territory.load(geo);
        TerritorySeries s = t.series(null, null, 60, Territory.DEFAULT_BANDS_KM);
        assertTrue(s.dates().size() >= 12, "dates " + s.dates());
        Map<String, ShiftResult> r = TerritoryShifts.detect(s, TerritoryShifts.defaultColumns(s), ShiftOptions.DEFAULT);
        assertEquals(4, r.size(), r.keySet().toString());
        for (Map.Entry<String, ShiftResult> e : r.entrySet()) {
            assertEquals(s.dates().size(), e.getValue().n(), e.getKey());
            for (ChangePoint c : e.getValue().changes()) {
                assertTrue(s.dates().contains(c.date()), e.getKey() + " " + c);
                assertTrue(Double.isFinite(c.before().level()) && Double.isFinite(c.after().level()), e.getKey() + " " + c);
                assertTrue(c.p() >= 0 && c.p() <= 1, e.getKey() + " " + c);
            }
        }
    }
}
