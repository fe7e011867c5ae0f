package org.narrativewatch.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The queries every system answers, each written once per system so that the three mean the same
 * thing as closely as their languages allow (docs/benchmarks.md explains where they cannot).
 *
 * @param name    row label
 * @param kind    what is measured: a daily timeline, a timeline with per-day totals (share), or a top-20 search
 * @param ours    our query language
 * @param tsquery PostgreSQL tsquery text for {@code to_tsquery('russian', ...)} or, for phrases,
 *                the words for {@code phraseto_tsquery('russian', ...)}
 * @param phrase  whether {@code tsquery} is phrase text
 * @param rg      ripgrep regex (case-insensitive, over whole JSONL lines), or null where grep makes no sense
 */
record Workload(String name, Kind kind, String ours, String tsquery, boolean phrase, String rg) {

    enum Kind { TIMELINE, SHARE, SEARCH }

    /** Words within {@code maxGap} words of each other in either order, as PostgreSQL's exact-distance operators. */
    static String nearTsquery(String a, String b, int maxGap) {
        // our NEAR/n allows up to n words between (Lucene's Intervals.maxgaps); <k> means exactly k-1 between
        List<String> alts = new ArrayList<>();
        for (int k = 1; k <= maxGap + 1; k++) {
            alts.add(a + " <" + k + "> " + b);
            alts.add(b + " <" + k + "> " + a);
        }
        return String.join(" | ", alts);
    }

    static final List<Workload> ALL = List.of(
            new Workload("word", Kind.TIMELINE, "путин", "путин", false, "путин"),
            new Workload("and-or", Kind.TIMELINE, "путин AND (переговоры OR встреча)", "путин & (переговоры | встреча)",
                    false, null),
            new Workload("phrase", Kind.TIMELINE, "\"специальной военной операции\"", "специальной военной операции",
                    true, "специальн\\w*\\s+военн\\w*\\s+операци"),
            new Workload("near", Kind.TIMELINE, "путин NEAR/5 зеленский", nearTsquery("путин", "зеленский", 5), false,
                    null),
            new Workload("share", Kind.SHARE, "украина", "украина", false, null),
            new Workload("top20", Kind.SEARCH, "переговоры", "переговоры", false, null));
}
