package org.narrativewatch.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.narrativewatch.UserException;
import org.narrativewatch.shift.ChangePoint;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.Observations;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;

/** Change points in poll series, on synthetic polls with binomial sampling noise and a known jump. */
class PollShiftsTest {
    private static final SeriesKey KEY = new SeriesKey("Test", "q", "yes");

    /** Monthly polls (fieldwork 10th–16th, n = 1600 assumed) at {@code before}% then {@code after}% from poll {@code at}. */
    private static PollSeries polls(long seed, int n, int at, double before, double after) {
        Random rnd = new Random(seed);
        List<PollPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = (i >= at ? after : before) / 100;
            int yes = 0;
            for (int r = 0; r < 1600; r++) {
                yes += rnd.nextDouble() < p ? 1 : 0;
            }
            LocalDate start = LocalDate.of(2010, 1, 10).plusMonths(i);
            points.add(new PollPoint(KEY, start, start.plusDays(6), 100.0 * yes / 1600, null, 1600, 1.0,
                    PollPoint.Kind.SHARE, "", "", "synthetic"));
        }
        return new PollSeries(KEY, points);
    }

    @Test
    void observationsAreRespondentsAtFieldworkMidpoints() {
        PollSeries s = polls(1, 5, 99, 40, 40);
        Observations o = PollShifts.observations(s);
        assertEquals(LocalDate.of(2010, 1, 13), o.date(0), "10th–16th: the 13th");
        assertEquals(1600, o.totals()[0]);
        assertEquals(Math.round(16 * s.points().get(0).percent()), o.values()[0], 1e-9);
    }

    @Test
    void findsAKnownJumpWithLevelsInPercent() {
        PollSeries s = polls(42, 60, 36, 60, 66);
        ShiftResult r = PollShifts.inPercent(PollShifts.detect(s, ShiftOptions.DEFAULT));
        assertEquals(Model.BINOMIAL, r.model(), "binomial even though every n is the same");
        assertEquals(1, r.changes().size(), r.changes().toString());
        ChangePoint c = r.changes().get(0);
        assertEquals(s.points().get(36).midpoint(), c.date());
        assertTrue(c.before().lo() < 60 && 60 < c.before().hi(), c.toString());
        assertTrue(c.after().lo() < 66 && 66 < c.after().hi(), c.toString());
        assertEquals(0.1, c.relative(), 0.02);
        assertTrue(c.p() < 1e-6, "p " + c.p());
        assertEquals(2, r.segments().size());
        assertEquals(60, r.segments().get(0).level().level(), 1);
    }

    @Test
    void samplingNoiseAloneMakesNoChange() {
        int withChange = 0;
        for (long seed = 1; seed <= 10; seed++) {
            withChange += PollShifts.detect(polls(seed, 60, 99, 45, 45), ShiftOptions.DEFAULT).changes().isEmpty() ? 0 : 1;
        }
        assertTrue(withChange <= 1, withChange + " of 10 stable series got a change");
    }

    @Test
    void differencesOfSharesAreRefused() {
        PollPoint d = new PollPoint(KEY, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), 30, null, 1600, 1.0,
                PollPoint.Kind.DIFFERENCE, "", "", "x");
        UserException e = assertThrows(UserException.class, () -> PollShifts.observations(new PollSeries(KEY, List.of(d))));
        assertTrue(e.getMessage().contains("difference"), e.getMessage());
    }
}
