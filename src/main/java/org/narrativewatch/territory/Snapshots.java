package org.narrativewatch.territory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.locationtech.jts.geom.Geometry;
import org.narrativewatch.UserException;

/**
 * The dated control-area snapshots: GeoJSON files whose names carry a date ({@code yyyymmdd} or
 * {@code yyyy-mm-dd}), loose in a folder or inside {@code .tar.gz} archives there (read as a stream, never
 * unpacked to disk). Each file holds the Russian-controlled area of that date (all its polygons are unioned).
 */
public final class Snapshots {
    private static final Pattern DATE = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");

    /** Where one snapshot lives: a loose file, or an entry of an archive. */
    private record Location(Path file, String entry) {
        String describe() {
            return entry == null ? file.toString() : file + "!" + entry;
        }
    }

    private final Path where;
    private final NavigableMap<LocalDate, Location> index;

    private Snapshots(Path where, NavigableMap<LocalDate, Location> index) {
        this.where = where;
        this.index = index;
    }

    /** Indexes a folder (loose GeoJSON and tar.gz archives) or a single tar.gz / GeoJSON file. */
    public static Snapshots open(Path path) {
        if (!Files.exists(path)) {
            throw new UserException("snapshots: " + path + " does not exist");
        }
        NavigableMap<LocalDate, Location> index = new TreeMap<>();
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.sorted().toList();
            } catch (IOException e) {
                throw new UserException("snapshots: cannot list " + path + ": " + e.getMessage(), e);
            }
        } else {
            files = List.of(path);
        }
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                indexArchive(f, index);
            } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
                LocalDate d = dateIn(f.getFileName().toString());
                if (d != null) {
                    index.put(d, new Location(f, null));
                }
            }
        }
        if (index.isEmpty()) {
            throw new UserException("snapshots: no dated GeoJSON (name with yyyymmdd) or .tar.gz of them in " + path);
        }
        return new Snapshots(path, index);
    }

    private static void indexArchive(Path archive, Map<LocalDate, Location> index) {
        forEachEntry(archive, (entry, in) -> {
            LocalDate d = dateIn(baseName(entry));
            if (d != null && entry.toLowerCase(java.util.Locale.ROOT).endsWith("json")) {
                index.put(d, new Location(archive, entry));
            }
            return true;
        });
    }

    private interface EntryVisitor {
        /** Returns whether to go on to the next entry. */
        boolean visit(String entryName, InputStream content) throws IOException;
    }

    private static void forEachEntry(Path archive, EntryVisitor visitor) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile() && !visitor.visit(e.getName(), tar)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UserException("snapshots: cannot read archive " + archive + ": " + e.getMessage(), e);
        }
    }

    static LocalDate dateIn(String fileName) {
        Matcher m = DATE.matcher(fileName);
        LocalDate found = null;
        while (m.find()) {
            try {
                found = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException ignored) {
                // digits that are not a date (an id, a size): keep looking
            }
        }
        return found;
    }

    private static String baseName(String entry) {
        int slash = entry.lastIndexOf('/');
        return slash < 0 ? entry : entry.substring(slash + 1);
    }

    public Path where() {
        return where;
    }

    /** The snapshot dates, ascending. */
    public java.util.NavigableSet<LocalDate> dates() {
        return java.util.Collections.unmodifiableNavigableSet(index.navigableKeySet());
    }

    public LocalDate first() {
        return index.firstKey();
    }

    public LocalDate last() {
        return index.lastKey();
    }

    /** The snapshot date used for {@code requested}: that date, or the latest before it. */
    public LocalDate resolve(LocalDate requested) {
        LocalDate d = index.floorKey(requested);
        if (d == null) {
            throw new UserException("snapshots: no snapshot on or before " + requested + " in " + where
                    + " (the first is " + first() + ")");
        }
        return d;
    }

    /** The snapshot of exactly {@code date} (use {@link #resolve} first), in lon/lat. */
    public Geometry load(LocalDate date) {
        Location loc = index.get(date);
        if (loc == null) {
            throw new UserException("snapshots: no snapshot dated " + date + " in " + where);
        }
        Geometry[] found = new Geometry[1];
        if (loc.entry() == null) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(loc.file()))) {
                found[0] = parse(in, loc.describe());
            } catch (IOException e) {
                throw new UserException("snapshots: cannot read " + loc.file() + ": " + e.getMessage(), e);
            }
        } else {
            forEachEntry(loc.file(), (name, in) -> {
                if (name.equals(loc.entry())) {
                    found[0] = parse(in, loc.describe());
                    return false;
                }
                return true;
            });
        }
        return found[0];
    }

    /**
     * Calls {@code visit} with every requested date's geometry (lon/lat), reading each archive once, in the
     * archive's own order (not date order): the caller sorts what it keeps.
     */
    public void forEach(Collection<LocalDate> dates, BiConsumer<LocalDate, Geometry> visit) {
        Set<LocalDate> wanted = new HashSet<>(dates);
        Map<Path, Set<String>> archives = new TreeMap<>();
        for (LocalDate d : wanted) {
            Location loc = index.get(d);
            if (loc == null) {
                throw new UserException("snapshots: no snapshot dated " + d + " in " + where);
            }
            if (loc.entry() == null) {
                visit.accept(d, load(d));
            } else {
                archives.computeIfAbsent(loc.file(), k -> new HashSet<>()).add(loc.entry());
            }
        }
        for (Map.Entry<Path, Set<String>> a : archives.entrySet()) {
            forEachEntry(a.getKey(), (name, in) -> {
                if (a.getValue().contains(name)) {
                    LocalDate d = dateIn(baseName(name));
                    if (wanted.contains(d) && index.get(d).entry().equals(name)) {
                        visit.accept(d, parse(in, a.getKey() + "!" + name));
                    }
                }
                return true;
            });
        }
    }

    private static Geometry parse(InputStream in, String where) {
        // Jackson would close the tar stream at the end of the entry; shield it.
        InputStream shielded = new java.io.FilterInputStream(in) {
            @Override
            public void close() {}
        };
        List<GeoJson.Feature> fs = GeoJson.readFeatures(shielded, where);
        Geometry[] gs = fs.stream().map(GeoJson.Feature::geometry).toArray(Geometry[]::new);
        if (gs.length == 0) {
            return GeoJson.factory().createMultiPolygon();
        }
        Geometry g = gs.length == 1 ? gs[0] : GeoJson.factory().createGeometryCollection(gs).union();
        if (!g.isValid()) {
            // Hand-drawn control maps carry self-touching rings; JTS's GeometryFixer repairs them keeping all area.
            g = org.locationtech.jts.geom.util.GeometryFixer.fix(g);
        }
        return g;
    }
}
