package org.narrativewatch.opinion;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.narrativewatch.UserException;

/**
 * A dated numeric series read from CSV ({@code date,value}, a header row first), and the joining of
 * two such series onto one regular grid for {@link LeadLag}.
 */
public final class DatedValues {
    private DatedValues() {}

    /**
     * Reads {@code file}; lines starting with # are comments. The value column is {@code column} when given, else the column named
     * {@code value} or {@code share}, else the second column. Empty cells and "NaN" are gaps; any other
     * non-number is an error naming file and line. Dates are yyyy-mm-dd or yyyy-mm (the month's first day).
     */
    public static NavigableMap<LocalDate, Double> read(Path file, String column) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);  // "# query: …" provenance lines of timeline exports
        NavigableMap<LocalDate, Double> out = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(r)) {
            if (!it.hasNextValue()) {
                throw new UserException(file + ": empty file");
            }
            String[] header = it.nextValue();
            if (header.length > 0) {
                header[0] = header[0].replace("\uFEFF", "");  // spreadsheet exports start with a byte-order mark
            }
            int valueCol = valueColumn(file, header, column);
            int next = it.getParser().currentLocation().getLineNr();
            while (it.hasNextValue()) {
                String[] row = it.nextValue();
                int line = next;
                next = it.getParser().currentLocation().getLineNr();
                if (row.length == 0 || (row.length == 1 && row[0].isBlank())) {
                    continue;
                }
                LocalDate d;
                try {
                    d = PollCsv.isoDate(row[0]);
                } catch (IllegalArgumentException e) {
                    throw new UserException(file + ":" + line + ": " + e.getMessage());
                }
                String v = valueCol < row.length ? row[valueCol].strip() : "";
                double value;
                if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("na")) {
                    value = Double.NaN;
                } else {
                    try {
                        value = PollCsv.number(v, header[valueCol].strip());
                    } catch (IllegalArgumentException e) {
                        throw new UserException(file + ":" + line + ": " + e.getMessage());
                    }
                }
                if (out.put(d, value) != null) {
                    throw new UserException(file + ":" + line + ": date " + d + " appears twice");
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException(file + ": not readable as CSV: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return out;
    }

    private static int valueColumn(Path file, String[] header, String wanted) {
        if (wanted != null) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].strip().equalsIgnoreCase(wanted)) {
                    return i;
                }
            }
            throw new UserException(file + ":1: no column '" + wanted + "' (columns: " + String.join(", ", header) + ")");
        }
        for (String name : List.of("value", "share")) {
            for (int i = 1; i < header.length; i++) {
                if (header[i].strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        if (header.length < 2) {
            throw new UserException(file + ":1: needs a date column and a value column");
        }
        return 1;
    }

    /**
     * Two series on their common dates, restricted to the longest run of equally spaced dates (one
     * calendar month apart, or a fixed number of days), since lags are counted in steps.
     *
     * @param dates    the run's dates
     * @param a        A's values on them
     * @param b        B's values on them
     * @param step     "month" or "N days"
     * @param dropped  common dates left out of the run (gaps, irregular spacing)
     */
    public record Joined(List<LocalDate> dates, double[] a, double[] b, String step, int dropped) {}

    public static Joined join(NavigableMap<LocalDate, Double> a, NavigableMap<LocalDate, Double> b) {
        List<LocalDate> common = new ArrayList<>();
        for (Map.Entry<LocalDate, Double> e : a.entrySet()) {
            Double vb = b.get(e.getKey());
            if (vb != null && Double.isFinite(vb) && Double.isFinite(e.getValue())) {
                common.add(e.getKey());
            }
        }
        List<LocalDate> run = longestRegularRun(common);
        String step = run.size() < 2 ? "none" : step(run.get(0), run.get(1));
        double[] va = run.stream().mapToDouble(a::get).toArray();
        double[] vb = run.stream().mapToDouble(b::get).toArray();
        return new Joined(run, va, vb, step, common.size() - run.size());
    }

    /** Longest stretch of {@code dates} (sorted) with one step between neighbours: one calendar month, or a fixed number of days. */
    static List<LocalDate> longestRegularRun(List<LocalDate> dates) {
        if (dates.size() < 2) {
            return List.copyOf(dates);
        }
        List<LocalDate> best = List.of();
        int i = 0;
        while (i < dates.size() - 1) {
            String step = step(dates.get(i), dates.get(i + 1));
            int j = i + 1;
            while (j + 1 < dates.size() && step(dates.get(j), dates.get(j + 1)).equals(step)) {
                j++;
            }
            if (j - i + 1 > best.size()) {
                best = dates.subList(i, j + 1);
            }
            i = j;  // the next run may start where this one ends, with another step
        }
        return List.copyOf(best);
    }

    private static String step(LocalDate x, LocalDate y) {
        return x.plusMonths(1).equals(y) ? "month" : ChronoUnit.DAYS.between(x, y) + " days";
    }
}
