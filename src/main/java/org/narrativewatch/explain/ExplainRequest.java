package org.narrativewatch.explain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.narrativewatch.UserException;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/**
 * An explain question: the query's articles in {@code window} against a baseline, either the same
 * query in another window ({@code baselineFrom..baselineTo}) or, when those are null, the window's
 * articles the query does not match ("rest").
 *
 * @param top       items shown per direction (over, under)
 * @param minCount  an item needs at least this many articles on its over-represented side
 * @param maxP      items with a larger p-value are not shown
 * @param sample    articles read per side for names and phrases (all of them when there are no more)
 * @param sort      "g2" or "log-ratio": the order within each direction
 * @param allInBaseline with a baseline window: compare with every article of that window, not only the
 *                  query's (also what happens, said in the output, when the query has none there)
 */
public record ExplainRequest(Query query, Selection window, LocalDate baselineFrom, LocalDate baselineTo, int top,
                             int minCount, double maxP, int sample, String sort, boolean allInBaseline) {

    public static final int DEFAULT_TOP = 20;
    public static final int DEFAULT_MIN_COUNT = 3;
    public static final double DEFAULT_MAX_P = 0.05;
    public static final int DEFAULT_SAMPLE = 500;

    public ExplainRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(window, "window");
        if ((baselineFrom == null) != (baselineTo == null)) {
            throw new UserException("--vs needs both ends: FROM..TO");
        }
        if (allInBaseline && baselineFrom == null) {
            throw new UserException("--baseline all needs a baseline window: --vs FROM..TO");
        }
        if (baselineFrom != null && baselineTo.isBefore(baselineFrom)) {
            throw new UserException("--vs " + baselineFrom + ".." + baselineTo + ": the end is before the start");
        }
        if (top < 1 || top > 500) {
            throw new UserException("--top must be 1..500, not " + top);
        }
        if (minCount < 1) {
            throw new UserException("--min-count must be at least 1, not " + minCount);
        }
        if (!(maxP > 0 && maxP <= 1)) {
            throw new UserException("--max-p must be in (0, 1], not " + maxP);
        }
        if (sample < 10 || sample > 100_000) {
            throw new UserException("--sample must be 10..100000, not " + sample);
        }
        sort = sort == null ? "g2" : sort.toLowerCase(Locale.ROOT);
        if (!sort.equals("g2") && !sort.equals("log-ratio")) {
            throw new UserException("--sort must be g2 or log-ratio, not '" + sort + "'");
        }
    }

    public static ExplainRequest of(Query query, Selection window, LocalDate baselineFrom, LocalDate baselineTo) {
        return new ExplainRequest(query, window, baselineFrom, baselineTo, DEFAULT_TOP, DEFAULT_MIN_COUNT, DEFAULT_MAX_P,
                DEFAULT_SAMPLE, "g2", false);
    }

    public ExplainRequest withTop(int n) {
        return new ExplainRequest(query, window, baselineFrom, baselineTo, n, minCount, maxP, sample, sort, allInBaseline);
    }

    public boolean againstRest() {
        return baselineFrom == null;
    }

    /** Parses --vs: "rest" or FROM..TO (ISO days); returns {from, to} or null for rest. */
    public static LocalDate[] parseBaseline(String vs) {
        if (vs == null || vs.isBlank() || vs.strip().equalsIgnoreCase("rest")) {
            return null;
        }
        String s = vs.strip();
        int dots = s.indexOf("..");
        if (dots < 0) {
            throw new UserException("--vs takes 'rest' or FROM..TO (YYYY-MM-DD..YYYY-MM-DD), not '" + vs + "'");
        }
        try {
            return new LocalDate[] {LocalDate.parse(s.substring(0, dots).strip()), LocalDate.parse(s.substring(dots + 2).strip())};
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserException("--vs takes 'rest' or FROM..TO (YYYY-MM-DD..YYYY-MM-DD), not '" + vs + "'");
        }
    }
}
