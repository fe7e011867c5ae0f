package org.narrativewatch.opinion;

import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.UserException;
import org.narrativewatch.shift.ChangePoint;
import org.narrativewatch.shift.Estimate;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.Observations;
import org.narrativewatch.shift.Segment;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;

/**
 * Change points in a poll series: one observation per poll, dated at its fieldwork midpoint, as k of n
 * respondents (n = effective sample size, k = share × n), segmented by the shift detector's binomial model, so
 * a change must stand out against each poll's sampling error (and the detector's over-dispersion estimate
 * absorbs house effects and month-to-month wobble beyond it). The binomial model is set explicitly: the
 * detector's automatic choice would take Poisson on the counts when every poll has the same (assumed) n.
 */
public final class PollShifts {
    private PollShifts() {}

    /** The polls as the detector's observations: midpoint dates, respondents agreeing of effective n. */
    public static Observations observations(PollSeries s) {
        if (s.points().isEmpty()) {
            throw new UserException("series " + s.id() + " has no points");
        }
        if (s.points().stream().anyMatch(p -> p.kind() != PollPoint.Kind.SHARE)) {
            throw new UserException("series " + s.id() + " is a difference of shares, not a share of respondents: "
                    + "its change points cannot use the binomial model (take one of its answers' series instead)");
        }
        int m = s.points().size();
        double[] k = new double[m];
        double[] n = new double[m];
        List<java.time.LocalDate> dates = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            PollPoint p = s.points().get(i);
            n[i] = Math.round(p.effectiveN());
            k[i] = Math.round(n[i] * p.percent() / 100);
            dates.add(p.midpoint());
        }
        return new Observations(dates, k, n);
    }

    /** Change points with levels as shares (0..1); the binomial model unless {@code options} names another. */
    public static ShiftResult detect(PollSeries s, ShiftOptions options) {
        return ShiftDetector.detect(observations(s), options.model() == null ? options.withModel(Model.BINOMIAL) : options);
    }

    /** The same result with every level and interval in percent (relative changes and p unchanged). */
    public static ShiftResult inPercent(ShiftResult r) {
        List<ChangePoint> changes = r.changes().stream().map(c -> new ChangePoint(c.index(), c.date(), percent(c.before()),
                percent(c.after()), c.relative(), c.p(), c.posterior())).toList();
        List<Segment> segments = r.segments().stream().map(g -> new Segment(g.start(), g.end(), g.from(), g.to(),
                g.observed(), percent(g.level()))).toList();
        return new ShiftResult(r.model(), r.penalty(), r.penaltyValue(), r.minSegment(), r.scale(), r.dispersion(), r.n(),
                r.observed(), segments, changes, r.outliers());
    }

    private static Estimate percent(Estimate e) {
        return new Estimate(100 * e.level(), 100 * e.lo(), 100 * e.hi());
    }
}
