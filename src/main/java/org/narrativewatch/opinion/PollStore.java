package org.narrativewatch.opinion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.narrativewatch.UserException;

/**
 * Imported polls in one JSON file. Small (thousands of points), so it is read whole and written
 * whole: to a temporary file in the same folder, flushed to disk, then renamed over the old one, so
 * a crash leaves either the old file or the new one, never half of either. A point is identified by
 * series and fieldwork period: importing the same file twice adds nothing.
 */
public final class PollStore {

    static final int FORMAT = 1;

    private final Path file;
    private final Map<String, PollPoint> points = new LinkedHashMap<>();

    private PollStore(Path file) {
        this.file = file;
    }

    /** The store that sits beside an index folder: {@code data/index} keeps its polls in {@code data/polls.json}. */
    public static Path besideIndex(Path indexDir) {
        Path abs = indexDir.toAbsolutePath().normalize();
        Path parent = abs.getParent() != null ? abs.getParent() : abs;
        return parent.resolve("polls.json");
    }

    /** Opens the store in {@code file}, empty when the file does not exist yet. */
    public static PollStore open(Path file) {
        PollStore store = new PollStore(file);
        if (Files.exists(file)) {
            StoredFile stored;
            try {
                stored = MAPPER.readValue(file.toFile(), StoredFile.class);
            } catch (IOException e) {
                throw new UserException(file + ": poll store is not readable: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
            if (stored.format() != FORMAT) {
                throw new UserException(file + ": poll store format " + stored.format() + ", this version reads " + FORMAT);
            }
            for (StoredPoint sp : stored.points()) {
                PollPoint p = sp.toPoint(file);
                store.points.put(p.identity(), p);
            }
        }
        return store;
    }

    public Path file() {
        return file;
    }

    /** Counts of what a merge did. */
    public record Merge(int added, int updated, int unchanged) {}

    /** Adds new points, replaces points of the same series and period whose figures changed. Not saved until {@link #save}. */
    public Merge merge(Collection<PollPoint> incoming) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (PollPoint p : incoming) {
            PollPoint old = points.put(p.identity(), p);
            if (old == null) {
                added++;
            } else if (sameFigures(old, p)) {
                points.put(p.identity(), old);  // keep the first provenance
                unchanged++;
            } else {
                updated++;
            }
        }
        return new Merge(added, updated, unchanged);
    }

    private static boolean sameFigures(PollPoint a, PollPoint b) {
        return a.percent() == b.percent() && java.util.Objects.equals(a.n(), b.n()) && a.nUsed() == b.nUsed()
                && a.designEffect() == b.designEffect() && a.kind() == b.kind() && a.mode().equals(b.mode());
    }

    /** Writes the store atomically (temporary file, fsync, rename). */
    public void save() {
        List<StoredPoint> out = points.values().stream()
                .sorted(Comparator.comparing((PollPoint p) -> p.key().id()).thenComparing(PollPoint::start))
                .map(StoredPoint::of).toList();
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".polls-", ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                MAPPER.writeValue(os, new StoredFile(FORMAT, out));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("poll store serialisation", e);
        } catch (IOException e) {
            throw new UserException(file + ": cannot write poll store: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file never replaces the store
                }
            }
        }
    }

    /** Every series, by id, points in date order. */
    public Map<String, PollSeries> series() {
        Map<String, List<PollPoint>> byId = new TreeMap<>();
        for (PollPoint p : points.values()) {
            byId.computeIfAbsent(p.key().id(), k -> new ArrayList<>()).add(p);
        }
        Map<String, PollSeries> out = new LinkedHashMap<>();
        byId.forEach((id, ps) -> out.put(id, new PollSeries(ps.get(0).key(), ps)));
        return out;
    }

    /**
     * The series named by {@code wanted}: its exact id, or the one series whose id contains it
     * (case-insensitive). Ambiguity and absence are user errors that list the candidates.
     */
    public PollSeries find(String wanted) {
        Map<String, PollSeries> all = series();
        PollSeries exact = all.get(wanted);
        if (exact != null) {
            return exact;
        }
        String w = wanted.toLowerCase(java.util.Locale.ROOT);
        List<String> hits = all.keySet().stream().filter(id -> id.contains(w)).toList();
        if (hits.size() == 1) {
            return all.get(hits.get(0));
        }
        if (hits.isEmpty()) {
            throw new UserException("no poll series '" + wanted + "' in " + file + " (" + all.size()
                    + " series; see 'nwatch opinion list')");
        }
        throw new UserException("poll series '" + wanted + "' is ambiguous: " + String.join(", ", hits.subList(0, Math.min(8, hits.size())))
                + (hits.size() > 8 ? " …" : ""));
    }

    public int size() {
        return points.size();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's shape: kept apart from {@link PollPoint} so the format changes only on purpose. */
    record StoredFile(int format, List<StoredPoint> points) {}

    record StoredPoint(String pollster, String question, String answer, LocalDate start, LocalDate end,
                       double percent, Integer n, int nUsed, double designEffect, String kind, String mode,
                       String dating, String origin) {

        static StoredPoint of(PollPoint p) {
            return new StoredPoint(p.key().pollster(), p.key().question(), p.key().answer(), p.start(), p.end(),
                    p.percent(), p.n(), p.nUsed(), p.designEffect(), p.kind().name(), p.mode(), p.dating(), p.origin());
        }

        PollPoint toPoint(Path file) {
            try {
                return new PollPoint(new SeriesKey(pollster, question, answer), start, end, percent, n, nUsed,
                        designEffect, PollPoint.Kind.valueOf(kind), mode, dating, origin);
            } catch (RuntimeException e) {
                throw new UserException(file + ": poll store has a bad point (" + origin + "): " + e.getMessage(), e);
            }
        }
    }
}
