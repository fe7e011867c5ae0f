package org.narrativewatch.ingest.http;

import java.time.Duration;

/**
 * How politely and how defensively {@link HttpFetcher} fetches.
 *
 * @param userAgent        sent with every request and matched against robots.txt groups
 * @param connectTimeout   TCP/TLS connection
 * @param readTimeout      until the response headers arrive, and again for the whole body
 * @param minHostInterval  at least this long between two requests to the same host (robots Crawl-delay may raise it)
 * @param maxAttempts      tries per request when the server answers 429 or 5xx
 * @param backoff          first wait between tries when the server gives no Retry-After; doubled each try
 * @param maxRetryAfter    a longer Retry-After is not waited for: the fetch fails as rate limited
 * @param maxBodyBytes     refuse bodies larger than this on the wire
 * @param maxDecodedBytes  refuse bodies that decompress to more than this (gzip bombs)
 * @param respectRobots    consult robots.txt before each fetch
 */
public record FetchPolicy(String userAgent, Duration connectTimeout, Duration readTimeout, Duration minHostInterval,
                          int maxAttempts, Duration backoff, Duration maxRetryAfter, long maxBodyBytes,
                          long maxDecodedBytes, boolean respectRobots) {

    /** The name robots.txt groups are matched against. */
    public static final String ROBOT_NAME = "NarrativeWatch";

    /**
     * "NarrativeWatch/0.1 (news research; polite feed reader)", with the operator's contact (a URL or
     * an e-mail address, from the environment variable NWATCH_CONTACT) when one is set, so a site
     * owner can reach whoever runs the collector.
     */
    public static final String USER_AGENT = userAgent(System.getenv("NWATCH_CONTACT"));

    static String userAgent(String contact) {
        String c = contact == null ? "" : contact.replaceAll("[\\p{Cntrl}()]", "").trim();
        return ROBOT_NAME + "/0.1 (news research; polite feed reader" + (c.isEmpty() ? "" : "; +" + c) + ")";
    }

    public static FetchPolicy defaults() {
        return new FetchPolicy(USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(2),
                3, Duration.ofSeconds(2), Duration.ofMinutes(2), 16L << 20, 32L << 20, true);
    }

    public FetchPolicy withTimeouts(Duration connect, Duration read) {
        return new FetchPolicy(userAgent, connect, read, minHostInterval, maxAttempts, backoff, maxRetryAfter,
                maxBodyBytes, maxDecodedBytes, respectRobots);
    }

    public FetchPolicy withMinHostInterval(Duration interval) {
        return new FetchPolicy(userAgent, connectTimeout, readTimeout, interval, maxAttempts, backoff, maxRetryAfter,
                maxBodyBytes, maxDecodedBytes, respectRobots);
    }

    public FetchPolicy withRetries(int attempts, Duration firstBackoff, Duration longestRetryAfter) {
        return new FetchPolicy(userAgent, connectTimeout, readTimeout, minHostInterval, attempts, firstBackoff,
                longestRetryAfter, maxBodyBytes, maxDecodedBytes, respectRobots);
    }

    public FetchPolicy withCaps(long bodyBytes, long decodedBytes) {
        return new FetchPolicy(userAgent, connectTimeout, readTimeout, minHostInterval, maxAttempts, backoff,
                maxRetryAfter, bodyBytes, decodedBytes, respectRobots);
    }
}
