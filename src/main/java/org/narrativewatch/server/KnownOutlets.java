package org.narrativewatch.server;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.narrativewatch.UserException;
import org.narrativewatch.index.OutletInfo;
import org.narrativewatch.index.Selection;

/**
 * A selection's outlets and groups must exist in the corpus: {@code outlet=rt.com} on a corpus without rt.com is a
 * 400 that says so (with the outlets there are), not a timeline of empty buckets that looks like silence.
 */
final class KnownOutlets {
    private KnownOutlets() {}

    private static final int LISTED = 20;

    static void check(Selection sel, List<OutletInfo> outlets) {
        Set<String> names = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (OutletInfo o : outlets) {
            names.add(o.outlet());
            if (o.group() != null) {
                groups.add(o.group());
            }
        }
        for (String o : sel.outlets()) {
            if (!names.contains(o)) {
                throw new UserException("parameter outlet: no outlet '" + o + "' in this corpus (" + listed(names, "outlets") + ")");
            }
        }
        for (String g : sel.groups()) {
            if (!groups.contains(g)) {
                throw new UserException("parameter group: no group '" + g + "' in this corpus ("
                        + (groups.isEmpty() ? "no outlet has a group; see docs/dashboard.md, Outlet groups" : listed(groups, "groups")) + ")");
            }
        }
    }

    private static String listed(Set<String> names, String what) {
        if (names.isEmpty()) {
            return "it has no " + what;
        }
        List<String> first = names.stream().limit(LISTED).toList();
        return what + ": " + String.join(", ", first) + (names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "");
    }
}
