package org.narrativewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.narrativewatch.UserException;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.LuceneEngine;
import org.narrativewatch.index.OutletGroups;
import org.narrativewatch.ingest.outlets.OutletDirectory;
import org.narrativewatch.ingest.outlets.OutletGroupIndex;
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
        if (Files.isRegularFile(OutletDirectory.USER_FILE)) {
            // the user's file is read now, so that a mistake in it is reported whatever the command needs
            OutletDirectory directory = OutletDirectory.load(null);
            OutletGroupIndex index = OutletGroupIndex.of(directory);
            return new OutletGroups(rows, index::groupOf, (table == null ? "" : table + " over ") + directory.origin());
        }
        // The bundled list: its index written at build time, read only if an outlet stored without a group is looked
        // up (parsing the YAML cost a fifth of a one-shot timeline; OutletGroupIndex)
        Supplier<OutletGroupIndex> bundled = new Supplier<>() {
            private OutletGroupIndex index;

            @Override
            public synchronized OutletGroupIndex get() {
                if (index == null) {
                    index = OutletGroupIndex.bundled().orElseGet(() -> OutletGroupIndex.of(OutletDirectory.bundled()));
                }
                return index;
            }
        };
        return new OutletGroups(rows, name -> bundled.get().groupOf(name),
                (table == null ? "" : table + " over ") + OutletDirectory.BUNDLED_ORIGIN);
    }
}
