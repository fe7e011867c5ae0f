package org.narrativewatch.opinion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.narrativewatch.UserException;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/** One poll series (pollster + question + answer), points in order of fieldwork midpoint. */
public record PollSeries(SeriesKey key, List<PollPoint> points) {

    public PollSeries {
        points = points.stream().sorted(Comparator.comparing(PollPoint::midpoint)).toList();
        for (PollPoint p : points) {
            if (!p.key().equals(key)) {
                throw new IllegalArgumentException("point of " + p.key().id() + " in series " + key.id());
            }
        }
    }

    public String id() {
        return key.id();
    }

    public LocalDate first() {
        return points.isEmpty() ? null : points.get(0).midpoint();
    }

    public LocalDate last() {
        return points.isEmpty() ? null : points.get(points.size() - 1).midpoint();
    }

    public long assumedN() {
        return points.stream().filter(PollPoint::nAssumed).count();
    }

    /**
     * The poll series as a timeline of respondents, for the shift detector (package {@code shift}):
     * each poll becomes a bucket at its midpoint's bucket whose total is the effective sample size and
     * whose count is the share of it, so a detector that models shares with binomial noise sees the
     * poll's real sampling error. Buckets without a poll are gaps (total 0); two polls in one bucket are
     * pooled. Only share series make sense here: differences of shares are refused.
     */
    public Series toTimeline(Bucketing by) {
        if (points.isEmpty()) {
            throw new UserException("series " + id() + " has no points");
        }
        if (points.stream().anyMatch(p -> p.kind() != PollPoint.Kind.SHARE)) {
            throw new UserException("series " + id() + " is a difference of shares, not a share of respondents: no respondent counts to give");
        }
        LocalDate from = by.start(first());
        LocalDate lastStart = by.start(last());
        List<Bucket> buckets = new ArrayList<>();
        int i = 0;
        for (LocalDate s = from; !s.isAfter(lastStart); s = by.next(s)) {
            long count = 0;
            long total = 0;
            while (i < points.size() && by.start(points.get(i).midpoint()).equals(s)) {
                PollPoint p = points.get(i++);
                long eff = Math.round(p.effectiveN());
                total += eff;
                count += Math.round(eff * p.percent() / 100);
            }
            buckets.add(Bucket.whole(by, s, count, total));
        }
        return new Series(key.pollster() + ": " + key.question() + ": " + key.answer(), by, from,
                by.next(lastStart).minusDays(1), "respondents", buckets);
    }
}
