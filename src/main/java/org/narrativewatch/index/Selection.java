package org.narrativewatch.index;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.narrativewatch.timeline.DayRange;

/**
 * Which articles a timeline or search looks at: the query counts within it, and the totals that
 * shares divide by are taken over it. Empty sets mean "all"; null dates mean the corpus's ends.
 */
public record Selection(LocalDate from, LocalDate to, Set<String> outlets, Set<String> groups, Set<String> langs) {

    public static final Selection ALL = new Selection(null, null, Set.of(), Set.of(), Set.of());

    public Selection {
        outlets = outlets == null ? Set.of() : Set.copyOf(outlets);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        langs = langs == null ? Set.of() : Set.copyOf(langs);
        if (from != null && to != null && to.isBefore(from)) {
            throw new org.narrativewatch.DateRangeException(from, to);
        }
    }

    /**
     * The days this selection means in a corpus whose articles lie in {@code corpus} (null when it
     * has none): its own dates, bounded by the corpus' first and last day (buckets outside the corpus
     * hold nothing, and an unbounded range such as 0001-01-01..9999-12-31 would cost memory for
     * nothing). Empty when the corpus is empty or the selection misses it. Every engine counts over
     * these days.
     */
    public Optional<DayRange> days(DayRange corpus) {
        if (corpus == null) {
            return Optional.empty();
        }
        LocalDate f = from == null || from.isBefore(corpus.first()) ? corpus.first() : from;
        LocalDate t = to == null || to.isAfter(corpus.last()) ? corpus.last() : to;
        return t.isBefore(f) ? Optional.empty() : Optional.of(new DayRange(f, t));
    }

    public Selection withDates(LocalDate f, LocalDate t) {
        return new Selection(f, t, outlets, groups, langs);
    }

    public Selection withOutlets(Set<String> o) {
        return new Selection(from, to, o, groups, langs);
    }

    public Selection withGroups(Set<String> g) {
        return new Selection(from, to, outlets, g, langs);
    }
}
