package org.narrativewatch.ingest.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code cap} bytes have been read: a bound on wire and decompressed sizes. */
public final class CappedInputStream extends FilterInputStream {

    /** Thrown when the cap is passed. */
    public static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final long cap;
    private final String what;
    private long count;

    public CappedInputStream(InputStream in, long cap, String what) {
        super(in);
        this.cap = cap;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        add(s);
        return s;
    }

    private void add(long n) throws TooLarge {
        count += n;
        if (count > cap) {
            throw new TooLarge("more than " + cap + " bytes " + what);
        }
    }
}
