package org.narrativewatch.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.article.UrlNormalizer;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.html.Dated;
import org.narrativewatch.ingest.html.Languages;
import org.narrativewatch.ingest.html.Limits;
import org.narrativewatch.ingest.html.PageExtractor;
import org.narrativewatch.ingest.http.Charsets;
import org.narrativewatch.ingest.outlets.Outlet;

/**
 * Turns the bytes of an RSS 0.9x/1.0/2.0 or Atom feed into articles.
 *
 * <p>Hostile feeds: ROME is told to refuse any DOCTYPE, which rules out external entities (XXE)
 * and entity-expansion bombs alike, since both need a DTD; a feed with a DOCTYPE is rejected as a
 * whole. Bytes are decoded with {@link Charsets} before parsing, so a wrong charset header or
 * prolog does not turn Cyrillic into mojibake.
 */
public final class FeedParser {
    private FeedParser() {}

    /** A feed that could not be parsed at all (malformed XML, a DOCTYPE, not a feed). */
    public static final class BadFeed extends Exception {
        public BadFeed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The feed's title and language, and one record per item in feed order (positions from 1). */
    public record ParsedFeed(String title, String lang, List<SourceRecord> records) {}

    /**
     * @param where     the feed's address or file, for messages
     * @param fetchedAt the date given to items the feed does not date (flagged GUESSED)
     */
    public static ParsedFeed parse(byte[] body, String headerCharset, String where, FeedContext ctx,
                                   Instant fetchedAt) throws BadFeed {
        String xml = Charsets.decode(body, headerCharset);
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try {
            feed = input.build(FeedXml.parse(xml));
        } catch (org.jdom2.input.JDOMParseException e) {
            String line = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
            throw new BadFeed(where + ": malformed feed" + line + ": " + rootMessage(e), e);
        } catch (ParsingFeedException e) {
            String line = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
            throw new BadFeed(where + ": malformed feed" + line + ": " + rootMessage(e), e);
        } catch (FeedException | org.jdom2.JDOMException | java.io.IOException | RuntimeException e) {
            throw new BadFeed(where + ": not a readable RSS or Atom feed: " + rootMessage(e), e);
        } catch (StackOverflowError e) {
            throw new BadFeed(where + ": not a readable RSS or Atom feed: structure nested too deeply", null);
        }
        String feedLang = feed.getLanguage();
        List<SourceRecord> records = new ArrayList<>();
        long position = 0;
        for (SyndEntry entry : feed.getEntries()) {
            position++;
            String at = where + ": item " + position;
            try {
                records.add(new SourceRecord.Parsed(toArticle(entry, ctx, feedLang, fetchedAt), position, at));
            } catch (IllegalArgumentException e) {
                records.add(new SourceRecord.Rejected(at, e.getMessage(), position));
            } catch (RuntimeException | StackOverflowError e) {
                // one odd item never takes the feed down; its reason is the one line the user sees
                records.add(new SourceRecord.Rejected(at, "unreadable item (" + rootMessage(e) + ")", position));
            }
        }
        return new ParsedFeed(feed.getTitle(), feedLang, records);
    }

    static Article toArticle(SyndEntry entry, FeedContext ctx, String feedLang, Instant fetchedAt) {
        String link = entry.getLink();
        if (link == null || link.isBlank()) {
            link = entry.getUri();
        }
        if (link == null || link.isBlank()) {
            throw new IllegalArgumentException("item has no link");
        }
        String url = UrlNormalizer.normalize(link.trim());
        String host = webHost(url);
        String title = entry.getTitle() == null ? "" : Jsoup.parse(entry.getTitle()).text();
        String text = itemText(entry);
        if (text.length() > Limits.MAX_DOCUMENT_CHARS) {
            throw new IllegalArgumentException("item text of " + text.length() + " characters exceeds the cap of "
                    + Limits.MAX_DOCUMENT_CHARS);
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Dated published = date == null
                ? Dated.guessed(fetchedAt)
                : new Dated(OffsetDateTime.ofInstant(date.toInstant(), ctx.zone()), DateQuality.EXACT);
        String outlet = ctx.outlet() != null ? ctx.outlet() : Outlet.bare(host);
        String lang = Languages.resolve(ctx.lang() != null ? ctx.lang() : feedLang, title + " " + text);
        return new Article(url, outlet, ctx.group(), published.published(), published.quality(), lang, title, text,
                null);
    }

    /**
     * The host of an article link, which must be an http(s) address: a {@code javascript:},
     * {@code data:} or {@code mailto:} link is no article, and a link without a host names no outlet.
     */
    static String webHost(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("link is not a valid address: " + abbreviate(url));
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("link is not a web address (http or https): " + abbreviate(url));
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new IllegalArgumentException("link has no valid host name: " + abbreviate(url));
        }
        return u.getHost();
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }

    /** The longer of the item's content and its description, as plain text. */
    private static String itemText(SyndEntry entry) {
        StringBuilder content = new StringBuilder();
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null) {
                content.append(c.getValue()).append('\n');
            }
        }
        String fromContent = PageExtractor.fragmentText(content.toString());
        String fromDescription = entry.getDescription() == null ? ""
                : PageExtractor.fragmentText(entry.getDescription().getValue());
        return fromContent.length() >= fromDescription.length() ? fromContent : fromDescription;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof StackOverflowError) {
            return "structure nested too deeply";
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
