package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.node.NullNode;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.Wire;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.opinion.Alignment;
import org.narrativewatch.opinion.Comparison;
import org.narrativewatch.opinion.LeadLagFormat;
import org.narrativewatch.opinion.PollFormat;
import org.narrativewatch.opinion.PollSeries;
import org.narrativewatch.opinion.PollStore;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nwatch opinion compare SERIES QUERY…}: a poll series beside the timelines of queries. Thin on
 * purpose: it fetches the timelines through the engine seam and leaves alignment and tests to
 * {@link Comparison}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"A poll series beside the media share of each query: the share over each poll's window "
                + "(its fieldwork, or the K weeks before it), and lead-lag tests (A = media share, B = poll; "
                + "a positive lag means the media lead) when the polls fall one per bucket on a regular grid."})
public final class OpinionCompareCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "SERIES", description = "Poll series id (see 'nwatch opinion list'), or a unique part of it.")
    String series;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "QUERY", description = "Queries whose timelines to compare with the polls.")
    List<String> queries;

    @Option(names = "--by", defaultValue = "month", paramLabel = "BUCKET", description = "Media buckets: week or month (default: ${DEFAULT-VALUE}).")
    Bucketing by;

    @Option(names = "--window", defaultValue = "fieldwork",
            description = "fieldwork (media share over each poll's fieldwork) or weeks-before (over the --weeks weeks before it starts) (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--weeks", paramLabel = "K", defaultValue = "4", description = "Weeks for --window weeks-before (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Mixin
    SelectionOptions selectionOptions;

    @Mixin
    OpinionTestOptions tests;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextCsvJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Formats.TextCsvJson format;

    @Override
    public void run() {
        out = spec.commandLine().getOut();
        Bucketing bucketing = by;
        if (bucketing == Bucketing.DAY) {
            throw new InvalidOptionException("by", "must be week or month for opinion compare");
        }
        Alignment.Window w = Alignment.Window.parse(window, weeks);
        PollSeries polls = PollStore.open(PollStore.besideIndex(engine.index)).find(series);
        Selection selection = selectionOptions.selection();
        List<Comparison> results = new ArrayList<>();
        try (Engine e = engine.open()) {
            for (String q : queries) {
                Series media = Corpus.of(e).timeline(Query.parse(q), selection, bucketing, Engine.CountUnit.ARTICLES);
                results.add(Comparison.of(polls, media, w, tests.options()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        switch (format) {
            case JSON -> Output.json(out, json(polls, results));
            case CSV -> csv(results);
            case TEXT -> text(polls, results);
        }
        out.flush();
    }

    private ObjectNode json(PollSeries polls, List<Comparison> results) {
        ObjectNode result = PollFormat.summary(polls);
        result.put("by", by.wire());
        result.put("window", results.get(0).window());
        ArrayNode comps = result.putArray("comparisons");
        for (Comparison c : results) {
            ObjectNode o = comps.addObject();
            o.put("query", c.query());
            ArrayNode pts = o.putArray("points");
            for (Alignment.Aligned a : c.points()) {
                ObjectNode p = PollFormat.point(a.poll());
                p.put("window_from", a.from().toString());
                p.put("window_to", a.to().toString());
                Wire.number(p, "media_count", a.count());
                Wire.number(p, "media_total", a.total());
                Wire.number(p, "media_share", a.share());
                Wire.number(p, "media_coverage", a.coverage());
                pts.add(p);
            }
            o.set("leadlag", c.leadLag() == null ? NullNode.getInstance() : LeadLagFormat.toJson(c.leadLag()));
            ArrayNode warn = o.putArray("warnings");
            c.warnings().forEach(warn::add);
        }
        return result;
    }

    private void csv(List<Comparison> results) {
        out.println("query,window,date,fieldwork_from,fieldwork_to,poll_percent,poll_lo,poll_hi,n,n_assumed,"
                + "window_from,window_to,media_count,media_total,media_share");
        for (Comparison c : results) {
            for (Alignment.Aligned a : c.points()) {
                var p = a.poll();
                out.println(String.join(",", Wire.csvCell(c.query()), Wire.csvCell(c.window()), "" + p.midpoint(),
                        "" + p.start(), "" + p.end(), PollFormat.num(p.percent()), PollFormat.num(p.lo()),
                        PollFormat.num(p.hi()), "" + p.nUsed(), "" + p.nAssumed(), "" + a.from(), "" + a.to(),
                        PollFormat.num(a.count()), PollFormat.num(a.total()), PollFormat.num(a.share())));
            }
        }
    }

    private void text(PollSeries polls, List<Comparison> results) {
        for (Comparison c : results) {
            out.println("poll series " + polls.id() + " (" + polls.points().size() + " points) vs '" + c.query() + "'");
            out.println("window: " + c.window());
            c.warnings().forEach(wn -> out.println("warning: " + wn));
            if (c.leadLag() != null) {
                out.println(OpinionText.leadLag(c.leadLag(), "A = media share of '" + c.query() + "', B = poll " + polls.id()));
            }
            out.println();
        }
    }
}
