package org.narrativewatch.ingest.http;

/** What a server said identifies the version it sent; sent back so it can answer 304 Not Modified. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
