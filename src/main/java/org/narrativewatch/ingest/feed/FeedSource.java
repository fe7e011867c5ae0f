package org.narrativewatch.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.http.CappedInputStream;
import org.narrativewatch.ingest.http.FetchException;
import org.narrativewatch.ingest.http.FetchPolicy;
import org.narrativewatch.ingest.http.HttpFetcher;
import org.narrativewatch.ingest.http.Response;
import org.narrativewatch.ingest.http.Validators;
import org.narrativewatch.ingest.outlets.OutletDirectory;

/**
 * A feed read once, from a file (plain or .gz) or an address: {@code nwatch import feed.xml} and
 * {@code nwatch import https://…/rss}. Items are stored under the outlet the directory knows for the
 * feed's host (with its group, language and zone), else under the host of each item's link.
 */
public final class FeedSource implements Source {

    private final String name;
    private final Loader loader;
    private final FeedContext context;
    private final HttpFetcher pageFetcher;
    private Iterator<SourceRecord> records;
    private AutoCloseable owned;
    /** For a feed file (no address to look up): each item's outlet is found by its link's host. */
    private OutletDirectory directory;
    private ImportDefaults defaults = ImportDefaults.none();

    @FunctionalInterface
    private interface Loader {
        FeedParser.ParsedFeed load(FeedContext ctx) throws IOException, FeedParser.BadFeed;
    }

    private FeedSource(String name, Loader loader, FeedContext context, HttpFetcher pageFetcher) {
        this.name = name;
        this.loader = loader;
        this.context = context;
        this.pageFetcher = pageFetcher;
    }

    /** True for what this source reads: an http(s) address, or a file named *.rss, *.atom, *.xml (optionally .gz). */
    public static boolean handles(String pathOrUrl) {
        String s = pathOrUrl.toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://")
                || s.matches(".*\\.(rss|atom|xml)(\\.gz)?$");
    }

    /** Opens a file or an address with the default fetch policy and the user's outlets; {@code --group} applies. */
    public static FeedSource open(String pathOrUrl, ImportDefaults defaults) {
        FeedSource s = open(pathOrUrl);
        s.defaults = defaults;
        return s;
    }

    static FeedSource open(String pathOrUrl) {
        OutletDirectory outlets = OutletDirectory.load(null);
        String s = pathOrUrl.toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("http://") || s.startsWith("https://")) {
            URI address;
            try {
                address = new URI(pathOrUrl);
                if (address.getHost() == null) {
                    throw new java.net.URISyntaxException(pathOrUrl, "no host name");
                }
            } catch (java.net.URISyntaxException e) {
                throw new UserException(pathOrUrl + ": not a valid feed address (" + e.getReason()
                        + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + ")");
            }
            HttpFetcher fetcher = new HttpFetcher(FetchPolicy.defaults());
            FeedSource source = url(address, fetcher, outlets, false);
            source.owned = fetcher;
            return source;
        }
        return file(Path.of(pathOrUrl), outlets);
    }

    public static FeedSource file(Path file, OutletDirectory outlets) {
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no such file");
        }
        long cap = FetchPolicy.defaults().maxDecodedBytes();
        Loader loader = ctx -> {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = new CappedInputStream(
                         file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 8192) : raw, cap, "in the feed")) {
                return FeedParser.parse(in.readAllBytes(), null, file.toString(), ctx,
                        Files.getLastModifiedTime(file).toInstant());
            }
        };
        FeedSource source = new FeedSource(file.toString(), loader, FeedContext.unknown(), null);
        source.directory = outlets;
        return source;
    }

    /** @param fullText also fetch each item's page for its full text */
    public static FeedSource url(URI feed, HttpFetcher fetcher, OutletDirectory outlets, boolean fullText) {
        Loader loader = ctx -> {
            Response r = fetcher.get(feed, Validators.NONE);
            FeedParser.ParsedFeed parsed = FeedParser.parse(r.body(), r.charset(), feed.toString(), ctx, r.fetchedAt());
            // A live feed changes between fetches, so "item N" of one fetch is not item N of the next.
            // Positions carry the fetch time, so an importer's checkpoint from an earlier fetch never
            // skips the items of a later one.
            long base = r.fetchedAt().toEpochMilli() * 1000;
            List<SourceRecord> renumbered = parsed.records().stream().map(rec -> rec instanceof SourceRecord.Parsed p
                    ? (SourceRecord) new SourceRecord.Parsed(p.article(), base + p.position(), p.where())
                    : rejectedAt((SourceRecord.Rejected) rec, base + rec.position())).toList();
            return new FeedParser.ParsedFeed(parsed.title(), parsed.lang(), renumbered);
        };
        return new FeedSource(feed.toString(), loader, outlets.byFeed(feed).map(FeedContext::of).orElse(FeedContext.unknown()), fullText ? fetcher : null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SourceRecord next() throws IOException {
        if (records == null) {
            try {
                records = loader.load(context).records().iterator();
            } catch (FeedParser.BadFeed e) {
                throw new UserException(e.getMessage(), e);
            } catch (FetchException e) {
                throw new UserException(e.getMessage(), e);
            } catch (CappedInputStream.TooLarge e) {
                throw new UserException(name + ": larger than the cap for a feed (" + e.getMessage() + ")", e);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new UserException(name + ": the file ends early or is corrupt ("
                        + (e.getMessage() == null ? "unexpected end of data" : e.getMessage()) + ")", e);
            }
        }
        if (!records.hasNext()) {
            return null;
        }
        SourceRecord r = records.next();
        if (r instanceof SourceRecord.Parsed p) {
            Article a = directory != null ? byLinkHost(p.article()) : p.article();
            r = new SourceRecord.Parsed(a.withGroup(defaults.groupFor(a.outlet(), a.group())), p.position(), p.where());
        }
        if (pageFetcher != null && r instanceof SourceRecord.Parsed p) {
            try {
                Article full = FullText.enrich(p.article(), pageFetcher);
                return new SourceRecord.Parsed(full, p.position(), p.where());
            } catch (FetchException e) {
                return p; // the feed's own text stands; the page is optional
            }
        }
        return r;
    }

    private static SourceRecord rejectedAt(SourceRecord.Rejected j, long position) {
        return new SourceRecord.Rejected(j.where(), j.reason(), position);
    }

    private Article byLinkHost(Article a) {
        return directory.byHost(FeedParser.webHost(a.url()))
                .map(o -> new Article(a.url(), o.name(), o.group(), a.published().atZoneSameInstant(o.zone())
                        .toOffsetDateTime(), a.dateQuality(), o.lang() != null ? o.lang() : a.lang(), a.title(),
                        a.text(), a.syndicatedFrom()))
                .orElse(a);
    }

    @Override
    public void close() throws IOException {
        // the feed itself is read whole on the first call; only a fetcher we made is left to close
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
