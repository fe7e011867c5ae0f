package org.narrativewatch.explain;

import java.time.LocalDate;
import java.util.List;

/**
 * What distinguishes the articles of a window from a baseline: over- and under-represented lemmas,
 * two-word phrases and names, each with article counts on both sides, G² with its p-value and a
 * log-ratio with its 95% interval ({@link Keyness}); stop words and the query's own terms apart;
 * the outlets and groups that carry the difference; and articles that show it.
 */
public record Explanation(String query, Window window, Window baseline, List<Term> terms, List<Term> stopWords,
                          List<Term> queryTerms, List<Share> outlets, List<ArticleRef> articles, Method method,
                          String snapshot) {

    /** A side of the comparison: "window", "rest" (the window's articles the query does not match) or "before"/"after". */
    public record Window(String kind, LocalDate from, LocalDate to, long articles) {}

    /**
     * One lemma, phrase or name.
     *
     * @param term      the index lemma, or lemmas separated by a space for phrases and multi-word names
     * @param kind      lemma, phrase or name
     * @param label     how to show it (a name as it is usually written)
     * @param type      for names: person, place or other; else null
     * @param query     a query that finds the same articles (for a click-through)
     * @param variants  for names: how it was written in the articles read (Владимир Путин, В. Путин)
     */
    public record Term(String term, String kind, String label, String type, String direction, Keyness.Score score,
                       boolean significant, String query, List<String> variants) {}

    /** An outlet or group's part in both sides. */
    public record Share(String facet, String name, Keyness.Score score) {}

    /** An article of the window that shows the change: it holds many of the over-represented items. */
    public record ArticleRef(String url, LocalDate date, String outlet, String title, List<String> terms) {}

    /**
     * How the figures were made.
     *
     * @param terms          "all index terms" or "terms of the articles read" (when every article was read)
     * @param readWindow     articles of the window read for names and phrases
     * @param readBaseline   the same for the baseline
     * @param tested         items scored (the Bonferroni divisor)
     * @param threshold      0.05 / tested: items below it are marked significant
     */
    public record Method(String terms, int readWindow, int readBaseline, long tested, double threshold, int minCount,
                         double maxP, String sort, long millis) {}
}
