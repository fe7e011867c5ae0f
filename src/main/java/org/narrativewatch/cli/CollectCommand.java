package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.collect.Collector;
import org.narrativewatch.collect.CycleReport;
import org.narrativewatch.collect.StateStore;
import org.narrativewatch.index.Engine;
import org.narrativewatch.ingest.http.FetchPolicy;
import org.narrativewatch.ingest.http.HttpFetcher;
import org.narrativewatch.ingest.outlets.OutletDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nwatch collect}: fetch the outlets' feeds into the index, once or on a schedule. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect articles from the outlets' RSS/Atom feeds into the index, once or every --interval "
                + "minutes until stopped (Ctrl-C).",
                "Outlets come from --outlets FILE, else data/outlets.yaml if present, else the bundled list "
                        + "(print it with --print-outlets to start your own).",
                "Items dated outside --min-date..--max-date are refused and counted by reason (nwatch status)."})
public final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--outlets", paramLabel = "FILE", description = "Outlets file (YAML; see docs/collection.md).")
    Path outletsFile;

    @Option(names = "--once", description = "Run one cycle over all outlets, then exit.")
    boolean once;

    @Option(names = "--interval", paramLabel = "MIN", defaultValue = "30",
            description = "Minutes between cycles (default: ${DEFAULT-VALUE}).")
    int intervalMinutes;

    @Option(names = "--outlet", paramLabel = "NAME", split = ",",
            description = "Collect only these outlets (names as in the outlets file).")
    List<String> only;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
            description = "Outlets fetched at the same time (default: ${DEFAULT-VALUE}); the per-host interval "
                    + "holds whatever this is.")
    int threads;

    @Option(names = "--host-interval", paramLabel = "SEC", defaultValue = "2",
            description = "Seconds between two requests to the same host (default: ${DEFAULT-VALUE}; a robots.txt "
                    + "Crawl-delay may raise it).")
    double hostInterval;

    @Option(names = "--print-outlets", description = "Print the bundled outlets file and exit.")
    boolean printOutlets;

    @Mixin
    DateWindowOptions dates;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (printOutlets) {
            out.print(OutletDirectory.bundledText());
            out.flush();
            return 0;
        }
        if (hostInterval < 0) {
            throw new UserException("--host-interval must not be negative, not " + hostInterval);
        }
        if (intervalMinutes < 1) {
            throw new UserException("--interval must be at least 1 minute, not " + intervalMinutes);
        }
        OutletDirectory outlets = OutletDirectory.load(outletsFile);
        if (only != null && !only.isEmpty()) {
            outlets = outlets.only(only);
        }
        Duration interval = Duration.ofMinutes(intervalMinutes);
        org.narrativewatch.ingest.DateWindow window = dates.window(java.time.Clock.systemUTC());
        Engine engine = engineOptions.open();
        Collector collector = new Collector(engine, outlets, StateStore.open(StateStore.fileFor(engineOptions.index)),
                new HttpFetcher(FetchPolicy.defaults().withMinHostInterval(
                        java.time.Duration.ofMillis(Math.round(hostInterval * 1000)))), threads, line -> {
                    err.println(TerminalText.escape(line));
                    err.flush();
                }).dates(window);
        err.println("collect: " + outlets.outlets().size() + " outlets from " + outlets.origin() + " into "
                + engineOptions.index + "; state in " + collector.store().file());
        err.flush();
        if (once) {
            try (collector; engine) {
                CycleReport r = collector.runCycle();
                err.println(r.offline() ? Collector.offlineMessage(r, interval).replaceFirst("; trying again.*", ".")
                        : "collect: " + r.summary());
                err.flush();
            }
            return 0;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (collector; engine) {
                err.println("collect: stopping (the outlet in progress is finished and committed)");
                err.flush();
            } catch (Exception e) {
                err.println("collect: error while stopping: " + e);
            } finally {
                closed.countDown();
            }
        }, "nwatch-collect-shutdown"));
        collector.start(interval);
        closed.await();
        return 0;
    }
}
