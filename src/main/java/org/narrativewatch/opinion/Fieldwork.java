package org.narrativewatch.opinion;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fieldwork period read from the free text pollsters and their reporters write ("13-21 Mar 2024",
 * "28 Jun-25 Jul 2024", "late May 2022", "Nov-Dec 2024", "autumn 2022", "2024-03-13..2024-03-21").
 * Written by hand: these phrasings are a small closed set that no date library parses, and the
 * coarse ones (a month, "late", a season) must become an explicit window rather than a guessed day.
 *
 * @param start first day (inclusive)
 * @param end   last day (inclusive)
 * @param how   how the text was read, in words, for outputs
 */
public record Fieldwork(LocalDate start, LocalDate end, String how) {

    private static final String MON = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final String DAY = "(\\d{1,2})";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final String ISO = "(\\d{4}-\\d{2}-\\d{2})";

    private static final Pattern ISO_RANGE = Pattern.compile(ISO + "\\s*(?:\\.\\.|/|to|-|–)\\s*" + ISO);
    private static final Pattern ISO_DAY = Pattern.compile(ISO);
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAYS_ONE_MONTH = Pattern.compile(DAY + "\\s*-\\s*" + DAY + " " + MON + ",? " + YEAR);
    private static final Pattern DAYS_TWO_MONTHS =
            Pattern.compile(DAY + " " + MON + "\\s*(?:-|&|and)\\s*" + DAY + " " + MON + ",? " + YEAR);
    private static final Pattern MONTHS = Pattern.compile(MON + "\\s*-\\s*" + MON + ",? " + YEAR);
    private static final Pattern PART_OF_MONTH = Pattern.compile("(early|beginning of|mid|middle of|late|end of|end) " + MON + ",? " + YEAR);
    private static final Pattern ONE_DAY = Pattern.compile(DAY + " " + MON + ",? " + YEAR);
    private static final Pattern ONE_MONTH = Pattern.compile(MON + ",? " + YEAR);
    private static final Pattern SEASON = Pattern.compile("(spring|summer|autumn|fall|winter) " + YEAR);

    private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    public Fieldwork {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("fieldwork ends " + end + " before it starts " + start);
        }
    }

    /** The period the text describes, or empty when it is not one of the known phrasings. */
    public static Optional<Fieldwork> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT)
                .replaceAll("\\([^)]*\\)", " ")
                .replace('–', '-').replace('—', '-')
                .replaceAll("\\s+", " ").strip();
        try {
            return Optional.ofNullable(read(t, text.strip()));
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Fieldwork read(String t, String original) {
        Matcher m;
        if ((m = ISO_RANGE.matcher(t)).matches()) {
            return new Fieldwork(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)), "fieldwork " + original);
        }
        if ((m = ISO_DAY.matcher(t)).matches()) {
            LocalDate d = LocalDate.parse(m.group(1));
            return new Fieldwork(d, d, "fieldwork " + original);
        }
        if ((m = ISO_MONTH.matcher(t)).matches()) {
            return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), original);
        }
        if ((m = DAYS_ONE_MONTH.matcher(t)).matches()) {
            YearMonth ym = YearMonth.of(year(m.group(4)), month(m.group(3)));
            return new Fieldwork(ym.atDay(day(m.group(1))), ym.atDay(day(m.group(2))), "fieldwork " + original);
        }
        if ((m = DAYS_TWO_MONTHS.matcher(t)).matches()) {
            int y = year(m.group(5));
            int m1 = month(m.group(2));
            int m2 = month(m.group(4));
            // "28 Dec-5 Jan 2025": the year written is the end's; the start is in the year before.
            LocalDate s = LocalDate.of(m1 > m2 ? y - 1 : y, m1, day(m.group(1)));
            return new Fieldwork(s, LocalDate.of(y, m2, day(m.group(3))), "fieldwork " + original);
        }
        if ((m = MONTHS.matcher(t)).matches()) {
            int y = year(m.group(3));
            int m1 = month(m.group(1));
            int m2 = month(m.group(2));
            YearMonth first = YearMonth.of(m1 > m2 ? y - 1 : y, m1);
            return new Fieldwork(first.atDay(1), YearMonth.of(y, m2).atEndOfMonth(),
                    "fieldwork '" + original + "': whole months");
        }
        if ((m = PART_OF_MONTH.matcher(t)).matches()) {
            YearMonth ym = YearMonth.of(year(m.group(3)), month(m.group(2)));
            String part = m.group(1);
            if (part.startsWith("early") || part.startsWith("beginning")) {
                return new Fieldwork(ym.atDay(1), ym.atDay(10), "fieldwork '" + original + "': days 1-10");
            }
            if (part.startsWith("mid")) {
                return new Fieldwork(ym.atDay(11), ym.atDay(20), "fieldwork '" + original + "': days 11-20");
            }
            return new Fieldwork(ym.atDay(21), ym.atEndOfMonth(), "fieldwork '" + original + "': day 21 to month end");
        }
        if ((m = ONE_DAY.matcher(t)).matches()) {
            LocalDate d = LocalDate.of(year(m.group(3)), month(m.group(2)), day(m.group(1)));
            return new Fieldwork(d, d, "fieldwork " + original);
        }
        if ((m = ONE_MONTH.matcher(t)).matches()) {
            return month(YearMonth.of(year(m.group(2)), month(m.group(1))), original);
        }
        if ((m = SEASON.matcher(t)).matches()) {
            int y = year(m.group(2));
            String how = "fieldwork '" + original + "': the whole season";
            return switch (m.group(1)) {
                case "spring" -> new Fieldwork(LocalDate.of(y, 3, 1), LocalDate.of(y, 5, 31), how);
                case "summer" -> new Fieldwork(LocalDate.of(y, 6, 1), LocalDate.of(y, 8, 31), how);
                case "autumn", "fall" -> new Fieldwork(LocalDate.of(y, 9, 1), LocalDate.of(y, 11, 30), how);
                // winter of a year: the December before it to the end of its February
                default -> new Fieldwork(LocalDate.of(y - 1, 12, 1), YearMonth.of(y, 2).atEndOfMonth(), how);
            };
        }
        return null;
    }

    /** A whole calendar month: used when only the month is known. */
    public static Fieldwork month(YearMonth ym, String original) {
        return new Fieldwork(ym.atDay(1), ym.atEndOfMonth(), "fieldwork '" + original + "': whole month");
    }

    private static int month(String s) {
        Integer v = MONTH_NUMBERS.get(s);
        if (v == null) {
            throw new IllegalArgumentException("month " + s);
        }
        return v;
    }

    private static int day(String s) {
        return Integer.parseInt(s);
    }

    private static int year(String s) {
        return Integer.parseInt(s);
    }
}
