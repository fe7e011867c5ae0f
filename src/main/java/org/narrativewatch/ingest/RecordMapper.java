package org.narrativewatch.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.narrativewatch.analysis.LanguageGuesser;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.article.UrlNormalizer;

/**
 * Turns one flat record (a JSON object's or a CSV row's fields) into an {@link Article}, or says
 * which field is wrong. Shared by the line formats so that JSONL and CSV accept the same fields.
 */
final class RecordMapper {

    /** A record that cannot become an article; the message names the field. */
    static final class BadRecord extends Exception {
        BadRecord(String message) {
            super(message);
        }
    }

    private static final String[] URL = {"url", "link", "href"};
    private static final String[] DATE = {"date", "published", "published_at", "datetime", "time", "pubdate"};
    private static final String[] OUTLET = {"source", "outlet", "channel", "site"};
    private static final String[] TITLE = {"title", "headline"};
    private static final String[] TEXT = {"text", "body", "content", "summary", "lead"};
    private static final String[] LANG = {"lang", "language"};
    private static final String[] GROUP = {"group", "outlet_group"};

    private final ImportDefaults defaults;

    RecordMapper(ImportDefaults defaults) {
        this.defaults = defaults;
    }

    Article map(Map<String, String> f) throws BadRecord {
        String outlet = defaults.outlet() != null ? defaults.outlet() : first(f, OUTLET);
        if (outlet == null) {
            throw new BadRecord("no source field (outlet name), and no --outlet given");
        }
        String rawDate = first(f, DATE);
        if (rawDate == null) {
            throw new BadRecord("no date field");
        }
        Dated d = parseDate(rawDate);
        String title = orEmpty(first(f, TITLE));
        String text = orEmpty(first(f, TEXT));
        if (title.isBlank() && text.isBlank()) {
            throw new BadRecord("no title and no text");
        }
        String rawUrl = first(f, URL);
        String url;
        if (rawUrl == null) {
            // Posts without an address (some Telegram dumps) get an identity from what they say, so that
            // re-importing them is as idempotent as for addressed articles.
            url = contentUrn(outlet, rawDate, title, text);
        } else {
            try {
                url = UrlNormalizer.normalize(rawUrl);
            } catch (IllegalArgumentException e) {
                throw new BadRecord("field url: " + e.getMessage());
            }
        }
        DateWindow window = defaults.dates();
        if (window.last() != null) {
            if (d.published.toLocalDate().isAfter(window.last())) {
                throw new BadRecord("field date: " + abbreviate(rawDate) + " is after " + window.last()
                        + " (the latest accepted date)");
            }
        } else if (d.published.toInstant().isAfter(window.clock().instant().plus(window.ahead()))) {
            throw new BadRecord("field date: " + abbreviate(rawDate) + " is in the future (later than "
                    + window.latest() + ")");
        }
        if (d.published.toLocalDate().isBefore(window.earliest())) {
            throw new BadRecord("field date: " + abbreviate(rawDate) + " is before " + window.earliest()
                    + " (the earliest accepted date)");
        }
        String lang = first(f, LANG);
        if (lang == null) {
            lang = defaults.lang() != null ? defaults.lang() : LanguageGuesser.guess(title + "\n" + text);
        }
        lang = lang.toLowerCase(java.util.Locale.ROOT);
        String group = defaults.groupFor(outlet, first(f, GROUP));
        return new Article(url, outlet, group, d.published, d.quality, lang, title, text, first(f, new String[] {"syndicated_from"}));
    }

    /** urn:nwatch:content:SHA-256 of outlet, date, title and text (first 128 bits, hex). */
    static String contentUrn(String outlet, String date, String title, String text) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest((outlet + "\u0000" + date + "\u0000" + title + "\u0000" + text)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "urn:nwatch:content:" + java.util.HexFormat.of().formatHex(h, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Dated(OffsetDateTime published, DateQuality quality) {}

    static Dated parseDate(String s) throws BadRecord {
        String v = s.trim();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new Dated(LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC), DateQuality.DATE_ONLY);
            }
            if (v.matches("\\d{9,11}")) {
                return new Dated(Instant.ofEpochSecond(Long.parseLong(v)).atOffset(ZoneOffset.UTC), DateQuality.EXACT);
            }
            String iso = v.replace(' ', 'T');
            if (iso.matches("\\d{4}-\\d{2}-\\d{2}T24:.*")) {
                // "24:04:30" (seen in real dumps) is 00:04:30 of the next day
                Dated next = parseDate(iso.substring(0, 11) + "00" + iso.substring(13));
                return new Dated(next.published.plusDays(1), next.quality);
            }
            try {
                return new Dated(OffsetDateTime.parse(iso), DateQuality.EXACT);
            } catch (DateTimeParseException e) {
                // no offset in the source: the time is kept and read as UTC
                return new Dated(LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC), DateQuality.EXACT);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return new Dated(OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME), DateQuality.EXACT);
            } catch (DateTimeParseException e2) {
                throw new BadRecord("field date: cannot read '" + abbreviate(v) + "' (expected ISO 8601 such as 2022-02-24 or 2022-02-24T05:30:00+03:00)");
            }
        }
    }

    private static String first(Map<String, String> f, String[] names) {
        for (String n : names) {
            String v = f.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
