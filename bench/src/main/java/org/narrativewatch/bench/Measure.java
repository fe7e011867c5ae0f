package org.narrativewatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small arithmetic and parsing shared by the runners. */
final class Measure {
    private Measure() {}

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([\\d.]+)");
    private static final Pattern SYS = Pattern.compile("System time \\(seconds\\): ([\\d.]+)");

    /** Peak RSS in MiB from GNU time's {@code -v} report, NaN when absent. */
    static double maxRssMiB(String timeReport) {
        Matcher m = MAX_RSS.matcher(timeReport);
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    /** User + system CPU seconds from GNU time's {@code -v} report, NaN when absent. */
    static double cpuSeconds(String timeReport) {
        Matcher u = USER.matcher(timeReport);
        Matcher s = SYS.matcher(timeReport);
        return u.find() && s.find() ? Double.parseDouble(u.group(1)) + Double.parseDouble(s.group(1)) : Double.NaN;
    }

    private static final Pattern PSQL_TIME = Pattern.compile("^Time: ([\\d.]+) ms", Pattern.MULTILINE);

    /** The statement times psql's {@code \timing} printed, in order. */
    static List<Double> psqlTimes(String out) {
        List<Double> t = new ArrayList<>();
        Matcher m = PSQL_TIME.matcher(out);
        while (m.find()) {
            t.add(Double.parseDouble(m.group(1)));
        }
        return t;
    }
}
