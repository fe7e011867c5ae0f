package org.narrativewatch.index;

import java.util.List;
import java.util.Map;

/**
 * Article counts of two sets, for keyness: how many articles each set has, and how many of them
 * contain each counted term, match each counted query, or come from each outlet and group. Every
 * count is exact and counts articles, not occurrences.
 *
 * @param terms   lemma (plain, without the index's language tag) → {target count, baseline count}
 * @param queries one {target count, baseline count} per requested query, in order
 * @param outlets outlet → {target count, baseline count} (outlets present in either set)
 * @param groups  group → {target count, baseline count}
 * @param snapshot the index state the counts come from
 */
public record Contrast(long targetArticles, long baselineArticles, Map<String, long[]> terms, List<long[]> queries,
                       Map<String, long[]> outlets, Map<String, long[]> groups, String snapshot) {}
