package org.narrativewatch.collect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.narrativewatch.UserException;

/**
 * Per-outlet collection state in one JSON file beside the index. Every save writes a temporary
 * file, forces it to disk and renames it over the old one, so a kill at any moment leaves either
 * the previous state or the new one, never a torn file.
 */
public final class StateStore {

    /** The file as written: a version for future changes, and the outlets by name. */
    public record Snapshot(int version, Instant updated, Map<String, OutletState> outlets) {
        public Snapshot {
            outlets = new TreeMap<>(outlets == null ? Map.of() : outlets);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, OutletState> outlets;

    private StateStore(Path file, Map<String, OutletState> outlets) {
        this.file = file;
        this.outlets = outlets;
    }

    /** The state file that belongs to an index folder: {@code data/index} → {@code data/index.collect.json}. */
    public static Path fileFor(Path indexDir) {
        Path abs = indexDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".collect.json");
    }

    public static StateStore open(Path file) {
        return new StateStore(file, new TreeMap<>(read(file).outlets()));
    }

    /** Reads a state file; an absent file is an empty state. */
    public static Snapshot read(Path file) {
        if (!Files.exists(file)) {
            return new Snapshot(1, null, Map.of());
        }
        try {
            return JSON.readValue(file.toFile(), Snapshot.class);
        } catch (IOException e) {
            throw new UserException(file + ": unreadable collection state (" + e.getMessage().split("\n")[0]
                    + "); move it aside to start afresh", e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized OutletState get(String outlet, String group) {
        return outlets.getOrDefault(outlet, OutletState.fresh(outlet, group));
    }

    public synchronized Map<String, OutletState> all() {
        return Map.copyOf(outlets);
    }

    /** Records an outlet's new state and writes the whole file atomically. */
    public synchronized void put(OutletState state) throws IOException {
        outlets.put(state.outlet(), state);
        write(new Snapshot(1, Instant.now(), outlets));
    }

    private void write(Snapshot snapshot) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        byte[] bytes = JSON.writeValueAsBytes(snapshot);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // make the rename itself durable
        } catch (IOException e) {
            // some file systems cannot open a directory; the rename is still atomic there
        }
    }
}
