package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.collect.FeedState;
import org.narrativewatch.collect.OutletState;
import org.narrativewatch.collect.StateStore;
import org.narrativewatch.ingest.outlets.Outlet;
import org.narrativewatch.ingest.outlets.OutletDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nwatch status}: what collection did, per outlet. Reads the state file only, so it works while collecting. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show per outlet the last fetch, its result, articles added per day and the latest errors.")
public final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--outlets", paramLabel = "FILE",
            description = "Outlets file, to list configured outlets not fetched yet (default as for collect).")
    Path outletsFile;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Formats.TextJson format;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
            description = "Days of articles-per-day shown in text format (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws Exception {
        Path file = StateStore.fileFor(engineOptions.index);
        StateStore.Snapshot snap = StateStore.read(file);
        Map<String, OutletState> rows = new LinkedHashMap<>();
        for (Outlet o : OutletDirectory.load(outletsFile).outlets()) {
            OutletState s = snap.outlets().get(o.name());
            if (s == null) {
                s = OutletState.fresh(o.name(), o.group());
                if (o.feeds().isEmpty()) {
                    s = new OutletState(o.name(), o.group(), null, "no_feeds", 0, null, null, null);
                }
            }
            rows.put(o.name(), s);
        }
        snap.outlets().forEach(rows::putIfAbsent);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Formats.TextJson.JSON) {
            out.println(json(file, snap.updated(), rows.values()));
        } else {
            text(out, file, snap.updated(), rows.values());
        }
        out.flush();
        return 0;
    }

    static String json(Path file, Instant updated, Iterable<OutletState> rows) throws Exception {
        ObjectNode root = Output.json().createObjectNode();
        root.put("stateFile", file.toString());
        root.put("updated", updated == null ? null : updated.toString());
        ArrayNode arr = root.putArray("outlets");
        for (OutletState s : rows) {
            ObjectNode o = arr.addObject();
            o.put("outlet", s.outlet());
            o.put("group", s.group());
            o.put("lastFetch", s.lastFetch() == null ? null : s.lastFetch().toString());
            o.put("result", s.result() == null ? "never" : s.result());
            o.put("added", s.added());
            ObjectNode rejected = o.putObject("rejected");
            s.rejectedByReason().forEach(rejected::put);
            ObjectNode perDay = o.putObject("articlesPerDay");
            s.articlesPerDay().forEach(perDay::put);
            ArrayNode errors = o.putArray("errors");
            for (OutletState.ErrorEntry e : s.errors()) {
                ObjectNode en = errors.addObject();
                en.put("at", e.at().toString());
                en.put("feed", e.feed());
                en.put("kind", e.kind());
                en.put("message", e.message());
            }
            ArrayNode feeds = o.putArray("feeds");
            for (FeedState f : s.feeds()) {
                ObjectNode fn = feeds.addObject();
                fn.put("url", f.url());
                fn.put("lastFetch", f.lastFetch() == null ? null : f.lastFetch().toString());
                fn.put("result", f.result());
                fn.put("error", f.error());
                fn.put("failures", f.failures());
                fn.put("retryAfter", f.retryAfter() == null ? null : f.retryAfter().toString());
                fn.put("etag", f.etag());
                fn.put("lastModified", f.lastModified());
                ObjectNode fr = fn.putObject("rejected");
                f.rejected().forEach(fr::put);
            }
        }
        return Output.jsonText(root);
    }

    private void text(PrintWriter out, Path file, Instant updated, Iterable<OutletState> rows) {
        out.println("state: " + file + (updated == null ? " (no collection yet)" : ", updated " + WHEN.format(updated)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"OUTLET", "GROUP", "LAST FETCH", "RESULT", "ADDED", "REJECTED", "LAST " + days + " DAYS",
                "LAST ERROR"});
        List<String> refusals = new ArrayList<>();
        for (OutletState s : rows) {
            StringBuilder perDay = new StringBuilder();
            for (int d = days - 1; d >= 0; d--) {
                perDay.append(perDay.length() == 0 ? "" : " ")
                        .append(s.articlesPerDay().getOrDefault(today.minusDays(d).toString(), 0L));
            }
            String lastError = s.errors().isEmpty() ? "" : s.errors().get(s.errors().size() - 1).message();
            if (lastError.length() > 80) {
                lastError = lastError.substring(0, 79) + "…";
            }
            lastError = TerminalText.escape(lastError); // server-supplied text: never obeyed by the terminal
            table.add(new String[] {TerminalText.escape(s.outlet()), s.group() == null ? "" : TerminalText.escape(s.group()),
                    s.lastFetch() == null ? "never" : WHEN.format(s.lastFetch()),
                    s.result() == null ? "never" : s.result(), Long.toString(s.added()),
                    Long.toString(s.rejectedByReason().values().stream().mapToLong(Long::longValue).sum()),
                    perDay.toString(), lastError});
            s.rejectedByReason().forEach((reason, n) -> refusals.add(String.format(Locale.ROOT, "  %s: rejected %,d: %s",
                    TerminalText.escape(s.outlet()), n, TerminalText.escape(reason))));
        }
        int[] width = new int[table.get(0).length];
        for (String[] row : table) {
            for (int i = 0; i < row.length - 1; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + width[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        if (!refusals.isEmpty()) {
            out.println();
            out.println("items the feeds hold that were refused (latest answer of each feed):");
            refusals.forEach(out::println);
        }
    }
}
