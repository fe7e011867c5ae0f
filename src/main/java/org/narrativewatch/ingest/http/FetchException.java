package org.narrativewatch.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;

/** A fetch that gave no usable answer, with what kind of failure it was so a scheduler can react. */
public final class FetchException extends IOException {

    public enum Kind {
        /** DNS, refused or reset connection: the network or the host is down */
        UNREACHABLE,
        /** no answer within the connect or read timeout */
        TIMEOUT,
        /** robots.txt disallows the address for our User-Agent */
        DISALLOWED_BY_ROBOTS,
        /** 429 or 503 with a Retry-After beyond what we wait for, or still 429 after the retries */
        RATE_LIMITED,
        /** any other non-2xx status, or 5xx after the retries */
        HTTP_STATUS,
        /** larger than the caps on wire or decompressed size */
        TOO_LARGE,
        /** the body could not be read or decompressed */
        BAD_BODY
    }

    private final transient URI uri;
    private final Kind kind;
    private final int status;
    private final Instant retryAfter;

    public FetchException(URI uri, Kind kind, int status, Instant retryAfter, String message, Throwable cause) {
        super(uri + ": " + message, cause);
        this.uri = uri;
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public FetchException(URI uri, Kind kind, String message) {
        this(uri, kind, 0, null, message, null);
    }

    public URI uri() {
        return uri;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** When the server said to come back, or null. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
