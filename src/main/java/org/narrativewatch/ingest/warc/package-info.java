/** Web archives (WARC, plain or gzip, read with jwarc): each archived HTML page becomes an article dated from its own metadata, or from the capture date and flagged as guessed. Entry type: {@link org.narrativewatch.ingest.warc.WarcSource}. */
package org.narrativewatch.ingest.warc;
