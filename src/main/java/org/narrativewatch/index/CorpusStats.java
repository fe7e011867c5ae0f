package org.narrativewatch.index;

import java.time.LocalDate;
import java.util.Map;

/** What is in the corpus: the JSON of {@code nwatch stats}. */
public record CorpusStats(long articles, int outlets, LocalDate from, LocalDate to,
                          Map<String, Long> byLanguage, Map<String, Long> byGroup, long syndicatedCopies,
                          String snapshot) {}
