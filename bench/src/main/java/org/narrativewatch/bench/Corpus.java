package org.narrativewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One corpus as every system receives it: {@code file} is what both importers read (JSONL, gzip or
 * plain), {@code plain} its gunzipped copy for ripgrep (made before timing starts).
 */
public record Corpus(String name, Path file, Path plain, long lines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean gzipped() {
        return file.getFileName().toString().endsWith(".gz");
    }

    /** The shell command that writes the JSONL to stdout (PostgreSQL's COPY reads it). */
    String catCommand() {
        return (gzipped() ? "gzip -dc " : "cat ") + Exec.q(file);
    }

    /** A corpus read from {@code file} as it is, with a gunzipped copy in {@code work} for ripgrep. */
    static Corpus of(String name, Path file, Path work) throws IOException {
        Path plain = work.resolve(name + ".jsonl");
        long n = 0;
        try (BufferedReader r = reader(file); BufferedWriter w = Files.newBufferedWriter(plain, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                w.write(line);
                w.write('\n');
                n++;
            }
        }
        return new Corpus(name, file, plain, n);
    }

    /** The first {@code limit} lines of {@code file}, as a plain JSONL file in {@code work}. */
    static Corpus slice(String name, Path file, long limit, Path work) throws IOException {
        Path plain = work.resolve(name + ".jsonl");
        long n = 0;
        try (BufferedReader r = reader(file); BufferedWriter w = Files.newBufferedWriter(plain, StandardCharsets.UTF_8)) {
            for (String line; n < limit && (line = r.readLine()) != null; ) {
                w.write(line);
                w.write('\n');
                n++;
            }
        }
        return new Corpus(name, plain, plain, n);
    }

    /**
     * The corpus {@code times} over, each copy after the first with new ids and URLs ({@code ?copy=k}),
     * so both systems store every copy as a new article: a bigger corpus with the same vocabulary and
     * exactly {@code times} as many matches per day, which makes the counts checkable.
     */
    public static Corpus multiplied(String name, Path file, int times, Path work) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        try (BufferedReader r = reader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode o = (ObjectNode) JSON.readTree(line);
                lines.add(line);
                keys.add(new String[] {o.path("id").asText(null), o.path("url").asText(null)});
            }
        }
        Path plain = work.resolve(name + ".jsonl");
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(plain, StandardCharsets.UTF_8)) {
            for (int k = 0; k < times; k++) {
                for (int i = 0; i < lines.size(); i++) {
                    w.write(k == 0 ? lines.get(i) : renamed(lines.get(i), keys.get(i), k));
                    w.write('\n');
                    n++;
                }
            }
        }
        return new Corpus(name, plain, plain, n);
    }

    /** The line with copy {@code k}'s id and URL: string surgery where the line spells them plainly, else re-serialised. */
    static String renamed(String line, String[] idUrl, int k) throws IOException {
        String s = line;
        String id = idUrl[0];
        String url = idUrl[1];
        String newUrl = url == null ? null : url + (url.contains("?") ? "&" : "?") + "copy=" + k;
        String newId = id == null ? null : id + "-copy" + k;
        String quotedUrl = url == null ? null : JSON.writeValueAsString(url);
        String quotedId = id == null ? null : JSON.writeValueAsString(id);
        boolean plainSpelling = (url == null || s.contains(quotedUrl)) && (id == null || s.contains(quotedId));
        if (plainSpelling) {
            if (url != null) {
                s = s.replace(quotedUrl, JSON.writeValueAsString(newUrl));
            }
            if (id != null) {
                s = s.replace(quotedId, JSON.writeValueAsString(newId));
            }
            return s;
        }
        ObjectNode o = (ObjectNode) JSON.readTree(line);
        if (url != null) {
            o.put("url", newUrl);
        }
        if (id != null) {
            o.put("id", newId);
        }
        return JSON.writeValueAsString(o);
    }

    private static BufferedReader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Removes a folder and everything in it (nothing when it does not exist). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            List<Path> all = new ArrayList<>(s.toList());
            Collections.reverse(all);
            for (Path x : all) {
                Files.delete(x);
            }
        }
    }
}
