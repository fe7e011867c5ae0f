package org.narrativewatch.index;

import java.time.LocalDate;

/**
 * Names the state of the corpus a figure came from, so that briefs and exports can say it and a
 * reader can tell whether the corpus changed since.
 *
 * @param engine   "lucene", "opensearch", ...
 * @param location where the corpus lives: the index folder, or the cluster URL and index name
 * @param articles stored articles
 * @param from     first article day, null when empty
 * @param to       last article day, null when empty
 * @param version  grows with every change the engine made visible (Lucene: the reader's index
 *                 version; OpenSearch: the number of commits)
 */
public record Snapshot(String engine, String location, long articles, LocalDate from, LocalDate to, long version) {

    /** One line for CSV headers and stats: {@code lucene:/data/idx@v42/1000 docs}. */
    public String label() {
        return engine + ":" + location + "@v" + version + "/" + articles + " docs";
    }
}
