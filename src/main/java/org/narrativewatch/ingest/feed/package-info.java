/** RSS and Atom feeds (ROME, parsed with DOCTYPEs refused): items become articles dated from the feed, or guessed from the fetch time and flagged; a feed file or address is also a one-off import source. Entry type: {@link org.narrativewatch.ingest.feed.FeedParser}. */
package org.narrativewatch.ingest.feed;
