package org.narrativewatch.brief;

import java.time.LocalDate;
import java.util.List;

/**
 * The brief's optional YAML front matter ({@code ---} lines at the top): a title, where its data and index live
 * when the command line does not say (paths relative to the brief's folder), and dated events drawn on every chart
 * whose window holds them.
 */
public record FrontMatter(String title, String data, String index, List<Event> events) {
    public static final FrontMatter NONE = new FrontMatter(null, null, null, List.of());

    public FrontMatter {
        events = List.copyOf(events);
    }

    /** A dated event marked on charts. */
    public record Event(LocalDate date, String label) {}
}
