package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.LongSummaryStatistics;
import java.util.Map;
import org.narrativewatch.UserException;
import org.narrativewatch.opinion.PollPoint;
import org.narrativewatch.opinion.PollSeries;
import org.narrativewatch.opinion.PollShifts;
import org.narrativewatch.opinion.PollStore;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.Penalty;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch opinion shifts SERIES}: change points in one poll series. */
@Command(name = "shifts", mixinStandardHelpOptions = true,
        description = {"Change points in a poll series: each poll as respondents agreeing of its effective n, dated at its "
                + "fieldwork midpoint, segmented with the shift detector's binomial model (over-dispersion estimated).",
                "Levels before and after each change are in percent with 95%% intervals; the output says how many points "
                + "rest on an assumed n."})
public final class OpinionShiftsCommand implements Runnable {

    /** Where results go (UTF-8 stdout; tests substitute a buffer). */
    PrintStream out = Output.OUT;

    @Mixin
    EngineOptions engine;

    @Parameters(index = "0", paramLabel = "SERIES", description = "Series id, or a unique part of it (see 'nwatch opinion list').")
    String series;

    @Option(names = "--penalty", defaultValue = "bic", description = "bic, mbic, a number, or k*log(n) (default: ${DEFAULT-VALUE}).")
    String penalty;

    @Option(names = "--min-segment", defaultValue = "1", paramLabel = "N", description = "Shortest segment in polls (default: ${DEFAULT-VALUE}).")
    int minSegment;

    @Option(names = "--robust", description = "Treat single-poll spikes as missing before segmenting.")
    boolean robust;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public void run() {
        if (!java.util.List.of("table", "json", "csv").contains(format)) {
            throw new UserException("--format must be table, json or csv, not '" + format + "'");
        }
        if (minSegment < 1) {
            throw new UserException("--min-segment must be at least 1, not " + minSegment);
        }
        PollSeries s = PollStore.open(PollStore.besideIndex(engine.index)).find(series);
        ShiftOptions opt = ShiftOptions.DEFAULT.withModel(Model.BINOMIAL).withPenalty(Penalty.parse(penalty))
                .withMinSegment(minSegment).withRobust(robust);
        ShiftResult r = PollShifts.inPercent(PollShifts.detect(s, opt));
        String sample = sample(s);
        switch (format) {
            case "json" -> {
                Map<String, Object> m = ShiftsCommand.toJson(null, null, r);
                m.remove("query");
                ObjectNode o = OpinionJson.series(s);
                o.put("unit", "percent");
                o.put("dates", "fieldwork midpoints");
                o.put("sample", sample);
                o.setAll((ObjectNode) OpinionJson.MAPPER.valueToTree(m));
                OpinionJson.print(out, o);
            }
            case "csv" -> out.print(ShiftsCommand.toCsv(r));
            default -> {
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
