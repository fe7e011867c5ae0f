package org.narrativewatch.index;

import java.time.LocalDate;

/**
 * A stored article's text, for analyses that read words in context (explain's names and phrases,
 * collocates). {@code matchStarts} are the character offsets, over {@code title + "\n" + text}, of
 * the words the set's query matched (empty when not asked for, or for a set without a query).
 */
public record ArticleText(String url, LocalDate day, String outlet, String group, String lang, String title,
                          String text, int[] matchStarts) {}
