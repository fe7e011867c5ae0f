package org.narrativewatch.cli;

import java.util.Locale;
import org.narrativewatch.opinion.LeadLag;

/** Human-readable rendering of lead-lag results. */
final class OpinionText {
    private OpinionText() {}

    static String leadLag(LeadLag.Result r, String header) {
        StringBuilder s = new StringBuilder();
        s.append(header).append('\n');
        s.append("n = ").append(r.n()).append("; ").append(r.method()).append("\n\n");
        s.append(" lag       r      band    raw r   (positive lag: A leads B)\n");
        for (LeadLag.CcfPoint c : r.ccf()) {
            s.append(String.format(Locale.ROOT, "%4d  %+.3f  ±%.3f  %+.3f %s%n", c.lag(), c.r(), c.hi(), c.rRaw(),
                    c.significant() ? " *" : ""));
        }
        s.append('\n');
        s.append(granger("A → B", r.aToB()));
        s.append(granger("B → A", r.bToA()));
        for (String w : r.warnings()) {
            s.append("warning: ").append(w).append('\n');
        }
        return s.toString().stripTrailing();
    }

    private static String granger(String label, LeadLag.Granger g) {
        if (g == null) {
            return "Granger " + label + ": not computed (too few observations)\n";
        }
        return String.format(Locale.ROOT, "Granger %s: lag %d, F(%d, %d) = %.3f, p = %.4f (plain F p = %.4g), %d observations%n",
                label, g.lag(), g.df1(), g.df2(), g.f(), g.p(), g.pF(), g.n());
    }
}
