package org.narrativewatch.shift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.narrativewatch.UserException;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * Does the default detector date real events? For each event of a TSV file (name, corpus, query,
 * event_date, tolerance_days, direction, description), the query's timeline over ±{@link #WINDOW_DAYS}
 * days around the date, the default detector's changes on it, and whether a change in the event's
 * direction falls in the tolerance: in a bucket from the one containing the date to the one containing
 * date + tolerance_days (by week with 7 days: the week of the date or the next). Default settings only,
 * nothing per event.
 */
public final class EventEvaluation {
    private EventEvaluation() {}

    /** Days of timeline on each side of the event's date. */
    public static final int WINDOW_DAYS = 365;

    /** Where timelines come from (the index, through the engine): the query's series over a range. */
    @FunctionalInterface
    public interface Timelines {
        Series timeline(String query, LocalDate from, LocalDate to, Bucketing by);
    }

    public record Event(String name, String corpus, String query, LocalDate date, int toleranceDays, boolean up,
                        String description) {}

    /**
     * One event's outcome.
     *
     * @param windowFrom first day of the first bucket that counts; {@code windowTo} first day of the last
     * @param match      the first change in the event's direction inside the window, or null
     * @param nearest    the change in the event's direction nearest to the date (null if none), for misses
     */
    public record Outcome(Event event, LocalDate windowFrom, LocalDate windowTo, ShiftResult result, ChangePoint match,
                          ChangePoint nearest, List<Pulse> pulses) {
        public boolean found() {
            return match != null;
        }
    }

    public record Report(List<Outcome> outcomes, Bucketing by) {
        public long found() {
            return outcomes.stream().filter(Outcome::found).count();
        }
    }

    public static List<Event> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (IOException e) {
            throw new UserException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<Event> out = new ArrayList<>();
        List<String> header = null;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (header == null) {
                header = Arrays.stream(f).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
                for (String need : List.of("name", "query", "event_date", "tolerance_days", "direction")) {
                    if (!header.contains(need)) {
                        throw new UserException(file + ":" + (ln + 1) + ": header has no '" + need + "' column (tab-separated)");
                    }
                }
                continue;
            }
            String where = file + ":" + (ln + 1);
            if (f.length != header.size()) {
                throw new UserException(where + ": expected " + header.size() + " tab-separated fields, found " + f.length);
            }
            String name = field(f, header, "name");
            String query = field(f, header, "query");
            if (query.isEmpty()) {
                throw new UserException(where + ": field 'query' is empty");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(field(f, header, "event_date"));
            } catch (DateTimeParseException e) {
                throw new UserException(where + ": field 'event_date' is not a YYYY-MM-DD date: '" + field(f, header, "event_date") + "'");
            }
            int tol;
            try {
                tol = Integer.parseInt(field(f, header, "tolerance_days"));
            } catch (NumberFormatException e) {
                throw new UserException(where + ": field 'tolerance_days' is not a whole number: '" + field(f, header, "tolerance_days") + "'");
            }
            if (tol < 0) {
                throw new UserException(where + ": field 'tolerance_days' must be >= 0, not " + tol);
            }
            String dir = field(f, header, "direction").toLowerCase(Locale.ROOT);
            if (!dir.equals("up") && !dir.equals("down")) {
                throw new UserException(where + ": field 'direction' must be up or down, not '" + dir + "'");
            }
            out.add(new Event(name, header.contains("corpus") ? field(f, header, "corpus") : "", query, date, tol, dir.equals("up"),
                    header.contains("real-world event") ? field(f, header, "real-world event") : ""));
        }
        if (out.isEmpty()) {
            throw new UserException(file + ": no events");
        }
        return out;
    }

    private static String field(String[] f, List<String> header, String name) {
        return f[header.indexOf(name)].strip();
    }

    public static Report evaluate(List<Event> events, Timelines source, Bucketing by, ShiftOptions options) {
        List<Outcome> out = new ArrayList<>();
        for (Event e : events) {
            Series s = source.timeline(e.query(), e.date().minusDays(WINDOW_DAYS), e.date().plusDays(WINDOW_DAYS), by);
            ShiftResult r = ShiftDetector.detect(s, options);
            LocalDate wFrom = by.start(e.date());
            LocalDate wTo = by.start(e.date().plusDays(e.toleranceDays()));
            ChangePoint match = null;
            ChangePoint nearest = null;
            for (ChangePoint c : r.changes()) {
                boolean rightWay = e.up() ? c.after().level() > c.before().level() : c.after().level() < c.before().level();
                if (!rightWay || c.date() == null) {
                    continue;
                }
                if (match == null && !c.date().isBefore(wFrom) && !c.date().isAfter(wTo)) {
                    match = c;
                }
                if (nearest == null || Math.abs(c.date().toEpochDay() - e.date().toEpochDay())
                        < Math.abs(nearest.date().toEpochDay() - e.date().toEpochDay())) {
                    nearest = c;
                }
            }
            out.add(new Outcome(e, wFrom, wTo, r, match, nearest, Pulse.of(r)));
        }
        return new Report(out, by);
    }
}
