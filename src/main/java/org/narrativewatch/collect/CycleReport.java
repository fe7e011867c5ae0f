package org.narrativewatch.collect;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one pass over the outlets did.
 *
 * @param outlets     outlets tried (those waiting on a Retry-After or a back-off are not counted)
 * @param answered    outlets at least one of whose feeds gave a usable answer (a readable feed, or 304)
 * @param unreachable outlets none of whose feeds could be reached (network down, DNS, timeout)
 * @param failed      outlets whose feeds answered with errors, or unusable feeds
 * @param added       articles newly stored
 * @param present     articles already in the index
 * @param rejected    feed items refused (no link, too large, a date outside the window, …)
 * @param took        wall time of the pass
 * @param reasons     the refusals by reason class
 */
public record CycleReport(int outlets, int answered, int unreachable, int failed, long added, long present,
                          long rejected, Duration took, SortedMap<String, Long> reasons) {

    public CycleReport {
        reasons = Collections.unmodifiableSortedMap(new TreeMap<>(reasons == null ? Map.of() : reasons));
    }

    /** True when something was tried and nothing answered: most likely no network. */
    public boolean offline() {
        return outlets > 0 && answered == 0 && unreachable == outlets;
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT, "%d outlets: %d answered, %d unreachable, %d failed; %d articles added, %d already "
                        + "present, %d items rejected%s (%.1f s)", outlets, answered, unreachable, failed, added, present,
                rejected, reasons.isEmpty() ? "" : reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", ", " (", ")")), took.toMillis() / 1000.0);
    }
}
