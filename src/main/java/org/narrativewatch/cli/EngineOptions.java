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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** Which engine a command talks to: mixed into every command that reads or writes the corpus. */
public final class EngineOptions {

    // the descriptions are shared with addTo's model of these options (TimelineCommand)
    static final String INDEX = "Embedded index folder (default: ${DEFAULT-VALUE}; env NWATCH_INDEX).";
    static final String INDEX_DEFAULT = "${env:NWATCH_INDEX:-data/index}";
    static final String ENGINE = "lucene (embedded index in --index) or opensearch (cluster at --url) (default: ${DEFAULT-VALUE}; env NWATCH_ENGINE).";
    static final String ENGINE_DEFAULT = "${env:NWATCH_ENGINE:-lucene}";
    static final String URL = "OpenSearch address for --engine opensearch (default: ${DEFAULT-VALUE}; env NWATCH_OPENSEARCH_URL).";
    static final String URL_DEFAULT = "${env:NWATCH_OPENSEARCH_URL:-http://127.0.0.1:9200}";
    static final String OS_INDEX = "OpenSearch index name for --engine opensearch (default: ${DEFAULT-VALUE}).";
    static final String GROUPS = "Outlet groups (CSV outlet,group) applied when figures are computed: gives outlets already "
            + "imported a group, or another one, without re-importing (default: data/groups.csv if present). "
            + "Outlets stored without a group take the outlet directory's (data/outlets.yaml if present, else the bundled list).";

    @Option(names = "--index", paramLabel = "DIR", description = INDEX, defaultValue = INDEX_DEFAULT)
    public Path index;

    @Option(names = "--engine", paramLabel = "ENGINE", description = ENGINE, defaultValue = ENGINE_DEFAULT)
    public String engine;

    @Option(names = "--url", paramLabel = "URL", description = URL, defaultValue = URL_DEFAULT)
    public String url;

    @Option(names = "--os-index", paramLabel = "NAME", description = OS_INDEX, defaultValue = "nwatch")
    public String osIndex;

    @Option(names = "--groups", paramLabel = "FILE", description = GROUPS)
    public Path groups;

    /**
     * The options above, built without reading their annotations and bound to {@code o}'s fields: the model picocli
     * reads from the annotations (OptionModelTest compares the two), for a command described in code (TimelineCommand).
     */
    static void addTo(CommandSpec spec, EngineOptions o) {
        spec.addOption(OptionModel.option(OptionSpec.builder("--index").paramLabel("DIR").description(INDEX)
                .defaultValue(INDEX_DEFAULT).type(Path.class), () -> o.index, v -> o.index = v));
        spec.addOption(OptionModel.option(OptionSpec.builder("--engine").paramLabel("ENGINE").description(ENGINE)
                .defaultValue(ENGINE_DEFAULT).type(String.class), () -> o.engine, v -> o.engine = v));
        spec.addOption(OptionModel.option(OptionSpec.builder("--url").paramLabel("URL").description(URL)
                .defaultValue(URL_DEFAULT).type(String.class), () -> o.url, v -> o.url = v));
        spec.addOption(OptionModel.option(OptionSpec.builder("--os-index").paramLabel("NAME").description(OS_INDEX)
                .defaultValue("nwatch").type(String.class), () -> o.osIndex, v -> o.osIndex = v));
        spec.addOption(OptionModel.option(OptionSpec.builder("--groups").paramLabel("FILE").description(GROUPS)
                .type(Path.class), () -> o.groups, v -> o.groups = v));
    }

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
