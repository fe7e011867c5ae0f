package org.narrativewatch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.narrativewatch.article.Article;
import org.narrativewatch.query.Query;
import org.narrativewatch.query.QueryNode;
import org.narrativewatch.timeline.DayRange;

/**
 * A third engine, for tests: articles in a list, queries evaluated article by article with the
 * brute-force {@link ReferenceMatcher}. It implements only the narrow {@link Engine} interface, so
 * the tests that run timelines and breakdowns through {@link Corpus} over it show that the layer
 * above the engines needs nothing else. Public, so that tests in other packages (briefs, explain)
 * can have a corpus without an index folder: add, commit, then read through {@link Corpus}.
 */
public final class InMemoryEngine implements Engine {

    private final Map<String, Article> pending = new LinkedHashMap<>();
    private final List<Stored> committed = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final Set<Long> stories = new HashSet<>();
    /** which stored articles a query matches, by query: the matcher is slow, tests ask the same query often */
    private final Map<QueryNode, boolean[]> matchCache = new HashMap<>();
    private Map<String, String> checkpoint = Map.of();
    private long commits;

    private record Stored(Article article, ReferenceMatcher matcher, long story, boolean copy) {}

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public synchronized AddOutcome add(Article a) {
        if (!keys.add(a.key())) {
            return AddOutcome.ALREADY_PRESENT;
        }
        pending.put(a.key(), a);
        return AddOutcome.ADDED;
    }

    @Override
    public synchronized void commit(Map<String, String> cp) {
        for (Article a : pending.values()) {
            long story = Hashes.storyHash(a);
            boolean copy = !stories.add(story) && story != 0;
            committed.add(new Stored(a, new ReferenceMatcher(a), story, copy));
        }
        pending.clear();
        matchCache.clear();
        checkpoint = Map.copyOf(cp);
        commits++;
    }

    @Override
    public synchronized Map<String, String> checkpoint() {
        return checkpoint;
    }

    private Optional<DayRange> dayRange() {
        return committed.stream().map(s -> s.article().day()).min(Comparator.naturalOrder())
                .map(min -> new DayRange(min, committed.stream().map(s -> s.article().day())
                        .max(Comparator.naturalOrder()).orElseThrow()));
    }

    @Override
    public synchronized DayCounts dayCounts(Query query, Selection sel, CountUnit unit, Facet facet) {
        DayRange covered = dayRange().orElse(null);
        DayRange days = sel.days(covered).orElse(null);
        if (days == null) {
            return DayCounts.none(covered);
        }
        Map<String, long[]> matches = new HashMap<>();
        Map<String, long[]> totals = new HashMap<>();
        // per facet value and day, the stories already counted
        Map<String, Set<Long>> seenMatch = new HashMap<>();
        Map<String, Set<Long>> seenTotal = new HashMap<>();
        boolean[] hit = matches(query);
        for (int n = 0; n < committed.size(); n++) {
            Stored s = committed.get(n);
            Article a = s.article();
            if (a.day().isBefore(days.first()) || a.day().isAfter(days.last()) || !selected(a, sel)) {
                continue;
            }
            String value = facet == null ? DayCounts.WHOLE : facet == Facet.OUTLET ? a.outlet() : a.group();
            if (facet != null && (value == null || value.isBlank())) {
                continue;
            }
            int i = (int) (a.day().toEpochDay() - days.first().toEpochDay());
            String dayKey = value + "|" + i;
            if (unit == CountUnit.ARTICLES || seenTotal.computeIfAbsent(dayKey, k -> new HashSet<>()).add(s.story())) {
                totals.computeIfAbsent(value, k -> new long[days.length()])[i]++;
            }
            if (hit[n]
                    && (unit == CountUnit.ARTICLES || seenMatch.computeIfAbsent(dayKey, k -> new HashSet<>()).add(s.story()))) {
                matches.computeIfAbsent(value, k -> new long[days.length()])[i]++;
            }
        }
        return new DayCounts(covered, days, matches, totals);
    }

    private boolean[] matches(Query query) {
        return matchCache.computeIfAbsent(query.root(), root -> {
            boolean[] hit = new boolean[committed.size()];
            for (int n = 0; n < hit.length; n++) {
                hit[n] = committed.get(n).matcher().matches(root);
            }
            return hit;
        });
    }

    private static boolean selected(Article a, Selection sel) {
        return (sel.outlets().isEmpty() || sel.outlets().contains(a.outlet()))
                && (sel.groups().isEmpty() || a.group() != null && sel.groups().contains(a.group()))
                && (sel.langs().isEmpty() || sel.langs().contains(a.lang()));
    }

    @Override
    public synchronized Hits search(Query query, Selection sel, int limit, HitOrder order) throws IOException {
        List<Article> found = committed.stream()
                .filter(s -> selected(s.article(), sel)
                        && (sel.from() == null || !s.article().day().isBefore(sel.from()))
                        && (sel.to() == null || !s.article().day().isAfter(sel.to()))
                        && s.matcher().matches(query.root()))
                .map(Stored::article)
                .sorted(Comparator.comparing(Article::published).reversed())
                .toList();
        List<Article> page = found.subList(0, Math.min(Math.max(limit, 0), found.size()));
        List<ReferenceHighlighter.Highlight> hl = ReferenceHighlighter.highlight(query, page);
        List<Hits.Hit> hits = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            Article a = page.get(i);
            hits.add(new Hits.Hit(a.url(), a.outlet(), a.group(), a.published(), a.dateQuality(), a.lang(),
                    hl.get(i).title(), hl.get(i).snippet(), a.syndicatedFrom(), 0f));
        }
        return new Hits(found.size(), hits);
    }

    @Override
    public synchronized CorpusFacts facts() {
        Map<String, List<Article>> byOutlet = new TreeMap<>();
        Map<String, Long> langs = new TreeMap<>();
        long copies = 0;
        for (Stored s : committed) {
            byOutlet.computeIfAbsent(s.article().outlet(), k -> new ArrayList<>()).add(s.article());
            langs.merge(s.article().lang(), 1L, Long::sum);
            copies += s.copy() ? 1 : 0;
        }
        List<OutletInfo> outlets = new ArrayList<>();
        byOutlet.forEach((name, as) -> outlets.add(new OutletInfo(name,
                as.stream().map(Article::group).filter(g -> g != null && !g.isBlank()).findFirst().orElse(null), as.size(),
                as.stream().map(Article::day).min(Comparator.naturalOrder()).orElseThrow(),
                as.stream().map(Article::day).max(Comparator.naturalOrder()).orElseThrow())));
        return new CorpusFacts(snapshot(), outlets, langs, copies);
    }

    @Override
    public synchronized Snapshot snapshot() {
        Optional<DayRange> r = dayRange();
        return new Snapshot(name(), "heap", committed.size(), r.map(DayRange::first).orElse(null),
                r.map(DayRange::last).orElse(null), commits);
    }

    @Override
    public void close() {}

    /** The stored articles, for oracles. */
    public synchronized List<Article> articles() {
        return committed.stream().map(Stored::article).toList();
    }
}
