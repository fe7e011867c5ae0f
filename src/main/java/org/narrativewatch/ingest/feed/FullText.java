package org.narrativewatch.ingest.feed;

import java.net.URI;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;
import org.narrativewatch.ingest.html.Languages;
import org.narrativewatch.ingest.html.Limits;
import org.narrativewatch.ingest.html.Page;
import org.narrativewatch.ingest.html.PageExtractor;
import org.narrativewatch.ingest.http.Charsets;
import org.narrativewatch.ingest.http.FetchException;
import org.narrativewatch.ingest.http.HttpFetcher;
import org.narrativewatch.ingest.http.Response;
import org.narrativewatch.ingest.http.Validators;

/**
 * Replaces a feed item's lead with the full text of its page (boilerplate removed) when the page
 * has more, and dates a guessed item from the page's own metadata. Goes through the same fetcher as
 * the feeds, so robots.txt, the rate limit and the caps apply to pages too.
 */
public final class FullText {
    private FullText() {}

    /** The enriched article; throws when the page could not be fetched (the caller keeps the feed's version). */
    public static Article enrich(Article item, HttpFetcher fetcher) throws FetchException {
        URI uri = URI.create(item.url());
        Response r = fetcher.get(uri, Validators.NONE);
        if (r.body().length > Limits.MAX_PAGE_BYTES) {
            throw new FetchException(uri, FetchException.Kind.TOO_LARGE, "page larger than " + Limits.MAX_PAGE_BYTES);
        }
        Page page = PageExtractor.extract(Charsets.decode(r.body(), r.charset()), item.url(), item.published().getOffset());
        String text = page.text().length() > item.text().length() && page.text().length() <= Limits.MAX_DOCUMENT_CHARS
                ? page.text() : item.text();
        var published = item.published();
        DateQuality quality = item.dateQuality();
        if (quality == DateQuality.GUESSED && page.published() != null) {
            published = page.published().published();
            quality = page.published().quality();
        }
        String title = item.title().isBlank() && page.title() != null ? page.title() : item.title();
        String lang = item.lang();
        return new Article(item.url(), item.outlet(), item.group(), published, quality,
                lang == null ? Languages.resolve(page.lang(), title + " " + text) : lang, title, text,
                item.syndicatedFrom());
    }
}
