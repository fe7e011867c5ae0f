/** Sources: readers that turn files, feeds, archives and exports into {@link org.narrativewatch.article.Article}s, and the importer that feeds them to an engine with counters and checkpoints. Entry type: {@link org.narrativewatch.ingest.Importer}. */
package org.narrativewatch.ingest;
