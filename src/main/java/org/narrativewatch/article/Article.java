package org.narrativewatch.article;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One news item as every source produces it and every engine stores it.
 *
 * <p>Identity is the normalised URL together with the language: the same address
 * sometimes serves a text and its translation (the Ukrainian presidential addresses do),
 * and those are two articles. {@link #day()} is the calendar date in the offset the source
 * gave, so a midnight story in Moscow is counted on Moscow's day.
 *
 * @param url        normalised with {@link UrlNormalizer}
 * @param outlet     the outlet or channel name as the source names it
 * @param group      outlet group label (state, independent, ...) or null
 * @param published  the instant with the offset the source gave (UTC where it gave none)
 * @param lang       ISO 639-1 code (ru, uk, be, en, ...); detected when the source gave none
 * @param syndicatedFrom for reposts and forwards, the outlet it came from, else null
 */
public record Article(
        String url,
        String outlet,
        String group,
        OffsetDateTime published,
        DateQuality dateQuality,
        String lang,
        String title,
        String text,
        String syndicatedFrom) {

    public Article {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(dateQuality, "dateQuality");
        Objects.requireNonNull(lang, "lang");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }

    /** The identity key engines use: normalised URL and language. */
    public String key() {
        return url + " " + lang;
    }

    public LocalDate day() {
        return published.toLocalDate();
    }

    public Article withGroup(String newGroup) {
        return new Article(url, outlet, newGroup, published, dateQuality, lang, title, text, syndicatedFrom);
    }
}
