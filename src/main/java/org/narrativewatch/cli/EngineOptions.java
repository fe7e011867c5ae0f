package org.narrativewatch.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.narrativewatch.UserException;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.opensearch.OpenSearchEngine;
import picocli.CommandLine.Option;

/** Which engine a command talks to: mixed into every command that reads or writes the corpus. */
public final class EngineOptions {

    @Option(names = "--index", paramLabel = "DIR",
            description = "Embedded index folder (default: ${DEFAULT-VALUE}; env NWATCH_INDEX).",
            defaultValue = "${env:NWATCH_INDEX:-data/index}")
    public Path index;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "lucene (embedded index in --index) or opensearch (cluster at --url) (default: ${DEFAULT-VALUE}; env NWATCH_ENGINE).",
            defaultValue = "${env:NWATCH_ENGINE:-lucene}")
    public String engine;

    @Option(names = "--url", paramLabel = "URL",
            description = "OpenSearch address for --engine opensearch (default: ${DEFAULT-VALUE}; env NWATCH_OPENSEARCH_URL).",
            defaultValue = "${env:NWATCH_OPENSEARCH_URL:-http://127.0.0.1:9200}")
    public String url;

    @Option(names = "--os-index", paramLabel = "NAME",
            description = "OpenSearch index name for --engine opensearch (default: ${DEFAULT-VALUE}).",
            defaultValue = "nwatch")
    public String osIndex;

    public Engine open() {
        return switch (engine == null ? "lucene" : engine.toLowerCase(Locale.ROOT)) {
            case "lucene" -> LuceneEngine.open(index);
            case "opensearch" -> OpenSearchEngine.open(url, osIndex);
            default -> throw new UserException("--engine must be lucene or opensearch, not '" + engine + "'");
        };
    }
}
