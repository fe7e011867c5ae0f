package org.narrativewatch.ingest.warc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
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
import org.netpreserve.jwarc.WarcCompression;
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
 * HTML page with no article text is rejected with a reason. Positions are WARC record numbers. A
 * file cut inside a record (a download or copy that stopped early) ends with one rejection naming
 * that record's number and byte offset (for .warc.gz, the offset of its gzip member): the import of
 * the file is then incomplete, and the complete records before it are imported.
 */
public final class WarcSource implements Source {

    private final Path file;
    private final OutletDirectory outlets;
    /** the file, kept here to notice a body skipped past its end (jwarc seeks over unread bodies) */
    private final FileChannel channel;
    private final WarcReader reader;
    private long recordNo;
    private ImportDefaults defaults = ImportDefaults.none();
    /** what {@link #next()} hands out, in order */
    private final Deque<SourceRecord> ready = new ArrayDeque<>();
    /**
     * The last record's outcome, held until the reader has read past its closing CRLF CRLF: a
     * file cut there ends inside that record, which is then reported instead of imported.
     */
    private SourceRecord held;
    private boolean holding;
    private long heldOffset;
    private boolean ended;
    /** jwarc found a record's closing CRLF CRLF wrong or missing during the current read */
    private boolean badTrailer;

    public WarcSource(Path file, OutletDirectory outlets) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no such file");
        }
        this.file = file;
        this.outlets = outlets;
        this.channel = FileChannel.open(file);
        try {
            this.reader = new WarcReader(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new UserException(file + ": not a readable WARC file (" + describe(e) + ")");
        }
        reader.onWarning(w -> badTrailer |= w.contains("trailer"));
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
    public SourceRecord next() {
        while (ready.isEmpty() && !ended) {
            step();
        }
        return ready.poll();
    }

    /**
     * Reads one record into {@link #held}, handing out the one held before. A record is handed out
     * only once the file has been read through its end: a file cut anywhere inside a record (its
     * header, its body, a Content-Length longer than what is left, its closing bytes, its gzip
     * member) ends with one rejection naming that record's number and byte offset, and the import
     * of the file is incomplete. Without these checks jwarc would skip an unread body past the end of
     * the file and report a clean end.
     */
    private void step() {
        badTrailer = false;
        Optional<WarcRecord> next;
        try {
            next = reader.next();
        } catch (IOException | RuntimeException e) {
            ended = true;
            // the reader reads the held record's closing bytes (and, gzipped, its member's end) first:
            // a failure before it moved on is in that record
            if (holding && badTrailer && cutInClosingBytes()) {
                damaged(recordNo, heldOffset, new EOFException(), "before its closing CRLF CRLF");
            } else if (holding && reader.position() == heldOffset) {
                damaged(recordNo, heldOffset, e, "in its closing bytes");
            } else {
                release();
                damaged(recordNo + 1, reader.position(), e, "in its header");
            }
            return;
        }
        if (next.isEmpty()) {
            ended = true;
            if (holding && badTrailer) {
                damaged(recordNo, heldOffset, new EOFException(), "before its closing CRLF CRLF");
            } else {
                release();
            }
            return;
        }
        release();
        recordNo++;
        long offset = reader.position();
        WarcRecord record = next.get();
        SourceRecord r = toRecord(record);
        try {
            record.body().consume();
            if (channel.position() > channel.size()) {
                throw new EOFException(record.body().size() + " bytes of content announced, the file ends first");
            }
        } catch (IOException | RuntimeException e) {
            ended = true;
            damaged(recordNo, offset, e, "in its content");
            return;
        }
        held = r;
        holding = true;
        heldOffset = offset;
    }

    /** Fewer than the 4 closing bytes are left after the held record (jwarc's position is past its content). */
    private boolean cutInClosingBytes() {
        try {
            return reader.compression() == WarcCompression.NONE && channel.size() - reader.position() < 4;
        } catch (IOException e) {
            return false;
        }
    }

    private void release() {
        if (holding && held != null) {
            ready.add(held);
        }
        held = null;
        holding = false;
    }

    /** The record that cannot be read to its end: one rejection that ends the file's import. */
    private void damaged(long no, long offset, Throwable e, String part) {
        held = null;
        holding = false;
        // jwarc's own messages name the part where they can ("reading gzip trailer"); ours say where we stopped
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? part
                : part.equals("in its content") ? part + ": " + describe(e) : describe(e);
        String reason = (e instanceof EOFException ? "the file ends inside this record (" + detail + ")"
                : "unreadable WARC from here on (" + detail + ")") + "; the records before it were read";
        ready.add(new SourceRecord.Rejected(file + ": record " + no + " at byte " + offset, reason, no, true));
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
        try {
            reader.close();
        } finally {
            channel.close();
        }
    }
}
