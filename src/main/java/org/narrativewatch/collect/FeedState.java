package org.narrativewatch.collect;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the collector remembers about one feed between fetches.
 *
 * @param url          the feed address
 * @param etag         validators from the last full answer, sent back for a 304
 * @param lastModified see etag
 * @param lastFetch    when it was last tried
 * @param result       ok, not_modified, waiting, or the failure kind (unreachable, timeout, rate_limited, …)
 * @param error        the last failure's message, null after a success
 * @param failures     consecutive failures (0 after a success): spaces out retries of a dead feed
 * @param retryAfter   do not ask before this (a server's Retry-After), or null
 * @param seen         addresses of the latest items already stored (bounded), so pages are not fetched twice
 * @param rejected     items of the feed's latest full answer that were refused, by reason class (the
 *                     import's classes: "date in the future", "date before the accepted window", …);
 *                     a 304 or a failure keeps the counts of the answer before, which the feed still holds
 */
public record FeedState(String url, String etag, String lastModified, Instant lastFetch, String result, String error,
                        int failures, Instant retryAfter, List<String> seen, SortedMap<String, Long> rejected) {

    public FeedState {
        seen = seen == null ? List.of() : List.copyOf(seen);
        rejected = Collections.unmodifiableSortedMap(new TreeMap<>(rejected == null ? Map.of() : rejected));
    }

    public static FeedState fresh(String url) {
        return new FeedState(url, null, null, null, null, null, 0, null, List.of(), null);
    }
}
