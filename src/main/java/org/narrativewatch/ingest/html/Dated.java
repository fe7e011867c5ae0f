package org.narrativewatch.ingest.html;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.narrativewatch.article.DateQuality;

/** A publication instant and how much of it the page stated. */
public record Dated(OffsetDateTime published, DateQuality quality) {

    /**
     * Reads the date formats pages put in their metadata: ISO 8601 with or without offset (a missing
     * offset is read in {@code zone}), a bare ISO date, RFC 1123. Null when it is none of them.
     */
    public static Dated parse(String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        // "2022-02-24 05:30:00+03:00" and "...+0300" occur in the wild
        String iso = v.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2")
                .replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            return new Dated(OffsetDateTime.parse(iso), DateQuality.EXACT);
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return new Dated(ZonedDateTime.parse(iso, DateTimeFormatter.ISO_ZONED_DATE_TIME).toOffsetDateTime(),
                    DateQuality.EXACT);
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return new Dated(LocalDateTime.parse(iso).atZone(zone).toOffsetDateTime(), DateQuality.EXACT);
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            LocalDate d = LocalDate.parse(iso.length() > 10 && iso.charAt(10) == 'T' ? iso.substring(0, 10) : iso);
            return new Dated(d.atStartOfDay(zone).toOffsetDateTime(), DateQuality.DATE_ONLY);
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return new Dated(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime(),
                    DateQuality.EXACT);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** An instant the article did not state (capture or fetch time), flagged as guessed. */
    public static Dated guessed(Instant when) {
        return new Dated(when.atOffset(ZoneOffset.UTC), DateQuality.GUESSED);
    }
}
