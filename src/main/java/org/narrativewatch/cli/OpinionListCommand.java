package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.narrativewatch.opinion.PollFormat;
import org.narrativewatch.opinion.PollPoint;
import org.narrativewatch.opinion.PollSeries;
import org.narrativewatch.opinion.PollStore;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nwatch opinion list}: the imported poll series, or one series' points. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List imported poll series (id, points, date range, how many points have an assumed n), "
                + "or with --series the points of one series with their 95%% sampling intervals.")
public final class OpinionListCommand implements Runnable {

    /** text, csv, json, and for one series also its monthly respondents ({@code timeline}). */
    enum ListFormat {
        TEXT, CSV, JSON, TIMELINE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final class ListFormatConverter extends Formats.Converter<ListFormat> {
        ListFormatConverter() {
            super(ListFormat.class);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--series", paramLabel = "ID", description = "Show this series' points (its id, or a unique part of it).")
    String series;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = ListFormatConverter.class,
            description = "text, csv or json (default: ${DEFAULT-VALUE}); with --series also timeline: monthly date,count,total "
                    + "of respondents (count = share × effective n, months without a poll total 0) for 'nwatch shifts --csv'.")
    ListFormat format;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PollStore store = PollStore.open(PollStore.besideIndex(engine.index));
        if (series != null) {
            points(out, store.find(series));
            return;
        }
        Map<String, PollSeries> all = store.series();
        switch (format) {
            case JSON -> Output.json(out, PollFormat.list(all.values()));
            case CSV -> {
                out.println(PollFormat.LIST_CSV_HEADER);
                all.values().forEach(s -> out.println(PollFormat.listCsvRow(s)));
            }
            case TEXT -> {
                if (all.isEmpty()) {
                    out.println("no polls in " + store.file() + " (nwatch opinion import FILE)");
                }
                all.values().forEach(s -> out.printf(Locale.ROOT, "%-70s %4d points  %s .. %s%s%n", s.id(), s.points().size(),
                        s.first(), s.last(), s.assumedN() > 0 ? "  (" + s.assumedN() + " with assumed n)" : ""));
            }
            case TIMELINE -> throw new org.narrativewatch.InvalidOptionException("format",
                    "timeline needs --series: it gives one series' monthly respondents");
        }
        out.flush();
    }

    private void points(PrintWriter out, PollSeries s) {
        switch (format) {
            case JSON -> Output.json(out, PollFormat.series(s));
            case CSV, TEXT -> {
                out.println(PollFormat.POINTS_CSV_HEADER);
                for (PollPoint p : s.points()) {
                    out.println(PollFormat.pointCsvRow(p));
                }
            }
            case TIMELINE -> {
                // date,count,total of respondents per month: the CSV 'nwatch shifts --csv' reads (change points in polls)
                Series t = s.toTimeline(Bucketing.MONTH);
                out.println("date,count,total");
                for (Bucket b : t.buckets()) {
                    out.println(b.start() + "," + b.count() + "," + b.total());
                }
            }
        }
        out.flush();
    }
}
