package org.narrativewatch.brief;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.narrativewatch.UserException;
import org.narrativewatch.index.CorpusStats;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.territory.Territory;

/**
 * Where a check finds its inputs, opened lazily and shared by all figures of one run: the engine (only when a media
 * figure asks), the data folder (territory, polls, CSV series), the loaded territory, file hashes and per-run caches,
 * so fifty figures over one index or one control map pay for it once. Not thread-safe: a check runs its figures in
 * order.
 */
public final class BriefContext implements AutoCloseable {

    /**
     * What the command line (or the server) hands a check.
     *
     * @param engine        opens the engine; null when there is none ({@code noEngine} says why)
     * @param engineArgs    the engine options as they would be typed, for reproducing commands ("--index DIR")
     * @param data          the data folder, or null ({@code noData} says why)
     * @param polls         the poll store beside the index (poll figures without a file read it), or null
     * @param toolVersion   "nwatch 0.1.0", said in the provenance
     * @param closeEngine   close the engine at the end of the check (false: it belongs to a server)
     */
    public record Sources(Supplier<Engine> engine, String engineArgs, String noEngine, Path data, String noData,
                          Path polls, String toolVersion, boolean closeEngine) {}

    private final Brief brief;
    private final Sources sources;
    private Engine engine;
    private RuntimeException engineFailure;
    private CorpusStats corpus;
    private Territory territory;
    private RuntimeException territoryFailure;
    private final Map<Path, DataFile> hashes = new HashMap<>();
    private final Map<String, Object> cache = new HashMap<>();

    public BriefContext(Brief brief, Sources sources) {
        this.brief = brief;
        this.sources = sources;
    }

    public Brief brief() {
        return brief;
    }

    public Sources sources() {
        return sources;
    }

    /** The file name as messages say it ("examples/briefs/x.md"). */
    String file() {
        return brief.file().toString();
    }

    /** The engine, opened on first use; a user error saying why when there is none. */
    Engine engine() {
        if (engine == null && engineFailure == null) {
            if (sources.engine() == null) {
                engineFailure = new UserException(sources.noEngine() == null ? "no index given (--index DIR)" : sources.noEngine());
            } else {
                try {
                    engine = sources.engine().get();
                } catch (RuntimeException e) {
                    engineFailure = e instanceof UserException ? e : new UserException("cannot open the index: " + e.getMessage(), e);
                }
            }
        }
        if (engineFailure != null) {
            throw engineFailure;
        }
        return engine;
    }

    /** Whether the engine was opened in this run (the snapshot is reported only then). */
    boolean engineUsed() {
        return engine != null;
    }

    CorpusStats corpus() {
        if (corpus == null) {
            try {
                corpus = Corpus.of(engine()).stats();
            } catch (IOException e) {
                throw new UserException("cannot read the corpus statistics: " + e.getMessage(), e);
            }
        }
        return corpus;
    }

    /** The data folder, or a user error saying why there is none. */
    Path data() {
        if (sources.data() == null) {
            throw new UserException(sources.noData() == null ? "no data folder given (--data DIR)" : sources.noData());
        }
        return sources.data();
    }

    /**
     * A file a figure names: an absolute path, else relative to the data folder, else to the brief's folder. A user
     * error lists where it looked.
     */
    Path file(String name, String where) {
        Path p = Path.of(name);
        List<Path> tried = new ArrayList<>();
        if (p.isAbsolute()) {
            tried.add(p);
        } else {
            if (sources.data() != null) {
                tried.add(sources.data().resolve(p).normalize());
            }
            tried.add(brief.folder().resolve(p).normalize());
        }
        for (Path t : tried) {
            if (Files.isRegularFile(t)) {
                return t;
            }
        }
        throw new UserException(where + "no such file '" + name + "' (looked for " + tried + ")"
                + (sources.data() == null && !p.isAbsolute() ? "; no --data DIR given" : ""));
    }

    /** The territory folder: {@code data/geo} when it exists, else the data folder itself. */
    Path geo() {
        Path d = data();
        Path g = d.resolve("geo");
        return Files.isDirectory(g.resolve("occupied")) ? g : d;
    }

    /** Territory, loaded once per run (regions, places, snapshot index). */
    Territory territory() {
        if (territory == null && territoryFailure == null) {
            try {
                territory = Territory.load(geo());
            } catch (RuntimeException e) {
                territoryFailure = e;
            }
        }
        if (territoryFailure != null) {
            throw territoryFailure;
        }
        return territory;
    }

    /** A value computed once per run under {@code key}. */
    @SuppressWarnings("unchecked")
    <T> T cached(String key, Supplier<T> make) {
        Object v = cache.get(key);
        if (v == null) {
            v = make.get();
            cache.put(key, v);
        }
        return (T) v;
    }

    /** The file's SHA-256 (computed once per run), for the provenance appendix. */
    DataFile hash(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return hashes.computeIfAbsent(abs, p -> {
            try (InputStream in = Files.newInputStream(p)) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[1 << 16];
                long n = 0;
                for (int r; (r = in.read(buf)) > 0; ) {
                    md.update(buf, 0, r);
                    n += r;
                }
                return new DataFile(file.toString(), HexFormat.of().formatHex(md.digest()), n);
            } catch (IOException e) {
                throw new UserException("cannot read " + p + ": " + e.getMessage(), e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Every regular file under {@code dir} (one level of subfolders), hashed: the territory inputs. */
    List<DataFile> hashAll(Path dir) {
        List<DataFile> out = new ArrayList<>();
        try (var s = Files.walk(dir, 2)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (n.endsWith(".geojson") || n.endsWith(".json") || n.endsWith(".csv") || n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
                    out.add(hash(p));
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** A word of a reproducing command, quoted for a POSIX shell when it needs to be. */
    static String sh(String word) {
        if (word.matches("[\\p{L}\\p{N}_./:=,@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() throws IOException {
        if (engine != null && sources.closeEngine()) {
            engine.close();
        }
        engine = null;
    }
}
