package org.narrativewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.narrativewatch.UserException;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.OutletGroups;
import org.narrativewatch.ingest.outlets.Outlet;
import org.narrativewatch.ingest.outlets.OutletDirectory;
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

    @Option(names = "--groups", paramLabel = "FILE",
            description = "Outlet groups (CSV outlet,group) applied when figures are computed: gives outlets already "
                    + "imported a group, or another one, without re-importing (default: data/groups.csv if present). "
                    + "Outlets stored without a group take the outlet directory's (data/outlets.yaml if present, else the bundled list).")
    public Path groups;

    /** The engine, seen through the outlet groups (see {@link OutletGroups}). */
    public Engine open() {
        OutletGroups assigned = outletGroups();
        Engine e = switch (engine == null ? "lucene" : engine.toLowerCase(Locale.ROOT)) {
            case "lucene" -> LuceneEngine.open(index);
            case "opensearch" -> OpenSearchEngine.open(url, osIndex);
            default -> throw new UserException("--engine must be lucene or opensearch, not '" + engine + "'");
        };
        return assigned.apply(e);
    }

    /** The groups table (--groups, else data/groups.csv when present) over the outlet directory's groups. */
    public OutletGroups outletGroups() {
        Path table = groups != null ? groups : Files.isRegularFile(OutletGroups.USER_FILE) ? OutletGroups.USER_FILE : null;
        if (table != null && !Files.isRegularFile(table)) {
            throw new UserException("--groups " + table + ": no such file");
        }
        Map<String, String> rows = table == null ? Map.of() : OutletGroups.readTable(table);
        OutletDirectory directory = OutletDirectory.load(null);
        return new OutletGroups(rows, name -> directoryGroup(directory, name),
                (table == null ? "" : table + " over ") + directory.origin());
    }

    /** The directory's group of a stored outlet name: by name, else (for a name that is a host) by host. */
    static String directoryGroup(OutletDirectory directory, String name) {
        Optional<Outlet> o = directory.byName(name);
        if (o.isEmpty() && name.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
            o = directory.byHost(name);
        }
        return o.map(Outlet::group).orElse(null);
    }
}
