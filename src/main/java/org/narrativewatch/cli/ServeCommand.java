package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.UserException;
import org.narrativewatch.collect.Collector;
import org.narrativewatch.index.Engine;
import org.narrativewatch.opinion.PollStore;
import org.narrativewatch.server.AccessToken;
import org.narrativewatch.server.DashboardServer;
import org.narrativewatch.server.EventStore;
import org.narrativewatch.server.ServerOptions;
import org.narrativewatch.server.ShiftFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nwatch serve}: the dashboard and HTTP API on http://127.0.0.1:7070. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the dashboard and the HTTP API (described at /openapi.json).",
                "Listens on 127.0.0.1 unless --host says otherwise. Endpoints that change data (events) need the token",
                "from NWATCH_TOKEN or the config file, generated there on the first start."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Anything but loopback exposes the corpus to the network.")
    String host;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "data/server.yaml",
            description = "Server config holding the write token (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--events", paramLabel = "FILE", defaultValue = "data/events.csv",
            description = "Events layer file (default: ${DEFAULT-VALUE}); created with the starter key dates.")
    Path eventsFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Stop a query running longer than this (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--collect", description = "Also collect from the outlets' feeds in the background, on a schedule (see nwatch collect).")
    boolean collect;

    /** the window of --collect, as for nwatch collect */
    @picocli.CommandLine.Mixin
    DateWindowOptions collectDates;

    @Option(names = "--interval", paramLabel = "MINUTES", defaultValue = "30",
            description = "With --collect: minutes between collection cycles (default: ${DEFAULT-VALUE}).")
    int intervalMinutes;

    @Option(names = "--outlets", paramLabel = "FILE",
            description = "With --collect: outlets file (default: data/outlets.yaml if present, else the bundled list).")
    Path outletsFile;

    @Option(names = "--geo", paramLabel = "DIR",
            description = "Territory data for the Map tab: a folder laid out like ../shared/data/geo (occupied/, regions/, settlements/).")
    Path geoDir;

    @Option(names = "--briefs", paramLabel = "DIR",
            description = "Briefs folder: lists its .md briefs at /api/briefs and renders each live at /briefs/NAME (docs/briefs.md).")
    Path briefsDir;

    @Option(names = "--data", paramLabel = "DIR",
            description = "With --briefs: data folder for territory, poll and series figures (default: each brief's front matter).")
    Path briefData;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (intervalMinutes < 1) {
            throw new UserException("--interval must be at least 1 minute");
        }
        org.narrativewatch.ingest.DateWindow collectWindow = collectDates.window(java.time.Clock.systemUTC());
        if (port < 0 || port > 65535) {
            throw new UserException("--port must be 0..65535, not " + port);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new UserException("--timeout must be 1..600 seconds, not " + timeoutSeconds);
        }
        ServerOptions options = ServerOptions.defaults(eventsFile).withHost(host).withPort(port)
                .withQueryTimeout(Duration.ofSeconds(timeoutSeconds));
        AccessToken token = AccessToken.load(config, System.getenv("NWATCH_TOKEN"));
        EventStore events = EventStore.open(eventsFile);
        Engine engine = engineOptions.open();
        DashboardServer server;
        try {
            server = new DashboardServer(engine, options, token, events, ShiftFinder.DETECTOR)
                    .withPolls(PollStore.besideIndex(engineOptions.index));
            if (geoDir != null) {
                out.println("loading territory data from " + geoDir + " …");
                try {
                    server.withTerritory(geoDir);
                } catch (InvalidOptionException e) {
                    // the territory loader's folder setting is "data"; here the folder came from --geo
                    throw e.option().equals("data") ? e.as("geo") : e;
                }
            }
            if (briefsDir != null) {
                if (!java.nio.file.Files.isDirectory(briefsDir)) {
                    throw new UserException("--briefs: " + briefsDir + " is not a folder");
                }
                server.withBriefs(briefsDir, BriefCommand.serverSources(engine, engineOptions, briefData));
            }
            server.start();
        } catch (UserException e) {
            engine.close();
            throw e;
        } catch (RuntimeException e) {
            engine.close();
            throw new UserException("cannot listen on " + host + ":" + port + " (" + rootMessage(e) + ")", e);
        }
        // collection and serving share one engine: the collector commits, the server's searcher refreshes
        Collector collector = collect ? Collector.forIndex(engine, engineOptions.index, outletsFile,
                line -> {
                    err.println(line);
                    err.flush();
                }).dates(collectWindow) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (collector != null) {
                collector.close();
            }
            server.close();
            try {
                engine.close();
            } catch (Exception ignored) {
                // shutting down: nothing left to tell
            }
            stopped.countDown();
        }));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        out.println("NarrativeWatch dashboard: http://" + shown + ":" + server.port() + "/   (Ctrl-C stops)");
        if (!options.loopback()) {
            out.println("warning: listening on " + host + ", not loopback: anyone who can reach it can read the corpus");
        }
        out.println(token.generated()
                ? "write token (generated, saved in " + token.origin() + "): " + token.value()
                : "write token: from " + token.origin());
        if (collector != null) {
            out.println("collecting from " + collector.outlets().outlets().size() + " outlets (" + collector.outlets().origin() + ") every " + intervalMinutes
                    + " min (status: nwatch status)");
            collector.start(Duration.ofMinutes(intervalMinutes));
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
