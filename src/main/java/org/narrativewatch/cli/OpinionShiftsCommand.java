package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LongSummaryStatistics;
import java.util.Map;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.opinion.PollFormat;
import org.narrativewatch.opinion.PollPoint;
import org.narrativewatch.opinion.PollSeries;
import org.narrativewatch.opinion.PollShifts;
import org.narrativewatch.opinion.PollStore;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.ShiftFormat;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nwatch opinion shifts SERIES}: change points in one poll series. */
@Command(name = "shifts", mixinStandardHelpOptions = true,
        description = {"Change points in a poll series: each poll as respondents agreeing of its effective n, dated at its "
                + "fieldwork midpoint, segmented with the shift detector's binomial model (over-dispersion estimated).",
                "Levels before and after each change are in percent with 95%% intervals; the output says how many points "
                + "rest on an assumed n."})
public final class OpinionShiftsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "SERIES", description = "Series id, or a unique part of it (see 'nwatch opinion list').")
    String series;

    @Mixin
    DetectorOptions detector;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextCsvJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text).")
    Formats.TextCsvJson format;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        // one binomial observation per poll; a segment of a single poll is allowed
        ShiftOptions opt = detector.apply(ShiftOptions.DEFAULT.withModel(Model.BINOMIAL).withMinSegment(1));
        if (opt.minSegment() < 1) {
            throw new InvalidOptionException("min-segment", "must be at least 1, not " + opt.minSegment());
        }
        PollSeries s = PollStore.open(PollStore.besideIndex(engine.index)).find(series);
        ShiftResult r = PollShifts.inPercent(PollShifts.detect(s, opt));
        String sample = sample(s);
        switch (format) {
            case JSON -> {
                ObjectNode o = PollFormat.summary(s);
                o.put("unit", "percent");
                o.put("dates", "fieldwork midpoints");
                o.put("sample", sample);
                o.setAll(ShiftFormat.toJson(r));
                Output.json(out, o);
            }
            case CSV -> out.print(ShiftFormat.toCsv(r));
            case TEXT -> {
                out.print(ShiftsCommand.toTable(s.id() + " (percent, polls dated at fieldwork midpoints)", r));
                out.println(sample + "; intervals cover sampling error times over-dispersion, not house effects or wording");
            }
        }
        out.flush();
    }

    /** What the binomial noise rests on, in words: the sample sizes used and how many were assumed. */
    static String sample(PollSeries s) {
        LongSummaryStatistics n = s.points().stream().mapToLong(p -> Math.round(p.effectiveN())).summaryStatistics();
        long assumed = s.assumedN();
        String range = n.getMin() == n.getMax() ? "n = " + n.getMin() : "n = " + n.getMin() + ".." + n.getMax();
        return "effective " + range + " per poll; " + (assumed == 0 ? "all published"
                : assumed + " of " + s.points().size() + " points with an assumed n ("
                + s.points().stream().filter(PollPoint::nAssumed).mapToInt(PollPoint::nUsed).distinct()
                        .mapToObj(Integer::toString).reduce((a, b) -> a + ", " + b).orElse("") + ")");
    }
}
