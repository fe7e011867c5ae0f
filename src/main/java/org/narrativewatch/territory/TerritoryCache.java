package org.narrativewatch.territory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The slow part of loading a territory folder, kept on disk between runs: the regions clipped to land, their union
 * and its inward buffer (seconds of overlay and buffering per run, most of a territory figure's time). Keyed by the
 * SHA-256 of the region and land files' bytes, the border tolerance, the JTS version and {@link #FORMAT}, so a
 * changed file or a changed computation is a new entry. Geometries are stored as WKB (exact doubles), so a territory
 * read back is the same geometry a fresh load makes, and every figure the same number.
 *
 * <p>Where: {@code -Dnwatch.cache=DIR}, else env {@code NWATCH_CACHE}, else {@code ~/.cache/nwatch}; {@code off}
 * turns it off. A cache that cannot be read or written is skipped (the load computes as before).
 */
public final class TerritoryCache {
    /** Bump when the clipping, union or buffer of the regions changes. */
    static final String FORMAT = "territory-cache-1";
    private static final byte[] MAGIC = "NWTC1".getBytes(StandardCharsets.US_ASCII);

    private final Path dir;

    public TerritoryCache(Path dir) {
        this.dir = dir;
    }

    /** What is kept: the regions (in the plane, clipped to land), land and core. */
    record Entry(List<Region> regions, Geometry land, Geometry core) {}

    /** The cache the settings name, or null when it is off. */
    static TerritoryCache standard() {
        String where = System.getProperty("nwatch.cache");
        if (where == null || where.isBlank()) {
            where = System.getenv("NWATCH_CACHE");
        }
        if (where != null && where.strip().equalsIgnoreCase("off")) {
            return null;
        }
        Path base = where != null && !where.isBlank() ? Path.of(where) : Path.of(System.getProperty("user.home"), ".cache", "nwatch");
        return new TerritoryCache(base.resolve("territory"));
    }

    /** The key of these input files with this tolerance; null when a file cannot be read (then no caching). */
    String key(List<Path> files, double borderToleranceM) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((FORMAT + "|" + org.locationtech.jts.JTSVersion.CURRENT_VERSION + "|" + borderToleranceM)
                    .getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                md.update(("|" + f.getFileName() + "|").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    for (int r; (r = in.read(buf)) > 0; ) {
                        md.update(buf, 0, r);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry under {@code key}, or null when there is none or it cannot be read whole. */
    Entry read(String key) {
        Path f = dir.resolve(key + ".wkb");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return null;
            }
            WKBReader wkb = new WKBReader(GeoJson.factory());
            int n = in.readInt();
            List<Region> regions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                String iso = in.readUTF();
                regions.add(Region.of(name, iso, geometry(in, wkb)));
            }
            Geometry land = geometry(in, wkb);
            Geometry core = geometry(in, wkb);
            return new Entry(regions, land, core);
        } catch (IOException | ParseException | RuntimeException e) {
            return null; // a damaged or foreign file: computed afresh and written again
        }
    }

    /** Writes the entry (to a temporary file moved into place: a crash leaves no half entry). Failures are ignored. */
    void write(String key, Entry e) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try {
                WKBWriter wkb = new WKBWriter(2);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    out.write(MAGIC);
                    out.writeInt(e.regions().size());
                    for (Region r : e.regions()) {
                        out.writeUTF(r.name());
                        out.writeUTF(r.iso());
                        geometry(out, wkb, r.area());
                    }
                    geometry(out, wkb, e.land());
                    geometry(out, wkb, e.core());
                }
                try {
                    Files.move(tmp, dir.resolve(key + ".wkb"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException x) {
                    Files.move(tmp, dir.resolve(key + ".wkb"), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException x) {
            // a read-only home or a full disk: the next run computes again, nothing else changes
        }
    }

    private static Geometry geometry(DataInputStream in, WKBReader wkb) throws IOException, ParseException {
        int len = in.readInt();
        if (len < 0 || len > (1 << 30)) {
            throw new IOException("bad length " + len);
        }
        return wkb.read(in.readNBytes(len));
    }

    private static void geometry(DataOutputStream out, WKBWriter wkb, Geometry g) throws IOException {
        byte[] b = wkb.write(g);
        out.writeInt(b.length);
        out.write(b);
    }
}
