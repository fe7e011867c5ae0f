package org.narrativewatch.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a figure kind computed, before its expectation is judged: the headline value (NaN when the figure has none)
 * with its unit and interval, named fields for inline references, the change points of its series and the dates
 * its series has data for, a window comparison or lead-lag verdict, the chart, and the provenance (commands that
 * reproduce it, files read). Filled in by one kind, then read only.
 */
public final class Computed {
    /** Units: how values are shown and how an expectation's "30%" is read. */
    public static final String COUNT = "count";
    public static final String SHARE = "share";
    public static final String PERCENT = "percent";
    public static final String RELATIVE = "relative";

    double value = Double.NaN;
    String unit = "value";
    double lo = Double.NaN;
    double hi = Double.NaN;
    final Map<String, Object> fields = new LinkedHashMap<>();
    List<Change> changes;
    LocalDate dataFrom;
    LocalDate dataTo;
    Relative compare;
    LeadLagOutcome leadLag;
    Chart chart;
    final List<String> commands = new ArrayList<>();
    final List<DataFile> files = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** The buckets of the figure's series that cover fewer days than their calendar length. */
    List<PartialBucket> partials = List.of();
    /**
     * Set when the value is a count over fewer days than the window as written (the window runs past the corpus):
     * says which days it covers. A count only grows with days, so a {@code min} it already reaches holds and a
     * {@code max} it already passes fails; anything else the data cannot decide.
     */
    String countCut;
    /** A reason the figure has no answer although it ran (no data for the window, ...): the claim is unknown. */
    String noData;

    Computed value(double v, String u) {
        this.value = v;
        this.unit = u;
        return this;
    }

    Computed interval(double l, double h) {
        this.lo = l;
        this.hi = h;
        return this;
    }

    Computed field(String name, Object v) {
        fields.put(name, v);
        return this;
    }

    public double value() {
        return value;
    }

    public String unit() {
        return unit;
    }
}
