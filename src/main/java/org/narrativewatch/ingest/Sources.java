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
            throw new UserException(Files.exists(path) ? pathOrUrl + " is not a file" : "no such file: " + pathOrUrl);
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
            return new JsonlSource(pathOrUrl, open(path), defaults);
        }
        if (base.endsWith(".csv") || base.endsWith(".tsv")) {
            return new CsvSource(pathOrUrl, open(path), defaults);
        }
        throw new UserException("don't know how to import " + pathOrUrl
                + " (supported: .jsonl, .ndjson, .csv, optionally .gz; .warc, .warc.gz; a Telegram export's"
                + " result.json; a feed file .rss, .atom, .xml or a feed address http(s)://...)");
    }

    /** The file's bytes, gunzipped when they start with the gzip magic number. */
    static InputStream open(Path path) throws IOException {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new UserException("no such file: " + path);
        }
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        return raw;
    }
}
