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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.UserException;

/**
 * Reads poll CSV files in two layouts.
 * <ul>
 * <li><b>long</b>: one figure a row, with columns {@code percent}, {@code source} (or {@code pollster}),
 *     {@code question}, {@code answer}, and {@code fieldwork} and/or {@code date}; optional {@code n},
 *     {@code mode}, {@code design_effect}. Recognised by its {@code percent} column.</li>
 * <li><b>wide</b>: a {@code Date} column and one column per answer, one row a period (Levada's monthly
 *     files). Pollster and question come from options or, failing that, from the file name.</li>
 * </ul>
 * A bad row is reported with file and line and skipped; the other rows are still read.
 */
public final class PollCsv {

    /**
     * How to read what the file does not say.
     *
     * @param assumedN     sample size for points whose n is unknown (said in every output that uses it)
     * @param designEffect variance inflation applied to every point of the file (1 = none)
     * @param pollster     pollster of a wide file (null: from the file name)
     * @param question     question of a wide file (null: from the file name)
     */
    public record Options(int assumedN, double designEffect, String pollster, String question) {
        /** Levada, FOM and VTsIOM national samples are about 1,600 respondents. */
        public static final int DEFAULT_ASSUMED_N = 1600;
        public static final Options DEFAULTS = new Options(DEFAULT_ASSUMED_N, 1.0, null, null);

        public Options {
            if (assumedN < 2) {
                throw new InvalidOptionException("assume-n", "must be at least 2, not " + assumedN);
            }
            if (!(designEffect >= 1)) {
                throw new InvalidOptionException("design-effect", "must be 1 or more, not " + designEffect);
            }
        }
    }

    /**
     * What a file yielded.
     *
     * @param points the good rows' points, in file order
     * @param errors one message per rejected row: "file:line: what is wrong"
     * @param notes  how the file was read (layout, assumptions), for the user
     */
    public record Result(List<PollPoint> points, List<String> errors, List<String> notes) {
        public Result {
            points = List.copyOf(points);
            errors = List.copyOf(errors);
            notes = List.copyOf(notes);
        }
    }

    private static final Pattern REPORTED = Pattern.compile("(?i)reported (\\d{4}-\\d{2}-\\d{2})");

    private PollCsv() {}

    public static Result read(Path file, Options options) {
        List<Row> rows = rows(file);
        if (rows.isEmpty()) {
            throw new UserException(file + ": empty file");
        }
        Map<String, Integer> header = new HashMap<>();
        String[] names = rows.get(0).cells;
        if (names.length > 0) {
            names[0] = names[0].replace("\uFEFF", "");  // spreadsheet exports start with a byte-order mark
        }
        for (int i = 0; i < names.length; i++) {
            header.putIfAbsent(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        List<Row> body = rows.subList(1, rows.size());
        return header.containsKey("percent")
                ? readLong(file, header, body, options)
                : readWide(file, names, header, body, options);
    }

    private record Row(int line, String[] cells) {}

    private static List<Row> rows(Path file) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Row> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(r)) {
            int line = 1;
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                if (cells.length > 0 && !(cells.length == 1 && cells[0].isBlank())) {
                    rows.add(new Row(line, cells));
                }
                // the parser now stands at the start of the next row (quoted cells may span lines)
                line = it.getParser().currentLocation().getLineNr();
            }
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new UserException(file + ": not readable as CSV: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        return rows;
    }

    private static Result readLong(Path file, Map<String, Integer> h, List<Row> body, Options o) {
        Integer pollster = first(h, "pollster", "source");
        Integer question = first(h, "question");
        Integer answer = first(h, "answer");
        Integer fieldwork = first(h, "fieldwork");
        Integer date = first(h, "date");
        if (pollster == null || question == null || answer == null || (fieldwork == null && date == null)) {
            throw new UserException(file + ":1: a long poll file needs columns percent, source (or pollster), question, "
                    + "answer and fieldwork or date; found " + String.join(", ", h.keySet()));
        }
        Integer percent = h.get("percent");
        Integer n = first(h, "n");
        Integer mode = first(h, "mode");
        Integer deff = first(h, "design_effect", "deff");
        List<PollPoint> points = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int assumed = 0;
        for (Row row : body) {
            String where = file.getFileName() + ":" + row.line;
            try {
                SeriesKey key = new SeriesKey(cell(row, pollster), cell(row, question), cell(row, answer));
                Fieldwork fw = fieldwork(cell(row, fieldwork), cell(row, date));
                double value = number(cell(row, percent), "percent");
                Integer size = cell(row, n).isBlank() ? null : (int) number(cell(row, n), "n");
                double d = cell(row, deff).isBlank() ? o.designEffect() : number(cell(row, deff), "design_effect");
                PollPoint p = new PollPoint(key, fw.start(), fw.end(), value, size, size == null ? o.assumedN() : size,
                        d, PollPoint.Kind.SHARE, cell(row, mode), fw.how(), where);
                Integer before = seen.putIfAbsent(p.identity(), row.line);
                if (before != null) {
                    throw new IllegalArgumentException("repeats line " + before + " (same series and fieldwork period)");
                }
                assumed += size == null ? 1 : 0;
                points.add(p);
            } catch (IllegalArgumentException e) {
                errors.add(file + ":" + row.line + ": " + e.getMessage());
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(file.getFileName() + ": long layout, " + points.size() + " points");
        if (assumed > 0) {
            notes.add(assumed + " points have no n: their intervals assume n = " + o.assumedN()
                    + " (--assume-n) with design effect " + o.designEffect());
        }
        return new Result(points, errors, notes);
    }

    private static Result readWide(Path file, String[] names, Map<String, Integer> h, List<Row> body, Options o) {
        Integer date = first(h, "date", "month");
        if (date == null) {
            throw new UserException(file + ":1: not a poll file: a long file needs a 'percent' column, "
                    + "a wide file a 'Date' column");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String[] parts = stem.split("[_\\-\\s]+", 2);
        String pollster = o.pollster() != null ? o.pollster() : capitalise(parts[0]);
        String question = o.question() != null ? o.question()
                : parts.length > 1 ? parts[1].replaceAll("[_\\-]+", " ").replaceAll("\\s*\\b(monthly|weekly|quarterly)\\b\\s*", " ").strip()
                : stem;
        boolean monthly = body.stream().allMatch(r -> isMonthStart(cell(r, date)));
        List<PollPoint> points = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> differenceColumns = new ArrayList<>();
        Map<Integer, PollPoint.Kind> kinds = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            if (c == date || names[c].isBlank()) {
                continue;
            }
            // Net and index columns are differences of two shares (approve minus disapprove).
            boolean difference = names[c].toLowerCase(Locale.ROOT).matches(".*\\b(net|index)\\b.*|.*_(net|index)$|^(net|index)_.*");
            kinds.put(c, difference ? PollPoint.Kind.DIFFERENCE : PollPoint.Kind.SHARE);
            if (difference) {
                differenceColumns.add(names[c].strip());
            }
        }
        for (Row row : body) {
            String where = file.getFileName() + ":" + row.line;
            Fieldwork fw;
            try {
                fw = monthly ? Fieldwork.month(YearMonth.from(isoDate(cell(row, date))), cell(row, date).strip())
                        : single(cell(row, date));
            } catch (IllegalArgumentException e) {
                errors.add(file + ":" + row.line + ": " + e.getMessage());
                continue;
            }
            for (Map.Entry<Integer, PollPoint.Kind> col : kinds.entrySet()) {
                String v = cell(row, col.getKey());
                if (v.isBlank()) {
                    continue;  // a month the pollster did not ask
                }
                try {
                    SeriesKey key = new SeriesKey(pollster, question, names[col.getKey()]);
                    points.add(new PollPoint(key, fw.start(), fw.end(), number(v, "value"), null,
                            o.assumedN(), o.designEffect(), col.getValue(), "", fw.how(), where));
                } catch (IllegalArgumentException e) {
                    errors.add(file + ":" + row.line + ": column " + names[col.getKey()].strip() + ": " + e.getMessage());
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(file.getFileName() + ": wide layout, pollster '" + pollster + "', question '" + question + "'"
                + (o.pollster() == null || o.question() == null ? " (from the file name; set --pollster/--question)" : "")
                + ", " + points.size() + " points");
        if (monthly) {
            notes.add("dates are month starts: each value is taken as fieldwork over the whole month, dated at its midpoint");
        }
        notes.add("the file gives no n: intervals assume n = " + o.assumedN() + " (--assume-n) with design effect "
                + o.designEffect());
        if (!differenceColumns.isEmpty()) {
            notes.add("columns " + differenceColumns + " are read as differences of two shares (conservative interval)");
        }
        return new Result(points, errors, notes);
    }

    private static Fieldwork fieldwork(String fieldwork, String date) {
        var parsed = Fieldwork.parse(fieldwork);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        if (date.isBlank()) {
            throw new IllegalArgumentException(fieldwork.isBlank() ? "no fieldwork and no date"
                    : "fieldwork '" + fieldwork + "' is not a period I can read, and there is no date");
        }
        Fieldwork fromDate = Fieldwork.parse(date).orElseThrow(() ->
                new IllegalArgumentException("date '" + date + "' is not yyyy-mm or yyyy-mm-dd"));
        String why = fieldwork.isBlank() ? "no fieldwork given" : "fieldwork '" + fieldwork + "' not understood";
        LocalDate end = fromDate.end();
        Matcher reported = REPORTED.matcher(fieldwork.strip());
        if (reported.matches()) {
            // "reported 2025-12-24": fieldwork ended by then, so the date column's month is cut at the report
            LocalDate r = LocalDate.parse(reported.group(1));
            if (!r.isBefore(fromDate.start()) && r.isBefore(end)) {
                end = r;
                why = "fieldwork not given, reported " + r;
            }
        }
        return new Fieldwork(fromDate.start(), end, why + "; dated by the date column " + date.strip()
                + (fromDate.start().equals(end) ? "" : end.equals(fromDate.end()) ? " (whole month)" : " up to the report"));
    }

    private static Fieldwork single(String date) {
        LocalDate d = isoDate(date);
        return new Fieldwork(d, d, "dated " + d);
    }

    private static boolean isMonthStart(String s) {
        String t = s.strip();
        return t.matches("\\d{4}-\\d{2}") || t.matches("\\d{4}-\\d{2}-01");
    }

    static LocalDate isoDate(String s) {
        String t = s.strip();
        try {
            return t.matches("\\d{4}-\\d{2}") ? YearMonth.parse(t).atDay(1) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date '" + t + "' is not yyyy-mm-dd or yyyy-mm");
        }
    }

    static double number(String s, String field) {
        try {
            double v = Double.parseDouble(s.strip().replace("%", ""));
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + s.strip() + "' is not a number");
        }
    }

    private static String cell(Row row, Integer column) {
        return column == null || column >= row.cells.length || row.cells[column] == null ? "" : row.cells[column];
    }

    private static Integer first(Map<String, Integer> header, String... names) {
        for (String n : names) {
            if (header.containsKey(n)) {
                return header.get(n);
            }
        }
        return null;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
