package org.narrativewatch.ingest.http;

import java.net.URI;
import java.time.Instant;

/**
 * A successful (2xx) or not-modified (304) answer. {@code body} is already decompressed and
 * within the policy's caps; {@code charset} is what the Content-Type header claimed (often wrong,
 * see {@link Charsets}).
 */
public record Response(URI uri, int status, byte[] body, String contentType, String charset, Validators validators,
                       Instant fetchedAt) {

    public boolean notModified() {
        return status == 304;
    }
}
