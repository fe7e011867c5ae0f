package org.narrativewatch.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops a decompressing stream that expands far more than text does: news dumps gunzip to 3–6 times
 * their size, a decompression bomb to 1,000 times (256 MB of tiny records from a 261 kB file).
 * Below {@link #FLOOR} bytes out nothing is checked, so small files of repetitive text pass.
 * Written here because the JDK's GZIPInputStream has no such bound and commons-compress's
 * {@code setMemoryLimitInKb} applies to other formats only.
 */
final class ExpansionGuard extends FilterInputStream {

    /** Decompressed bytes read before the ratio is checked. */
    static final long FLOOR = 4L << 20;
    /** Largest accepted ratio of decompressed to compressed bytes. */
    static final int MAX_RATIO = 100;

    /** Thrown when the ratio is passed; a read error of the file, reported as its failure. */
    static final class Bomb extends IOException {
        Bomb(String message) {
            super(message);
        }
    }

    /** Counts the compressed bytes the decompressor has taken so far. */
    static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private final Counting compressed;
    private long out;

    ExpansionGuard(InputStream decompressed, Counting compressed) {
        super(decompressed);
        this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            check(n);
        }
        return n;
    }

    private void check(int n) throws Bomb {
        out += n;
        if (out > FLOOR && out > MAX_RATIO * Math.max(1, compressed.count)) {
            throw new Bomb("decompressed to more than " + MAX_RATIO + " times its compressed size ("
                    + out + " bytes from " + compressed.count + "): a decompression bomb, or not a news dump");
        }
    }

    /**
     * Decompresses the start of a gzip file (up to twice {@link #FLOOR}) and refuses the file when it
     * already expands past the ratio there, so that an obvious bomb is refused before any of its
     * records is stored. The stream guard still watches the rest. Read errors are left to the import.
     */
    static void precheck(java.nio.file.Path file) {
        Counting counted;
        long out = 0;
        try (InputStream raw = java.nio.file.Files.newInputStream(file)) {
            counted = new Counting(new java.io.BufferedInputStream(raw, 1 << 16));
            try (InputStream in = new java.util.zip.GZIPInputStream(counted, 1 << 16)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while (out <= 2 * FLOOR && (n = in.read(buf)) > 0) {
                    out += n;
                }
            }
        } catch (IOException e) {
            return;
        }
        if (out > FLOOR && out > MAX_RATIO * Math.max(1, counted.count)) {
            throw new org.narrativewatch.UserException(file + ": decompresses to more than " + MAX_RATIO
                    + " times its compressed size (" + out + " bytes from the first " + counted.count
                    + "): a decompression bomb, or not a news dump; nothing was imported");
        }
    }
}
