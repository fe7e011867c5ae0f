package org.narrativewatch.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An outlet's collection history, as {@code nwatch status} shows it.
 *
 * @param outlet         the outlet name
 * @param group          its group label
 * @param lastFetch      when its feeds were last tried
 * @param result         the last cycle's result: ok, not_modified, partial, or a failure kind
 * @param added          articles stored by the collector in all
 * @param articlesPerDay articles stored, by their published day (the last {@link #DAYS_KEPT} days seen)
 * @param errors         the latest failures, newest last (at most {@link #ERRORS_KEPT})
 * @param feeds          per-feed state
 */
public record OutletState(String outlet, String group, Instant lastFetch, String result, long added,
                          SortedMap<String, Long> articlesPerDay, List<ErrorEntry> errors, List<FeedState> feeds) {

    public static final int DAYS_KEPT = 60;
    public static final int ERRORS_KEPT = 20;

    public OutletState {
        articlesPerDay = new TreeMap<>(articlesPerDay == null ? Map.of() : articlesPerDay);
        while (articlesPerDay.size() > DAYS_KEPT) {
            articlesPerDay.remove(articlesPerDay.firstKey());
        }
        errors = errors == null ? List.of() : List.copyOf(errors.subList(Math.max(0, errors.size() - ERRORS_KEPT),
                errors.size()));
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    public static OutletState fresh(String outlet, String group) {
        return new OutletState(outlet, group, null, null, 0, new TreeMap<>(), List.of(), List.of());
    }

    /** Items its feeds hold that were refused, by reason class, summed over the feeds. */
    public SortedMap<String, Long> rejectedByReason() {
        SortedMap<String, Long> sum = new TreeMap<>();
        feeds.forEach(f -> f.rejected().forEach((k, v) -> sum.merge(k, v, Long::sum)));
        return sum;
    }

    public FeedState feed(String url) {
        return feeds.stream().filter(f -> f.url().equals(url)).findFirst().orElse(FeedState.fresh(url));
    }

    /** One failure: when, which feed, what kind, what the server or network said. */
    public record ErrorEntry(Instant at, String feed, String kind, String message) {}
}
