package org.narrativewatch.ingest.warc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.narrativewatch.UserException;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.UrlNormalizer;
import org.narrativewatch.ingest.ImportDefaults;
import org.narrativewatch.ingest.Source;
import org.narrativewatch.ingest.SourceRecord;
import org.narrativewatch.ingest.html.Dated;
import org.narrativewatch.ingest.html.Languages;
import org.narrativewatch.ingest.html.Limits;
import org.narrativewatch.ingest.html.Page;
import org.narrativewatch.ingest.html.PageExtractor;
import org.narrativewatch.ingest.http.CappedInputStream;
import org.narrativewatch.ingest.http.Charsets;
import org.narrativewatch.ingest.outlets.Outlet;
import org.narrativewatch.ingest.outlets.OutletDirectory;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Reads a WARC file ({@code .warc} or {@code .warc.gz}). Each successful HTML response (or HTML
 * resource record) is an article: URL from the capture's target, outlet from the outlets list by
 * host (else the host itself), date from the page's own metadata (exact) or else the capture date
 * (guessed). Images, scripts, redirects and other records are passed over without a message; an
 * HTML page with no article text is rejected with a reason. Positions are WARC record numbers.
 */
public final class WarcSource implements Source {

    private final Path file;
    private final OutletDirectory outlets;
    private final WarcReader reader;
    private long recordNo;
    private boolean broken;
    private ImportDefaults defaults = ImportDefaults.none();

    public WarcSource(Path file, OutletDirectory outlets) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no such file");
        }
        this.file = file;
        this.outlets = outlets;
        this.reader = new WarcReader(file);
    }

    /** True for files this source reads: *.warc and *.warc.gz. */
    public static boolean handles(String path) {
        String s = path.toLowerCase(Locale.ROOT);
        return s.endsWith(".warc") || s.endsWith(".warc.gz");
    }

    /** {@code nwatch import crawl.warc.gz}: outlets from the user's outlets file; {@code --group} applies. */
    public static WarcSource open(String path, ImportDefaults defaults) throws IOException {
        WarcSource s = new WarcSource(Path.of(path), OutletDirectory.load(null));
        s.defaults = defaults;
        return s;
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public SourceRecord next() throws IOException {
        while (!broken) {
            Optional<WarcRecord> next;
            try {
                next = reader.next();
            } catch (IOException | RuntimeException e) {
                // a damaged record header or a truncated gzip member: nothing after it can be located
                broken = true;
                recordNo++;
                return new SourceRecord.Rejected(file + ": record " + recordNo,
                        "unreadable WARC from here on (" + describe(e) + ")", recordNo, true);
            }
            if (next.isEmpty()) {
                return null;
            }
            recordNo++;
            SourceRecord r = toRecord(next.get());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** An article, a rejection, or null for a record that is not an archived HTML page. */
    private SourceRecord toRecord(WarcRecord record) {
        String where = file + ": record " + recordNo;
        try {
            MediaType type;
            MessageBody body;
            if (record instanceof WarcResponse resp && resp.contentType().base().equals(MediaType.HTTP_RESPONSE.base())) {
                HttpResponse http = resp.http();
                if (http.status() != 200) {
                    return null;
                }
                type = http.contentType();
                body = http.bodyDecoded();
            } else if (record instanceof WarcResource res) {
                type = res.contentType();
                body = res.body();
            } else {
                return null;
            }
            if (!isHtml(type)) {
                return null;
            }
            WarcTargetRecord target = (WarcTargetRecord) record;
            String targetUri = target.target();
            if (targetUri == null || targetUri.isBlank()) {
                return new SourceRecord.Rejected(where, "record has no WARC-Target-URI", recordNo);
            }
            where += " (" + abbreviate(targetUri) + ")";
            byte[] bytes;
            try (InputStream in = new CappedInputStream(body.stream(), Limits.MAX_PAGE_BYTES, "in the page")) {
                bytes = in.readAllBytes();
            } catch (CappedInputStream.TooLarge e) {
                return new SourceRecord.Rejected(where, "page too large: " + e.getMessage(), recordNo);
            }
            return new SourceRecord.Parsed(toArticle(target, type, bytes), recordNo, where);
        } catch (IllegalArgumentException e) {
            return new SourceRecord.Rejected(where, describe(e), recordNo);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new SourceRecord.Rejected(where, "unreadable record (" + describe(e) + ")", recordNo);
        }
    }

    /** One readable line for a failure: its message, or what kind of failure it was when it has none. */
    static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "structure nested too deeply";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank() || e instanceof NullPointerException) {
            return e instanceof java.io.EOFException ? "the file ends early" : "a malformed record ("
                    + e.getClass().getSimpleName() + ")";
        }
        return m.replaceAll("\\s+", " ").trim();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 100 ? one : one.substring(0, 97) + "...";
    }

    private Article toArticle(WarcTargetRecord record, MediaType type, byte[] bytes) {
        String url = UrlNormalizer.normalize(record.target());
        String host = webHost(url);
        Optional<Outlet> outlet = outlets.byHost(host);
        ZoneId zone = outlet.map(Outlet::zone).orElse(ZoneOffset.UTC);
        String html = Charsets.decode(bytes, type.parameters().get("charset"));
        Page page = PageExtractor.extract(html, url, zone);
        if (page.text().isBlank()) {
            throw new IllegalArgumentException("no article text on the page");
        }
        if (page.text().length() > Limits.MAX_DOCUMENT_CHARS) {
            throw new IllegalArgumentException("text of " + page.text().length() + " characters exceeds the cap of "
                    + Limits.MAX_DOCUMENT_CHARS);
        }
        Dated date = page.published() != null ? page.published() : Dated.guessed(record.date());
        String title = page.title() == null ? "" : page.title();
        String lang = Languages.resolve(page.lang() != null ? page.lang() : outlet.map(Outlet::lang).orElse(null),
                title + " " + page.text());
        String name = outlet.map(Outlet::name).orElse(Outlet.bare(host));
        return new Article(url, name, defaults.groupFor(name, outlet.map(Outlet::group).orElse(null)),
                date.published(), date.quality(), lang, title, page.text(), null);
    }

    private static String webHost(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("target is not a valid address");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("target is not a web page address (http or https with a host)");
        }
        return u.getHost();
    }

    private static boolean isHtml(MediaType type) {
        String base = type.base().toString().toLowerCase(Locale.ROOT);
        return base.equals("text/html") || base.equals("application/xhtml+xml");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
