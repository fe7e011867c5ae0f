package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.narrativewatch.UserException;
import org.narrativewatch.opinion.DatedValues;
import org.narrativewatch.opinion.LeadLag;
import org.narrativewatch.opinion.LeadLagFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nwatch opinion leadlag A.csv B.csv}: lead-lag tests on any two dated series. */
@Command(name = "leadlag", mixinStandardHelpOptions = true,
        description = {"Which of two dated series leads the other: cross-correlation of the prewhitened series over lags "
                + "-K..K with 95%% bands, and Granger F-tests in both directions (lag by AIC, p adjusted for that choice by bootstrap).",
                "A positive lag means A leads B. Each file is CSV with a header: date (yyyy-mm-dd or yyyy-mm) then values; "
                + "the series are joined on their common dates and cut to the longest equally spaced run."})
public final class OpinionLeadLagCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.csv")
    Path a;

    @Parameters(index = "1", paramLabel = "B.csv")
    Path b;

    @Option(names = "--a-column", paramLabel = "NAME", description = "Value column of A (default: 'value', else 'share', else the second).")
    String aColumn;

    @Option(names = "--b-column", paramLabel = "NAME", description = "Value column of B (default: 'value', else 'share', else the second).")
    String bColumn;

    @Mixin
    OpinionTestOptions tests;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Formats.TextJson format;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        DatedValues.Joined j = DatedValues.join(DatedValues.read(a, aColumn), DatedValues.read(b, bColumn));
        if (j.dates().size() < 8) {
            throw new UserException(a + " and " + b + " have only " + j.dates().size()
                    + " equally spaced dates in common: too few for lead-lag tests (need at least 8)");
        }
        LeadLag.Result r = LeadLag.analyse(j.a(), j.b(), tests.options());
        ObjectNode result = LeadLagFormat.toJson(r);
        ObjectNode dates = result.objectNode();
        dates.put("from", j.dates().get(0).toString());
        dates.put("to", j.dates().get(j.dates().size() - 1).toString());
        dates.put("step", j.step());
        dates.put("common_dates_left_out", j.dropped());
        result.put("a", a.toString());
        result.put("b", b.toString());
        result.set("dates", dates);
        if (format == Formats.TextJson.JSON) {
            Output.json(out, result);
        } else {
            out.println(OpinionText.leadLag(r, "A = " + a + ", B = " + b + "; " + j.dates().get(0) + " .. "
                    + j.dates().get(j.dates().size() - 1) + " by " + j.step()
                    + (j.dropped() > 0 ? " (" + j.dropped() + " common dates outside the longest regular run left out)" : "")));
            out.flush();
        }
    }
}
