package org.narrativewatch.shift;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.UserException;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * A series from a CSV file, so any series (territory, opinion, an export) can be analysed without
 * the index: {@code date,value} or {@code date,count,total}, an optional header, dates as
 * YYYY-MM-DD, YYYY-MM or YYYY in increasing order. An empty value, NA or NaN is missing (keep the
 * row so that time keeps its spacing); a total of 0 is a gap.
 */
public final class SeriesCsv {
    private SeriesCsv() {}

    /** The rows read: values per date; totals null for date,value files. */
    public record Table(List<LocalDate> dates, double[] values, double[] totals) {

        /** A date,count,total file as a timeline (bucketing guessed from the spacing of the dates). */
        public Series asSeries(String label) {
            if (totals == null) {
                throw new IllegalStateException("a date,value file has no totals");
            }
            Bucketing by = guessBucketing(dates);
            List<Bucket> b = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                boolean miss = Double.isNaN(values[i]) || Double.isNaN(totals[i]);
                b.add(Bucket.whole(by, dates.get(i), miss ? 0 : (long) values[i], miss ? 0 : (long) totals[i]));
            }
            LocalDate first = dates.isEmpty() ? null : dates.get(0);
            LocalDate last = dates.isEmpty() ? null : dates.get(dates.size() - 1);
            return new Series(label, by, first, last, "rows", b);
        }
    }

    public static Table read(Path file, LocalDate from, LocalDate to) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        LocalDate prev = null;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            String where = file + ":" + (ln + 1);
            LocalDate d = parseDate(f[0].strip().replace("\"", ""));
            if (d == null) {
                if (columns < 0 && dates.isEmpty()) {
                    columns = f.length; // header
                    continue;
                }
                throw new UserException(where + ": '" + f[0] + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
            }
            if (columns < 0) {
                columns = f.length;
            }
            if (columns != 2 && columns != 3) {
                throw new UserException(where + ": expected date,value or date,count,total columns, found " + columns);
            }
            if (f.length != columns) {
                throw new UserException(where + ": expected " + columns + " fields, found " + f.length);
            }
            if (prev != null && !d.isAfter(prev)) {
                throw new UserException(where + ": date " + d + " is not after the previous row's " + prev);
            }
            prev = d;
            double[] v = new double[columns - 1];
            for (int k = 1; k < columns; k++) {
                v[k - 1] = parseValue(f[k], where, k == 1 ? (columns == 2 ? "value" : "count") : "total");
            }
            if (columns == 3 && !Double.isNaN(v[0]) && !Double.isNaN(v[1])) {
                if (v[0] < 0 || v[1] < 0 || v[0] != Math.rint(v[0]) || v[1] != Math.rint(v[1]) || v[0] > v[1]) {
                    throw new UserException(where + ": count and total must be whole numbers with 0 <= count <= total, not "
                            + f[1].strip() + " of " + f[2].strip());
                }
            }
            if ((from != null && d.isBefore(from)) || (to != null && d.isAfter(to))) {
                continue;
            }
            dates.add(d);
            rows.add(v);
        }
        double[] values = new double[rows.size()];
        double[] totals = columns == 3 ? new double[rows.size()] : null;
        for (int i = 0; i < rows.size(); i++) {
            values[i] = rows.get(i)[0];
            if (totals != null) {
                totals[i] = rows.get(i)[1];
            }
        }
        return new Table(dates, values, totals);
    }

    private static double parseValue(String s, String where, String field) {
        String t = s.strip().replace("\"", "");
        if (t.isEmpty() || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("NaN") || t.equalsIgnoreCase("null")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserException(where + ": " + field + " '" + s + "' is not a number");
        }
    }

    private static LocalDate parseDate(String s) {
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            if (s.length() == 7) {
                return YearMonth.parse(s).atDay(1);
            }
            if (s.length() == 4 && s.chars().allMatch(Character::isDigit)) {
                return LocalDate.of(Integer.parseInt(s), 1, 1);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static Bucketing guessBucketing(List<LocalDate> dates) {
        if (dates.size() >= 2) {
            long days = dates.get(1).toEpochDay() - dates.get(0).toEpochDay();
            if (days == 7) {
                return Bucketing.WEEK;
            }
            if (days >= 28 && days <= 31) {
                return Bucketing.MONTH;
            }
        }
        return Bucketing.DAY;
    }
}
