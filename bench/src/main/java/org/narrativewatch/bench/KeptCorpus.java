package org.narrativewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The stamp {@code bench/run --keep DIR} writes beside each corpus it keeps ({@code DIR/NAME.stamp.json}), and
 * that {@code --reuse DIR} checks before it times a query against the kept indexes: the source file (size and
 * modification time), the JSONL both systems read, our index (article count and reader version, which grows with
 * every commit) and PostgreSQL's table (row count). A reused index that is not the one the stamp describes would
 * give figures for another corpus, so any difference stops the run.
 *
 * @param name          corpus name (1tv, 1tv-x10, tg, 1tv-slice)
 * @param source        the file in --data the corpus was made from
 * @param sourceBytes   its size when kept
 * @param sourceMtime   its modification time (ms since the epoch) when kept
 * @param plain         the JSONL in DIR (ripgrep reads it; for generated corpora both importers did too)
 * @param plainBytes    its size
 * @param lines         lines in it
 * @param fileIsPlain   whether the importers read {@code plain} (generated corpora) rather than {@code source}
 * @param oursArticles  articles in our index
 * @param oursVersion   our index reader's version
 * @param pgDatabase    PostgreSQL database of the corpus, null when kept with --no-pg
 * @param pgArticles    rows in its articles table, null when kept with --no-pg
 * @param kept          when (ISO instant)
 */
record KeptCorpus(String name, String source, long sourceBytes, long sourceMtime, String plain, long plainBytes, long lines,
                  boolean fileIsPlain, long oursArticles, long oursVersion, String pgDatabase, Long pgArticles, String kept) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Path stampFile(Path dir, String name) {
        return dir.resolve(name + ".stamp.json");
    }

    static Path indexOf(Path dir, String name) {
        return dir.resolve("index-" + name);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(stampFile(dir, name).toFile(), this);
    }

    /** The corpora kept in {@code dir}, by name. */
    static List<String> keptIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".stamp.json"))
                    .map(f -> f.substring(0, f.length() - ".stamp.json".length())).sorted().toList();
        }
    }

    static KeptCorpus read(Path dir, String name) throws IOException {
        Path f = stampFile(dir, name);
        if (!Files.isRegularFile(f)) {
            throw new BenchException("--reuse " + dir + ": no kept corpus '" + name + "' there (kept: "
                    + String.join(", ", keptIn(dir)) + "); make it with bench/run --keep DIR --corpora " + name);
        }
        return JSON.readValue(f.toFile(), KeptCorpus.class);
    }

    /** The corpus as the run sees it: the file the importers read and the plain copy ripgrep reads. */
    Corpus corpus() {
        Path p = Path.of(plain);
        return new Corpus(name, fileIsPlain ? p : Path.of(source), p, lines);
    }

    /** Size and modification time of a file, for the stamp and its check. */
    record FileFacts(long bytes, long mtime) {
        static FileFacts of(Path p) throws IOException {
            return new FileFacts(Files.size(p), Files.getLastModifiedTime(p).toMillis());
        }
    }

    /**
     * Every difference between this stamp and what is there now, one line each; empty when the kept corpus is the
     * one stamped. {@code pgNow} is null when PostgreSQL is not part of this run (-1: no such database or table).
     */
    List<String> differences(FileFacts sourceNow, FileFacts plainNow, long oursArticlesNow, long oursVersionNow, Long pgNow) {
        List<String> d = new ArrayList<>();
        if (sourceNow == null) {
            d.add("the source file " + source + " is gone");
        } else if (sourceNow.bytes() != sourceBytes || sourceNow.mtime() != sourceMtime) {
            d.add(String.format(Locale.ROOT, "the source file %s changed since it was kept (%,d bytes, modified %d; stamp: %,d, %d)",
                    source, sourceNow.bytes(), sourceNow.mtime(), sourceBytes, sourceMtime));
        }
        if (plainNow == null) {
            d.add("the kept JSONL " + plain + " is gone");
        } else if (plainNow.bytes() != plainBytes) {
            d.add(String.format(Locale.ROOT, "the kept JSONL %s has %,d bytes (stamp: %,d)", plain, plainNow.bytes(), plainBytes));
        }
        if (oursArticlesNow != oursArticles || oursVersionNow != oursVersion) {
            d.add(String.format(Locale.ROOT, "our index holds %,d articles at version %d (stamp: %,d at version %d): "
                    + "it was written to since it was kept", oursArticlesNow, oursVersionNow, oursArticles, oursVersion));
        }
        if (pgNow != null) {
            if (pgArticles == null) {
                d.add("it was kept without PostgreSQL (--no-pg): reuse it with --no-pg");
            } else if (pgNow < 0) {
                d.add("PostgreSQL's database " + pgDatabase + " or its articles table is missing");
            } else if (!pgNow.equals(pgArticles)) {
                d.add(String.format(Locale.ROOT, "PostgreSQL's articles table in %s has %,d rows (stamp: %,d)", pgDatabase,
                        pgNow, pgArticles));
            }
        }
        return d;
    }
}
