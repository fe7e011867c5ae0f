package org.narrativewatch.opinion;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Series;

/**
 * Resamples a media timeline to poll dates: for each poll, the media share over a window tied to
 * its fieldwork. A bucket that overlaps the window only in part contributes that fraction of its
 * count and total (articles are taken as spread evenly over a bucket's days); with month buckets
 * and monthly polls the window is exactly one bucket.
 */
public final class Alignment {
    private Alignment() {}

    /** Which media days a poll is set against. */
    public sealed interface Window {
        LocalDate from(PollPoint p);

        LocalDate to(PollPoint p);

        /** Said in outputs, so a figure never travels without the window it was made with. */
        String describe();

        /** The fieldwork period itself: what respondents could have seen while being asked. */
        record Fieldwork() implements Window {
            public LocalDate from(PollPoint p) {
                return p.start();
            }

            public LocalDate to(PollPoint p) {
                return p.end();
            }

            public String describe() {
                return "fieldwork: media share over each poll's fieldwork period";
            }
        }

        /** The k weeks before fieldwork starts: coverage that could have shaped the answers. */
        record WeeksBefore(int weeks) implements Window {
            public WeeksBefore {
                if (weeks < 1) {
                    throw new InvalidOptionException("weeks", "must be at least 1, not " + weeks);
                }
            }

            public LocalDate from(PollPoint p) {
                return p.start().minusWeeks(weeks);
            }

            public LocalDate to(PollPoint p) {
                return p.start().minusDays(1);
            }

            public String describe() {
                return "weeks-before: media share over the " + weeks + " week(s) before each poll's fieldwork starts";
            }
        }

        /** "fieldwork" or "weeks-before" (with {@code weeks}). */
        static Window parse(String name, int weeks) {
            return switch (name) {
                case "fieldwork" -> new Fieldwork();
                case "weeks-before" -> new WeeksBefore(weeks);
                default -> throw new InvalidOptionException("window", "must be fieldwork or weeks-before, not '" + name + "'");
            };
        }
    }

    /**
     * One poll with the media share set against it.
     *
     * @param coverage share of the window's days the media series covers (1 = all of them)
     * @param share    media count / total over the window; NaN when the media selection has no articles there
     */
    public record Aligned(PollPoint poll, LocalDate from, LocalDate to, double count, double total, double coverage) {
        public double share() {
            return total > 0 ? count / total : Double.NaN;
        }
    }

    public static List<Aligned> align(Series media, PollSeries polls, Window window) {
        List<Aligned> out = new ArrayList<>();
        for (PollPoint p : polls.points()) {
            out.add(align(media, p, window));
        }
        return out;
    }

    static Aligned align(Series media, PollPoint p, Window window) {
        LocalDate from = window.from(p);
        LocalDate to = window.to(p);
        double count = 0;
        double total = 0;
        long covered = 0;
        for (Bucket b : media.buckets()) {
            LocalDate bEnd = media.by().next(b.start()).minusDays(1);
            LocalDate s = b.start().isAfter(from) ? b.start() : from;
            LocalDate e = bEnd.isBefore(to) ? bEnd : to;
            if (e.isBefore(s)) {
                continue;
            }
            long overlap = ChronoUnit.DAYS.between(s, e) + 1;
            double frac = (double) overlap / (ChronoUnit.DAYS.between(b.start(), bEnd) + 1);
            count += frac * b.count();
            total += frac * b.total();
            covered += overlap;
        }
        double coverage = (double) covered / (ChronoUnit.DAYS.between(from, to) + 1);
        return new Aligned(p, from, to, count, total, coverage);
    }
}
