package org.narrativewatch.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.narrativewatch.UserException;
import org.narrativewatch.ingest.feed.FeedSource;
import org.narrativewatch.ingest.telegram.TelegramExportSource;
import org.narrativewatch.ingest.warc.WarcSource;

/** Opens the right {@link Source} for a path, by its name and first bytes. */
public final class Sources {
    private Sources() {}

    /** Largest single record (a JSON line, a document) accepted; larger ones are rejected alone. */
    public static final int MAX_RECORD_BYTES = 16 << 20;

    public static Source open(String pathOrUrl, ImportDefaults defaults) throws IOException {
        if (pathOrUrl.matches("(?i)https?://.*")) {
            return FeedSource.open(pathOrUrl, defaults);
        }
        Path path = Path.of(pathOrUrl);
        if (!Files.isRegularFile(path)) {
            throw new UserException(pathOrUrl + (Files.exists(path) ? ": not a file" : ": no such file"));
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (WarcSource.handles(name)) {
            return WarcSource.open(pathOrUrl, defaults);
        }
        if (base.endsWith(".json") && TelegramExportSource.looksLikeExport(path)) {
            return TelegramExportSource.open(pathOrUrl, defaults);
        }
        if (FeedSource.handles(name)) {
            return FeedSource.open(pathOrUrl, defaults);
        }
        if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")) {
            return new JsonlSource(pathOrUrl, open(path, false), defaults);
        }
        if (base.endsWith(".csv") || base.endsWith(".tsv")) {
            return new CsvSource(pathOrUrl, open(path, true), defaults);
        }
        throw new UserException("don't know how to import " + pathOrUrl
                + " (supported: .jsonl, .ndjson, .csv, optionally .gz; .warc, .warc.gz; a Telegram export's"
                + " result.json; a feed file .rss, .atom, .xml or a feed address http(s)://...)");
    }

    /** Bytes looked at before a line format is read, to refuse binary, UTF-16 and empty files at once. */
    static final int SNIFF_BYTES = 8192;

    /**
     * The file's bytes, gunzipped when they start with the gzip magic number, after a look at the
     * first {@link #SNIFF_BYTES}: a file that cannot be text of a line format fails here, as a whole,
     * with one line saying why (instead of one rejection per line, or a parser's stack trace).
     *
     * @param needsHeader an empty file is an error (CSV needs its header row)
     */
    static InputStream open(Path path, boolean needsHeader) throws IOException {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new UserException(path + ": no such file");
        }
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream in = raw;
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        if (gzip) {
            try {
                ExpansionGuard.precheck(path);
            } catch (UserException e) {
                raw.close();
                throw e;
            }
            ExpansionGuard.Counting counted = new ExpansionGuard.Counting(raw);
            try {
                in = new ExpansionGuard(new GZIPInputStream(counted, 1 << 16), counted);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                raw.close();
                throw new UserException(path + ": not a readable gzip file ("
                        + (e.getMessage() == null ? "it ends inside its header" : e.getMessage()) + ")");
            }
            in = new BufferedInputStream(in, 1 << 16);
        }
        try {
            sniff(path, in, needsHeader);
        } catch (UserException | IOException e) {
            in.close();
            if (e instanceof IOException io) {
                throw new UserException(path + ": the file ends early or is corrupt (" + (io.getMessage() == null
                        ? io.getClass().getSimpleName() : io.getMessage()) + "); nothing was imported");
            }
            throw e;
        }
        return in;
    }

    static InputStream open(Path path) throws IOException {
        return open(path, false);
    }

    private static void sniff(Path path, InputStream in, boolean needsHeader) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length == 0) {
            if (needsHeader) {
                throw new UserException(path + ": empty file (a CSV file starts with a header row naming the fields:"
                        + " url,date,source,title,text,lang)");
            }
            return;
        }
        if (head.length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
            throw new UserException(path + ": the file is UTF-16; convert it to UTF-8 first"
                    + " (iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8)");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw new UserException(path + ": binary data, not text (a NUL byte at byte " + (i + 1)
                        + "; if it is UTF-16 without a byte order mark, convert it to UTF-8)");
            }
        }
    }
}
