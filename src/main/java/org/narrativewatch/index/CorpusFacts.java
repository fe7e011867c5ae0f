package org.narrativewatch.index;

import java.util.List;
import java.util.Map;

/**
 * What an engine knows about its whole corpus, read from one state of it: the raw material of
 * {@link CorpusStats}.
 *
 * @param outlets          every outlet with its group, article count and first and last day, by name
 * @param byLanguage       articles per language code
 * @param syndicatedCopies articles whose text an earlier article already had
 */
public record CorpusFacts(Snapshot snapshot, List<OutletInfo> outlets, Map<String, Long> byLanguage,
                          long syndicatedCopies) {

    public CorpusFacts {
        outlets = List.copyOf(outlets);
        byLanguage = Map.copyOf(byLanguage);
    }
}
