package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintStream;
import java.util.Map;
import org.narrativewatch.UserException;
import org.narrativewatch.opinion.PollPoint;
import org.narrativewatch.opinion.PollSeries;
import org.narrativewatch.opinion.PollStore;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nwatch opinion list}: the imported poll series, or one series' points. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List imported poll series (id, points, date range, how many points have an assumed n), "
                + "or with --series the points of one series with their 95%% sampling intervals.")
public final class OpinionListCommand implements Runnable {

    /** Where results go (UTF-8 stdout; tests substitute a buffer). */
    PrintStream out = Output.OUT;

    @Mixin
    EngineOptions engine;

    @Option(names = "--series", paramLabel = "ID", description = "Show this series' points (its id, or a unique part of it).")
    String series;

    @Option(names = "--format", defaultValue = "text",
            description = "text, csv or json (default: ${DEFAULT-VALUE}); with --series also timeline: monthly date,count,total "
                    + "of respondents (count = share × effective n, months without a poll total 0) for 'nwatch shifts --csv'.")
    String format;

    @Override
    public void run() {
        PollStore store = PollStore.open(PollStore.besideIndex(engine.index));
        if (series != null) {
            points(store.find(series));
            return;
        }
        Map<String, PollSeries> all = store.series();
        switch (format) {
            case "json" -> {
                ArrayNode rows = OpinionJson.MAPPER.createArrayNode();
                all.values().forEach(s -> rows.add(OpinionJson.series(s)));
                OpinionJson.print(out, rows);
            }
            case "csv" -> {
                out.println("id,pollster,question,answer,points,first,last,n_assumed");
                all.values().forEach(s -> out.println(String.join(",", OpinionJson.csv(s.id()),
                        OpinionJson.csv(s.key().pollster()), OpinionJson.csv(s.key().question()), OpinionJson.csv(s.key().answer()),
                        "" + s.points().size(), "" + s.first(), "" + s.last(), "" + s.assumedN())));
            }
            case "text" -> {
                if (all.isEmpty()) {
                    out.println("no polls in " + store.file() + " (nwatch opinion import FILE)");
                }
                all.values().forEach(s -> out.printf("%-70s %4d points  %s .. %s%s%n", s.id(), s.points().size(),
                        s.first(), s.last(), s.assumedN() > 0 ? "  (" + s.assumedN() + " with assumed n)" : ""));
            }
            default -> throw new UserException("--format must be text, csv or json, not '" + format + "'");
        }
    }

    private void points(PollSeries s) {
        switch (format) {
            case "json" -> OpinionJson.print(out, OpinionJson.series(s).set("points", OpinionJson.points(s)));
            case "csv", "text" -> {
                out.println("date,fieldwork_from,fieldwork_to,percent,lo,hi,n,n_assumed,design_effect,dating");
                for (PollPoint p : s.points()) {
                    out.println(String.join(",", "" + p.midpoint(), "" + p.start(), "" + p.end(), OpinionJson.num(p.percent()),
                            OpinionJson.num(p.lo()), OpinionJson.num(p.hi()), "" + p.nUsed(), "" + p.nAssumed(),
                            OpinionJson.num(p.designEffect()), OpinionJson.csv(p.dating())));
                }
            }
            case "timeline" -> {
                // date,count,total of respondents per month: the CSV 'nwatch shifts --csv' reads (change points in polls)
                Series t = s.toTimeline(Bucketing.MONTH);
                out.println("date,count,total");
                for (Bucket b : t.buckets()) {
                    out.println(b.start() + "," + b.count() + "," + b.total());
                }
            }
            default -> throw new UserException("--format must be text, csv, json or timeline, not '" + format + "'");
        }
    }
}
