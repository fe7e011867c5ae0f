/** Polite, bounded HTTP for feeds and article pages: a project User-Agent, robots.txt, a per-host rate limit, conditional GET, retries on 429/5xx honouring Retry-After, timeouts and caps on raw and decompressed size. Entry type: {@link org.narrativewatch.ingest.http.HttpFetcher}. */
package org.narrativewatch.ingest.http;
