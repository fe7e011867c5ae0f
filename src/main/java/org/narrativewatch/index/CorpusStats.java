package org.narrativewatch.index;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** What is in the corpus: the JSON of {@code nwatch stats}. */
public record CorpusStats(long articles, int outlets, LocalDate from, LocalDate to,
                          Map<String, Long> byLanguage, Map<String, Long> byGroup, long syndicatedCopies,
                          String snapshot) {

    /** The statistics of an engine's facts; outlets without a group are counted under "(none)". */
    public static CorpusStats of(CorpusFacts f) {
        Map<String, Long> byGroup = new TreeMap<>();
        f.outlets().forEach(o -> byGroup.merge(o.group() == null ? "(none)" : o.group(), o.articles(), Long::sum));
        Snapshot s = f.snapshot();
        return new CorpusStats(s.articles(), f.outlets().size(), s.from(), s.to(), new TreeMap<>(f.byLanguage()),
                byGroup, f.syndicatedCopies(), s.label());
    }
}
