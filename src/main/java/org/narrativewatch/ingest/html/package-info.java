/** Article pages as text: title, body with boilerplate removed, the page's own publication date (meta tags, JSON-LD, time elements) and language, from HTML fetched live or read from an archive. Entry type: {@link org.narrativewatch.ingest.html.PageExtractor}. */
package org.narrativewatch.ingest.html;
