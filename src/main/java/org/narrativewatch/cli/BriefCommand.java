package org.narrativewatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.brief.Brief;
import org.narrativewatch.brief.BriefChecker;
import org.narrativewatch.brief.BriefContext;
import org.narrativewatch.brief.BriefException;
import org.narrativewatch.brief.BriefParser;
import org.narrativewatch.brief.BriefReport;
import org.narrativewatch.brief.HtmlBrief;
import org.narrativewatch.brief.MarkdownBrief;
import org.narrativewatch.opinion.PollStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nwatch brief check|render FILE}: a brief's figures computed and checked (exit 0: nothing fails, 1: a claim
 * fails, 2: the file is not a brief), or rendered as one self-contained HTML page (or Markdown).
 */
@Command(name = "brief", mixinStandardHelpOptions = true,
        description = {"Briefs: Markdown files whose ```figure blocks (YAML) are computed over the index, territory, polls and "
                + "CSV series, checked against their expectations (holds, fails, unknown, computed) and rendered with charts "
                + "and a provenance appendix. See docs/briefs.md."},
        subcommands = {BriefCommand.Check.class, BriefCommand.Render.class})
public final class BriefCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or render");
    }

    /** Where the inputs are: explicit options, then environment, then the brief's front matter, then defaults. */
    static final class Inputs {
        @Parameters(index = "0", paramLabel = "FILE", description = "The brief (Markdown with ```figure blocks).")
        Path file;

        @Option(names = "--index", paramLabel = "DIR",
                description = "Embedded index for media figures (default: env NWATCH_INDEX, else the brief's front matter 'index', else data/index).")
        Path index;

        @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "${env:NWATCH_ENGINE:-lucene}",
                description = "lucene or opensearch (default: ${DEFAULT-VALUE}).")
        String engine;

        @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:NWATCH_OPENSEARCH_URL:-http://127.0.0.1:9200}",
                description = "OpenSearch address for --engine opensearch (default: ${DEFAULT-VALUE}).")
        String url;

        @Option(names = "--os-index", paramLabel = "NAME", defaultValue = "nwatch", description = "OpenSearch index name (default: ${DEFAULT-VALUE}).")
        String osIndex;

        @Option(names = "--data", paramLabel = "DIR",
                description = "Data folder (geo/, polls/, CSVs; laid out like ../shared/data) for territory, scenario, poll and series "
                        + "figures (default: env NWATCH_DATA, else the brief's front matter 'data', relative to the brief).")
        Path data;

        @Option(names = "--figure", paramLabel = "ID", split = ",", description = "Only these figures (repeat or comma-separate).")
        List<String> figures;

        Brief brief() {
            return BriefParser.read(file);
        }

        /** The brief read and its figures checked; null when the file is not a brief (said on stderr). */
        BriefChecker.Result checked(CommandLine.Model.CommandSpec spec) throws IOException {
            Brief brief;
            try {
                brief = brief();
            } catch (BriefException e) {
                malformed(spec, e);
                return null;
            }
            try (BriefContext ctx = context(brief)) {
                return BriefChecker.check(ctx, figures == null ? null : figures::contains);
            }
        }

        BriefContext context(Brief brief) {
            String envIndex = System.getenv("NWATCH_INDEX");
            Path idx = index != null ? index
                    : envIndex != null && !envIndex.isBlank() ? Path.of(envIndex)
                    : brief.front().index() != null ? brief.folder().resolve(brief.front().index()).normalize()
                    : Path.of("data/index");
            String kind = engine == null ? "lucene" : engine.toLowerCase(Locale.ROOT);
            EngineOptions eo = new EngineOptions();
            eo.index = idx;
            eo.engine = kind;
            eo.url = url;
            eo.osIndex = osIndex;
            String engineArgs;
            String noEngine = null;
            if (kind.equals("opensearch")) {
                engineArgs = "--engine opensearch --url " + url + " --os-index " + osIndex;
            } else {
                engineArgs = "--index " + sh(idx.toString());
                if (!Files.isDirectory(idx)) {
                    noEngine = "no index at " + idx + " (import a corpus with 'nwatch import FILE --index " + idx
                            + "', or give --index DIR)";
                }
            }
            String envData = System.getenv("NWATCH_DATA");
            Path d = data != null ? data
                    : envData != null && !envData.isBlank() ? Path.of(envData)
                    : brief.front().data() != null ? brief.folder().resolve(brief.front().data()).normalize() : null;
            String noData = null;
            if (d == null) {
                noData = "no data folder: give --data DIR (laid out like ../shared/data: geo/, polls/, ...)";
            } else if (!Files.isDirectory(d)) {
                noData = "data folder " + d + " does not exist (give --data DIR)";
                d = null;
            }
            Path polls = kind.equals("lucene") ? PollStore.besideIndex(idx) : null;
            if (polls != null && !Files.isRegularFile(polls)) {
                polls = null;
            }
            return new BriefContext(brief, new BriefContext.Sources(noEngine == null ? eo::open : null, engineArgs, noEngine, d,
                    noData, polls, version(), true));
        }
    }

    /**
     * How {@code nwatch serve --briefs DIR} checks a brief: on the server's own engine (left open), the data folder
     * from {@code --data} else the brief's front matter, and the poll store beside the index.
     */
    public static java.util.function.Function<Brief, BriefContext.Sources> serverSources(org.narrativewatch.index.Engine engine,
                                                                                         EngineOptions eo, Path data) {
        return brief -> {
            Path d = data != null ? data
                    : brief.front().data() != null ? brief.folder().resolve(brief.front().data()).normalize() : null;
            String noData = d == null ? "no data folder: start the server with --data DIR (laid out like ../shared/data)"
                    : Files.isDirectory(d) ? null : "data folder " + d + " does not exist";
            Path polls = eo.index == null ? null : PollStore.besideIndex(eo.index);
            boolean lucene = eo.engine == null || eo.engine.equalsIgnoreCase("lucene");
            return new BriefContext.Sources(() -> engine, lucene ? "--index " + sh(String.valueOf(eo.index))
                    : "--engine opensearch --url " + eo.url + " --os-index " + eo.osIndex, null, noData == null ? d : null, noData,
                    polls != null && Files.isRegularFile(polls) ? polls : null, version(), false);
        };
    }

    static String sh(String word) {
        return word.matches("[\\p{L}\\p{N}_./:=,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    static String version() {
        return Main.class.getAnnotation(Command.class).version()[0];
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Compute every figure and judge its expectation: holds, fails, unknown (with the reason) or computed.",
                    "Exit codes: 0 no claim fails, 1 at least one fails, 2 the file cannot be read as a brief."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Inputs in = new Inputs();
        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text).")
        Formats.TextJson format;

        @Override
        public Integer call() throws IOException {
            BriefChecker.Result r = in.checked(spec);
            if (r == null) {
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Formats.TextJson.JSON ? BriefReport.JSON.writeValueAsString(BriefReport.json(r)) + "\n" : BriefReport.table(r));
            out.flush();
            for (String p : r.problems()) {
                spec.commandLine().getErr().println("nwatch: " + p);
            }
            spec.commandLine().getErr().flush();
            return r.anyFails() ? 1 : 0;
        }
    }

    static void malformed(CommandLine.Model.CommandSpec spec, BriefException e) {
        spec.commandLine().getErr().println("nwatch: " + e.getMessage());
        spec.commandLine().getErr().flush();
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Render the brief: one self-contained HTML page (inline SVG charts, no network, print stylesheet) with each "
                    + "figure's number, chart and status, and a provenance appendix (per figure the command that reproduces it, "
                    + "corpus snapshot, data files with SHA-256, tool version, time); or Markdown with --format md.",
                    "Exit codes: 0 rendered, 1 a user error, 2 the file cannot be read as a brief."})
    static final class Render implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        Inputs in = new Inputs();
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (default: standard output).")
        Path output;
        @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT", converter = PageFormatConverter.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        PageFormat format;

        @Override
        public Integer call() throws IOException {
            BriefChecker.Result r = in.checked(spec);
            if (r == null) {
                return 2;
            }
            String text = format == PageFormat.HTML ? HtmlBrief.render(r) : MarkdownBrief.render(r);
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(text);
                out.flush();
            } else {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                // beside the output and renamed over it: a reader never sees half a page (a plain file: the umask's permissions)
                Path tmp = output.resolveSibling("." + output.getFileName() + ".tmp");
                try {
                    Files.writeString(tmp, text, StandardCharsets.UTF_8);
                    Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.deleteIfExists(tmp);
                    throw new UserException("cannot write " + output + ": " + e.getMessage(), e);
                }
            }
            var err = spec.commandLine().getErr();
            r.problems().forEach(p -> err.println("nwatch: " + p));
            err.println("nwatch: " + summary(r) + (output == null ? "" : "; wrote " + output));
            err.flush();
            return 0;
        }
    }

    /** A rendered brief: a self-contained HTML page or Markdown. */
    enum PageFormat {
        HTML, MD;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final class PageFormatConverter extends Formats.Converter<PageFormat> {
        PageFormatConverter() {
            super(PageFormat.class);
        }
    }

    static String summary(BriefChecker.Result r) {
        long holds = r.claims().stream().filter(c -> c.status() == org.narrativewatch.brief.Status.HOLDS).count();
        long fails = r.claims().stream().filter(c -> c.status() == org.narrativewatch.brief.Status.FAILS).count();
        long unknown = r.claims().stream().filter(c -> c.status() == org.narrativewatch.brief.Status.UNKNOWN).count();
        long computed = r.claims().stream().filter(c -> c.status() == org.narrativewatch.brief.Status.COMPUTED).count();
        return r.claims().size() + " claims: " + holds + " holds, " + fails + " fails, " + unknown + " unknown, " + computed + " computed";
    }
}
