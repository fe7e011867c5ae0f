package org.narrativewatch.server;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.narrativewatch.UserException;

/**
 * The events layer, kept in one small CSV file ({@code id,date,label,kind}). Every change rewrites
 * the file through a temporary file and an atomic rename, so a crash leaves the old list or the new
 * one, never half of one. A new store starts from the starter set of key dates shipped with the jar.
 */
public final class EventStore {

    static final int MAX_EVENTS = 5000;
    static final int MAX_LABEL = 200;
    static final int MAX_KIND = 30;
    // strict quoting: only values that need it are quoted, so the file reads well in a diff
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema FILE_SCHEMA = CsvSchema.builder()
            .addColumn("id").addColumn("date").addColumn("label").addColumn("kind").build().withHeader();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private List<Event> events;

    private EventStore(Path file, List<Event> events) {
        this.file = file;
        this.events = events;
    }

    /** Opens the store in {@code file}; when absent, creates it with the starter set. */
    public static EventStore open(Path file) throws IOException {
        removeStaleTemporaries(file);
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return new EventStore(file, read(r, file.toString(), true));
            }
        }
        EventStore s = new EventStore(file, List.of());
        s.save(new ArrayList<>(starter()));
        return s;
    }

    /** A temporary file older than this is left over from a killed save, never one in progress. */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(10);

    /**
     * Deletes {@code .events-*.tmp} files that a process killed between writing and renaming left
     * beside the store. Only old ones: a save in progress (another server on the same file) writes
     * and renames its temporary file within milliseconds.
     */
    static int removeStaleTemporaries(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        long cutoff = System.currentTimeMillis() - STALE.toMillis();
        try (var stream = Files.newDirectoryStream(dir, ".events-*.tmp")) {
            for (Path p : stream) {
                try {
                    if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toMillis() < cutoff) {
                        Files.deleteIfExists(p);
                        removed++;
                    }
                } catch (IOException e) {
                    // another process removed it, or it is not ours to remove: leave it
                }
            }
        } catch (IOException e) {
            // an unreadable folder: the store's own open reports what matters
        }
        return removed;
    }

    /** The key dates shipped with NarrativeWatch. */
    public static List<Event> starter() {
        try (InputStream in = EventStore.class.getResourceAsStream("starter-events.csv")) {
            Objects.requireNonNull(in, "starter-events.csv missing from the jar");
            return read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "starter-events.csv", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<Event> list() {
        return List.copyOf(events);
    }

    public synchronized Event add(LocalDate date, String label, String kind) throws IOException {
        Event e = checked(newId(), date, label, kind, "event");
        List<Event> next = new ArrayList<>(events);
        next.add(e);
        save(next);
        return e;
    }

    /** Removes the event; false when there is none with this id. */
    public synchronized boolean delete(String id) throws IOException {
        List<Event> next = new ArrayList<>(events);
        if (!next.removeIf(e -> e.id().equals(id))) {
            return false;
        }
        save(next);
        return true;
    }

    public synchronized Optional<Event> get(String id) {
        return events.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Result of a CSV import: events added, and rows skipped because the same date and label exist. */
    public record ImportResult(int added, int skipped) {}

    /**
     * Adds the events of a CSV with a header naming at least {@code date} and {@code label}
     * ({@code kind} optional; an {@code id} column is ignored). The whole file is checked before
     * anything is stored: an error names the line and field and changes nothing.
     */
    public synchronized ImportResult importCsv(String csv) throws IOException {
        List<Event> incoming = read(new StringReader(csv), "uploaded CSV", false);
        List<Event> next = new ArrayList<>(events);
        int added = 0;
        int skipped = 0;
        for (Event e : incoming) {
            boolean dup = next.stream().anyMatch(x -> x.date().equals(e.date()) && x.label().equals(e.label()));
            if (dup) {
                skipped++;
            } else {
                next.add(new Event(newId(), e.date(), e.label(), e.kind()));
                added++;
            }
        }
        if (added > 0) {
            save(next);
        }
        return new ImportResult(added, skipped);
    }

    public synchronized String exportCsv() {
        return write(events);
    }

    private void save(List<Event> next) throws IOException {
        if (next.size() > MAX_EVENTS) {
            throw new UserException("events: at most " + MAX_EVENTS + " events are kept");
        }
        next.sort(Comparator.comparing(Event::date).thenComparing(Event::label));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".events-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(StandardCharsets.UTF_8.encode(write(next)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        events = List.copyOf(next);
    }

    /**
     * A cell a spreadsheet would run as a formula ({@code =cmd|' /C calc'!A0}, {@code +}, {@code -},
     * {@code @}, or a leading tab or CR) gets a leading apostrophe, the OWASP-recommended defence:
     * spreadsheets show the text and hide the apostrophe. {@link #unescapeCell} undoes it on import,
     * so an exported file imports back unchanged.
     */
    static String escapeCell(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        char c = v.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || (c == '\'' && v.length() > 1 && "=+-@\t\r'".indexOf(v.charAt(1)) >= 0);
        return risky ? "'" + v : v;
    }

    static String unescapeCell(String v) {
        if (v != null && v.length() > 1 && v.charAt(0) == '\'' && "=+-@\t\r'".indexOf(v.charAt(1)) >= 0) {
            return v.substring(1);
        }
        return v;
    }

    private static String write(List<Event> list) {
        try {
            return CSV.writer(FILE_SCHEMA).writeValueAsString(list.stream()
                    .map(e -> Map.of("id", e.id(), "date", e.date().toString(), "label", escapeCell(e.label()),
                            "kind", escapeCell(e.kind())))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Event> read(Reader r, String name, boolean needIds) throws IOException {
        List<Event> out = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema).readValues(r)) {
            while (it.hasNextValue()) {
                Map<String, String> row;
                int line = it.getCurrentLocation().getLineNr();
                try {
                    row = it.nextValue();
                } catch (RuntimeException e) {
                    throw new UserException(name + " line " + line + ": not CSV (" + e.getMessage().lines().findFirst().orElse("") + ")");
                }
                if (!row.containsKey("date") || !row.containsKey("label")) {
                    throw new UserException(name + ": the header must name the columns date and label (and optionally kind)");
                }
                String id = row.get("id");
                if (needIds && (id == null || id.isBlank())) {
                    throw new UserException(name + " line " + line + ": field id is empty");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(Objects.requireNonNullElse(row.get("date"), "").trim());
                } catch (DateTimeParseException e) {
                    throw new UserException(name + " line " + line + ": field date '" + row.get("date") + "' is not YYYY-MM-DD");
                }
                out.add(checked(needIds ? id.trim() : newId(), date, unescapeCell(row.get("label")),
                        unescapeCell(row.get("kind")), name + " line " + line));
                if (out.size() > MAX_EVENTS) {
                    throw new UserException(name + ": more than " + MAX_EVENTS + " events");
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserException(name + ": not CSV (" + e.getOriginalMessage() + ")");
        }
        return out;
    }

    private static Event checked(String id, LocalDate date, String label, String kind, String where) {
        if (date == null) {
            throw new UserException(where + ": field date is required (YYYY-MM-DD)");
        }
        if (date.getYear() < 1900 || date.getYear() > 2200) {
            throw new UserException(where + ": field date " + date + " is out of range");
        }
        String l = label == null ? "" : label.strip();
        if (l.isEmpty()) {
            throw new UserException(where + ": field label is empty");
        }
        if (l.length() > MAX_LABEL) {
            throw new UserException(where + ": field label is longer than " + MAX_LABEL + " characters");
        }
        String k = kind == null || kind.isBlank() ? "other" : kind.strip();
        if (k.length() > MAX_KIND || !k.matches("[\\p{L}\\p{N}_-]+")) {
            throw new UserException(where + ": field kind must be one word of letters, digits, - or _ (at most " + MAX_KIND + ")");
        }
        return new Event(id, date, l.replaceAll("[\\r\\n]+", " "), k);
    }

    private static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
