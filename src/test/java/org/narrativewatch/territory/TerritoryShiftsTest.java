package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.narrativewatch.UserException;
import org.narrativewatch.shift.ChangePoint;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;

/** The wiring from territory series to the shift detector, on constructed series with known changes. */
class TerritoryShiftsTest {

    /**
     * 80 weekly dates: occupied area flat at 100,000 km² (noise SD 20) then 1,500 km² more from index 50;
     * the line's length flat with noise only; population near the line steps down at index 30.
     */
    private static TerritorySeries constructed() {
        Random rnd = new Random(7);
        int n = 80;
        List<LocalDate> dates = new ArrayList<>();
        double[] area = new double[n];
        double[] line = new double[n];
        double[] near5c = new double[n];
        double[] near5o = new double[n];
        double[] near10c = new double[n];
        for (int i = 0; i < n; i++) {
            dates.add(LocalDate.of(2025, 1, 6).plusWeeks(i));
            area[i] = 100_000 + (i >= 50 ? 1_500 : 0) + 20 * rnd.nextGaussian();
            line[i] = 1_200 + 5 * rnd.nextGaussian();
            near5c[i] = (i >= 30 ? 40_000 : 60_000) + 500 * rnd.nextGaussian();
            near5o[i] = 30_000 + 500 * rnd.nextGaussian();
            near10c[i] = 150_000 + 500 * rnd.nextGaussian();
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("occupied_km2", area);
        cols.put("contact_line_km", line);
        cols.put("population_occupied", new double[n]);
        cols.put("near_10km_controlled_side", near10c);
        cols.put("near_10km_occupied_side", near10c.clone());
        cols.put("near_5km_controlled_side", near5c);
        cols.put("near_5km_occupied_side", near5o);
        return new TerritorySeries(dates, cols);
    }

    @Test
    void defaultColumnsAreAreaLineAndTheSmallestBand() {
        assertEquals(List.of("occupied_km2", "contact_line_km", "near_5km_controlled_side", "near_5km_occupied_side"),
                TerritoryShifts.defaultColumns(constructed()));
        TerritorySeries noBands = new TerritorySeries(List.of(LocalDate.of(2025, 1, 1)),
                Map.of("occupied_km2", new double[] {1}, "contact_line_km", new double[] {2}));
        assertEquals(List.of("occupied_km2", "contact_line_km"), TerritoryShifts.defaultColumns(noBands));
    }

    @Test
    void findsTheKnownStepsAndNothingInTheFlatColumn() {
        TerritorySeries s = constructed();
        Map<String, ShiftResult> r = TerritoryShifts.detect(s, TerritoryShifts.defaultColumns(s), ShiftOptions.DEFAULT);
        assertEquals(List.of("occupied_km2", "contact_line_km", "near_5km_controlled_side", "near_5km_occupied_side"),
                List.copyOf(r.keySet()));
        ShiftResult area = r.get("occupied_km2");
        assertEquals(Model.NORMAL_TREND, area.model(), "date,value series get the detector's auto model");
        assertEquals(1, area.changes().size(), area.changes().toString());
        ChangePoint c = area.changes().get(0);
        assertEquals(s.dates().get(50), c.date());
        assertEquals(100_000, c.before().level(), 40);
        assertEquals(101_500, c.after().level(), 40);
        assertTrue(c.before().lo() < c.before().level() && c.before().level() < c.before().hi());
        assertTrue(c.p() < 1e-6, "p " + c.p());
        assertTrue(r.get("contact_line_km").changes().isEmpty(), r.get("contact_line_km").changes().toString());
        assertTrue(r.get("near_5km_occupied_side").changes().isEmpty());
        List<ChangePoint> near = r.get("near_5km_controlled_side").changes();
        assertEquals(1, near.size(), near.toString());
        assertEquals(s.dates().get(30), near.get(0).date());
        assertTrue(near.get(0).after().level() < near.get(0).before().level());
    }

    @Test
    void aChangeOfPaceIsAChange() {
        // The occupied area grows 10 km² a week, then 60 km² a week from index 40: no jump, a kink.
        int n = 80;
        Random rnd = new Random(3);
        List<LocalDate> dates = new ArrayList<>();
        double[] area = new double[n];
        for (int i = 0; i < n; i++) {
            dates.add(LocalDate.of(2024, 7, 1).plusWeeks(i));
            area[i] = 100_000 + 10 * i + (i >= 40 ? 50 * (i - 40) : 0) + 5 * rnd.nextGaussian();
        }
        TerritorySeries s = new TerritorySeries(dates, Map.of("occupied_km2", area));
        List<ChangePoint> c = TerritoryShifts.detect(s, List.of("occupied_km2"), ShiftOptions.DEFAULT).get("occupied_km2").changes();
        assertEquals(1, c.size(), c.toString());
        assertTrue(Math.abs(c.get(0).index() - 40) <= 2, "kink found at " + c.get(0).index());
    }

    @Test
    void anUnknownColumnNamesTheColumnsThereAre() {
        UserException e = assertThrows(UserException.class,
                () -> TerritoryShifts.detect(constructed(), List.of("occupied_km"), ShiftOptions.DEFAULT));
        assertTrue(e.getMessage().contains("occupied_km") && e.getMessage().contains("contact_line_km"), e.getMessage());
    }
}
