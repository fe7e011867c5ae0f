package org.narrativewatch.opinion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.narrativewatch.UserException;
import org.narrativewatch.timeline.Series;

/**
 * A poll series set beside one media timeline: the media share over each poll's window, and, when
 * the polls fall one per bucket on a regular grid, the lead-lag tests with the media share as A
 * and the poll as B (a positive lag: media leads opinion).
 *
 * @param series    the poll series id
 * @param query     the media series' label (the query as written)
 * @param window    the alignment window, in words
 * @param points    one per poll, in date order
 * @param leadLag   the tests, or null when the polls are too few or irregular (see warnings)
 * @param warnings  what limits the comparison
 */
public record Comparison(String series, String query, String window, List<Alignment.Aligned> points,
                         LeadLag.Result leadLag, List<String> warnings) {

    public Comparison {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    public static Comparison of(PollSeries polls, Series media, Alignment.Window window, LeadLag.Options options) {
        if (polls.points().isEmpty()) {
            throw new UserException("poll series " + polls.id() + " has no points");
        }
        List<Alignment.Aligned> aligned = Alignment.align(media, polls, window);
        List<String> warnings = new ArrayList<>();
        long gaps = aligned.stream().filter(a -> !Double.isFinite(a.share())).count();
        if (gaps > 0) {
            warnings.add(gaps + " poll(s) have no media articles in their window (outside the corpus or a gap): left out of the tests");
        }
        long partial = aligned.stream().filter(a -> Double.isFinite(a.share()) && a.coverage() < 1).count();
        if (partial > 0) {
            warnings.add(partial + " poll window(s) reach beyond the media series: their share uses the covered days only");
        }
        long assumed = polls.assumedN();
        if (assumed > 0) {
            warnings.add(assumed + " poll point(s) have no published n: their intervals assume n = "
                    + polls.points().stream().filter(PollPoint::nAssumed).mapToInt(PollPoint::nUsed).max().orElse(0));
        }
        // Lead-lag needs one value per step: key each poll by the media bucket holding its fieldwork midpoint.
        NavigableMap<LocalDate, Double> media1 = new TreeMap<>();
        NavigableMap<LocalDate, Double> poll1 = new TreeMap<>();
        int clashes = 0;
        for (Alignment.Aligned a : aligned) {
            LocalDate k = media.by().start(a.poll().midpoint());
            if (poll1.containsKey(k)) {
                clashes++;
                continue;
            }
            poll1.put(k, a.poll().percent());
            media1.put(k, a.share());
        }
        if (clashes > 0) {
            warnings.add(clashes + " poll(s) share a " + media.by().wire() + " with an earlier poll: only the first of each "
                    + media.by().wire() + " enters the lead-lag tests");
        }
        DatedValues.Joined joined = DatedValues.join(media1, poll1);
        LeadLag.Result leadLag = null;
        if (joined.dates().size() < 8) {
            warnings.add("lead-lag tests skipped: only " + joined.dates().size() + " polls on a regular "
                    + media.by().wire() + "ly grid (need at least 8; irregular polls are compared point by point only)");
        } else {
            if (joined.dropped() > 0) {
                warnings.add("lead-lag tests use the longest regular run of " + joined.dates().size() + " polls ("
                        + joined.dates().get(0) + " to " + joined.dates().get(joined.dates().size() - 1) + "), "
                        + joined.dropped() + " left out");
            }
            leadLag = LeadLag.analyse(joined.a(), joined.b(), options);
        }
        return new Comparison(polls.id(), media.label(), window.describe(), aligned, leadLag, warnings);
    }
}
