package org.narrativewatch.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.narrativewatch.UserException;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

class AlignmentTest {

    /** Weekly buckets from Monday 2024-01-01: week i has count i+1 of total 10. */
    private static Series weekly(int weeks) {
        List<Bucket> b = new ArrayList<>();
        LocalDate s = LocalDate.parse("2024-01-01");
        for (int i = 0; i < weeks; i++) {
            b.add(Bucket.whole(Bucketing.WEEK, s.plusWeeks(i), i + 1, 10));
        }
        return new Series("q", Bucketing.WEEK, s, s.plusWeeks(weeks).minusDays(1), "articles", b);
    }

    @Test
    void fieldworkWindowWeighsBucketsByTheDaysItCovers() {
        // Wed 2024-01-10 .. Tue 2024-01-16: 5 days of week 2 (count 2) and 2 days of week 3 (count 3)
        PollPoint p = PollTestData.point("yes", "2024-01-10", "2024-01-16", 50);
        Alignment.Aligned a = Alignment.align(weekly(10), p, new Alignment.Window.Fieldwork());
        assertEquals(5.0 / 7 * 2 + 2.0 / 7 * 3, a.count(), 1e-12);
        assertEquals(10, a.total(), 1e-12);
        assertEquals((5.0 / 7 * 2 + 2.0 / 7 * 3) / 10, a.share(), 1e-12);
        assertEquals(1.0, a.coverage());
    }

    @Test
    void weeksBeforeWindowEndsTheDayBeforeFieldwork() {
        PollPoint p = PollTestData.point("yes", "2024-01-29", "2024-02-02", 50);  // fieldwork starts Monday of week 5
        Alignment.Window w = Alignment.Window.parse("weeks-before", 2);
        Alignment.Aligned a = Alignment.align(weekly(10), p, w);
        assertEquals(LocalDate.parse("2024-01-15"), a.from());
        assertEquals(LocalDate.parse("2024-01-28"), a.to());
        assertEquals(3 + 4, a.count(), 1e-12);  // weeks 3 and 4 exactly
        assertEquals(20, a.total(), 1e-12);
        assertTrue(w.describe().contains("2 week(s) before"), w.describe());
    }

    @Test
    void windowsOutsideTheMediaSeriesAreGapsOrPartial() {
        Series media = weekly(4);  // 2024-01-01 .. 2024-01-28
        Alignment.Aligned outside = Alignment.align(media, PollTestData.point("y", "2024-03-01", "2024-03-05", 50),
                new Alignment.Window.Fieldwork());
        assertTrue(Double.isNaN(outside.share()));
        assertEquals(0, outside.coverage());
        Alignment.Aligned partial = Alignment.align(media, PollTestData.point("y", "2024-01-22", "2024-02-04", 50),
                new Alignment.Window.Fieldwork());
        assertEquals(0.5, partial.coverage(), 1e-12);
        assertEquals(0.4, partial.share(), 1e-12);
    }

    @Test
    void badWindowNamesAreUserErrors() {
        assertThrows(UserException.class, () -> Alignment.Window.parse("before", 2));
        assertThrows(UserException.class, () -> Alignment.Window.parse("weeks-before", 0));
    }

    /**
     * Monthly polls that follow media coverage two months later: the comparison aligns each poll with its
     * month's share and the tests find media leading polls by +2 months.
     */
    @Test
    void comparisonRecoversAMediaLeadOnMonthlyPolls() {
        Random rnd = new Random(3);
        int months = 150;
        double[] coverage = LeadLagTest.ar1(rnd, months, 0.5);
        LocalDate start = LocalDate.parse("2010-01-01");
        List<Bucket> buckets = new ArrayList<>();
        List<PollPoint> polls = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            long total = 3000;
            long count = Math.round(total * (0.10 + 0.02 * coverage[m]));
            buckets.add(Bucket.whole(Bucketing.MONTH, start.plusMonths(m), count, total));
            double approval = 60 + (m >= 2 ? 4 * coverage[m - 2] : 0) + rnd.nextGaussian();
            LocalDate ws = start.plusMonths(m).withDayOfMonth(18);
            polls.add(new PollPoint(new SeriesKey("P", "approve", "yes"), ws, ws.plusDays(6), approval, null, 1600, 1,
                    PollPoint.Kind.SHARE, "", "", "test"));
        }
        Series media = new Series("q", Bucketing.MONTH, start, start.plusMonths(months).minusDays(1), "articles", buckets);
        PollSeries ps = new PollSeries(new SeriesKey("P", "approve", "yes"), polls);
        Comparison c = Comparison.of(ps, media, new Alignment.Window.Fieldwork(), LeadLag.Options.of(4).withBootstrap(99));
        assertEquals(months, c.points().size());
        assertNotNull(c.leadLag(), c.warnings().toString());
        assertEquals(months, c.leadLag().n());
        LeadLag.CcfPoint peak = LeadLagTest.peak(c.leadLag());
        assertEquals(2, peak.lag(), "media lead polls by two months");
        assertTrue(peak.significant());
        assertEquals(0.01, c.leadLag().aToB().p(), 1e-12, "media → polls: no null replicate as extreme");
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("assume n = 1600")), c.warnings().toString());
        assertTrue(c.window().startsWith("fieldwork"));
    }

    @Test
    void irregularPollsAreComparedPointByPointWithoutTests() {
        Series media = weekly(30);
        PollSeries ps = new PollSeries(new SeriesKey("Test", "q", "yes"), List.of(
                PollTestData.point("yes", "2024-01-10", "2024-01-16", 50),
                PollTestData.point("yes", "2024-03-01", "2024-03-05", 52),
                PollTestData.point("yes", "2024-05-20", "2024-05-28", 49)));
        Comparison c = Comparison.of(ps, media, new Alignment.Window.WeeksBefore(1), LeadLag.Options.of(2));
        assertEquals(3, c.points().size());
        assertNull(c.leadLag());
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("lead-lag tests skipped")), c.warnings().toString());
    }
}
