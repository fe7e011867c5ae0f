package org.narrativewatch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.narrativewatch.article.Article;
import org.narrativewatch.query.Query;
import org.narrativewatch.query.QueryNode;
import org.narrativewatch.timeline.DayRange;

/**
 * An engine seen through {@link OutletGroups}: every group an article is selected, filtered, counted or reported
 * by is its outlet's group under that assignment. Groups become sets of outlets before the inner engine is asked:
 * a selection's groups become its outlets, {@code group:G} in a query becomes "no outlet outside G" (a NOT, so
 * relevance scores do not change), a breakdown by group is the breakdown by outlet summed per group (for stories,
 * one count per group, so a copy is counted once in its group). Where the assignment gives every outlet the group
 * it was stored with, it asks the inner engine unchanged.
 */
final class RegroupedEngine implements Engine {

    private final Engine inner;
    private final OutletGroups groups;
    private volatile View view;

    RegroupedEngine(Engine inner, OutletGroups groups) {
        this.inner = inner;
        this.groups = groups;
    }

    /** The corpus' outlets at one state: their groups as stored and as assigned. */
    private record View(long version, Map<String, String> effective, boolean regrouped, CorpusFacts facts) {

        Set<String> members(Set<String> wanted) {
            Set<String> out = new TreeSet<>();
            effective.forEach((o, g) -> {
                if (g != null && wanted.contains(g)) {
                    out.add(o);
                }
            });
            return out;
        }

        /** "The article's outlet is in one of these groups", as a query node that scores nothing. */
        QueryNode inGroups(Set<String> wanted) {
            List<QueryNode> outside = new ArrayList<>();
            effective.forEach((o, g) -> {
                if (g == null || !wanted.contains(g)) {
                    outside.add(new QueryNode.Filter("outlet", o));
                }
            });
            return outside.isEmpty() ? new QueryNode.All() : new QueryNode.Not(new QueryNode.Or(outside));
        }
    }

    private View view() throws IOException {
        long version = inner.snapshot().version();
        View v = view;
        if (v != null && v.version() == version) {
            return v;
        }
        CorpusFacts f = inner.facts();
        Map<String, String> effective = new LinkedHashMap<>();
        List<OutletInfo> outlets = new ArrayList<>();
        boolean regrouped = false;
        for (OutletInfo o : f.outlets()) {
            String g = groups.groupOf(o.outlet(), o.group());
            effective.put(o.outlet(), g);
            regrouped |= !Objects.equals(g, o.group());
            outlets.add(new OutletInfo(o.outlet(), g, o.articles(), o.from(), o.to()));
        }
        v = new View(f.snapshot().version(), effective, regrouped,
                new CorpusFacts(f.snapshot(), outlets, f.byLanguage(), f.syndicatedCopies()));
        view = v;
        return v;
    }

    /** A query and selection with groups turned into outlets; {@code none}: the selection's groups have no outlet. */
    private record Resolved(Query query, Selection selection, boolean none) {}

    private Resolved resolve(View v, Query q, Selection sel) {
        Query rq = new Query(q.text(), rewrite(v, q.root()));
        if (sel.groups().isEmpty()) {
            return new Resolved(rq, sel, false);
        }
        Set<String> outlets = v.members(sel.groups());
        if (!sel.outlets().isEmpty()) {
            outlets.retainAll(sel.outlets());
        }
        return new Resolved(rq, sel.withOutlets(outlets).withGroups(Set.of()), outlets.isEmpty());
    }

    private static QueryNode rewrite(View v, QueryNode n) {
        if (n instanceof QueryNode.Filter f && f.field().equals("group")) {
            return v.inGroups(Set.of(f.value()));
        }
        if (n instanceof QueryNode.And a) {
            return new QueryNode.And(a.parts().stream().map(p -> rewrite(v, p)).toList());
        }
        if (n instanceof QueryNode.Or o) {
            return new QueryNode.Or(o.parts().stream().map(p -> rewrite(v, p)).toList());
        }
        if (n instanceof QueryNode.Not x) {
            return new QueryNode.Not(rewrite(v, x.part()));
        }
        return n; // text nodes, other filters, dates: no group inside
    }

    /** Whether {@link #rewrite} would change {@code n}: a {@code group:} filter where it looks for one. */
    private static boolean namesGroups(QueryNode n) {
        if (n instanceof QueryNode.Filter f) {
            return f.field().equals("group");
        }
        if (n instanceof QueryNode.And a) {
            return a.parts().stream().anyMatch(RegroupedEngine::namesGroups);
        }
        if (n instanceof QueryNode.Or o) {
            return o.parts().stream().anyMatch(RegroupedEngine::namesGroups);
        }
        return n instanceof QueryNode.Not x && namesGroups(x.part());
    }

    @Override
    public DayCounts dayCounts(Query query, Selection selection, CountUnit unit, Facet facet) throws IOException {
        if (facet != Facet.GROUP && selection.groups().isEmpty() && !namesGroups(query.root())) {
            // Nothing of this count depends on groups: whatever the assignment, the inner engine is asked the same
            // query and selection (see below). The view, a pass over every document of the corpus, is not needed:
            // 30-37 ms of a one-shot CLI timeline on 1tv (docs/benchmarks.md, "The CLI, second round").
            return inner.dayCounts(query, selection, unit, facet);
        }
        View v = view();
        if (!v.regrouped()) {
            return inner.dayCounts(query, selection, unit, facet);
        }
        Resolved r = resolve(v, query, selection);
        if (r.none()) {
            // no outlet is in the selection's groups: its days, and nothing counted on them (gaps, not zeros)
            Snapshot snap = inner.snapshot();
            DayRange covered = snap.from() == null ? null : new DayRange(snap.from(), snap.to());
            DayRange days = selection.days(covered).orElse(null);
            return days == null ? DayCounts.none(covered) : new DayCounts(covered, days, Map.of(), Map.of());
        }
        if (facet != Facet.GROUP) {
            return inner.dayCounts(r.query(), r.selection(), unit, facet);
        }
        Map<String, long[]> matches = new HashMap<>();
        Map<String, long[]> totals = new HashMap<>();
        if (unit == CountUnit.ARTICLES) {
            // every article has one outlet, so a group's counts are its outlets' counts summed: one pass
            DayCounts byOutlet = inner.dayCounts(r.query(), r.selection(), unit, Facet.OUTLET);
            byOutlet.totals().forEach((outlet, t) -> {
                String g = v.effective().get(outlet);
                if (g != null) {
                    add(totals, g, t);
                    long[] m = byOutlet.matches().get(outlet);
                    if (m != null) {
                        add(matches, g, m);
                    }
                }
            });
            return new DayCounts(byOutlet.covered(), byOutlet.days(), matches, totals);
        }
        // a story copied by two outlets of one group counts once in it: one count per group, over its outlets
        DayCounts last = null;
        Set<String> present = new TreeSet<>(v.effective().values().stream().filter(Objects::nonNull).toList());
        for (String g : present) {
            Set<String> outlets = v.members(Set.of(g));
            if (!r.selection().outlets().isEmpty()) {
                outlets.retainAll(r.selection().outlets());
            }
            if (outlets.isEmpty()) {
                continue;
            }
            DayCounts c = inner.dayCounts(r.query(), r.selection().withOutlets(outlets), unit, null);
            last = c;
            long[] t = c.totals().get(DayCounts.WHOLE);
            if (t != null && java.util.Arrays.stream(t).anyMatch(x -> x > 0)) {
                totals.put(g, t);
                matches.put(g, c.matches().getOrDefault(DayCounts.WHOLE, new long[t.length]));
            }
        }
        if (last == null) {
            DayCounts c = inner.dayCounts(r.query(), r.selection(), unit, null);
            return new DayCounts(c.covered(), c.days(), Map.of(), Map.of());
        }
        return new DayCounts(last.covered(), last.days(), matches, totals);
    }

    private static void add(Map<String, long[]> into, String key, long[] xs) {
        long[] sum = into.computeIfAbsent(key, k -> new long[xs.length]);
        for (int i = 0; i < xs.length; i++) {
            sum[i] += xs[i];
        }
    }

    @Override
    public Hits search(Query query, Selection selection, int limit, HitOrder order) throws IOException {
        return search(query, selection, 0, limit, order);
    }

    @Override
    public Hits search(Query query, Selection selection, int offset, int limit, HitOrder order) throws IOException {
        View v = view();
        if (!v.regrouped()) {
            return inner.search(query, selection, offset, limit, order);
        }
        Resolved r = resolve(v, query, selection);
        if (r.none()) {
            return new Hits(0, List.of());
        }
        Hits h = inner.search(r.query(), r.selection(), offset, limit, order);
        List<Hits.Hit> hits = new ArrayList<>(h.hits().size());
        for (Hits.Hit x : h.hits()) {
            hits.add(new Hits.Hit(x.url(), x.outlet(), v.effective().getOrDefault(x.outlet(), x.group()), x.published(),
                    x.dateQuality(), x.lang(), x.title(), x.snippet(), x.syndicatedFrom(), x.score()));
        }
        return new Hits(h.total(), hits);
    }

    /** A set with groups turned into outlets; a selection whose groups have no outlet becomes the empty set. */
    private static ArticleSet resolve(View v, ArticleSet set) {
        Query q = set.query() == null ? null : new Query(set.query().text(), rewrite(v, set.query().root()));
        Selection sel = set.selection();
        if (!sel.groups().isEmpty()) {
            Set<String> outlets = v.members(sel.groups());
            if (!sel.outlets().isEmpty()) {
                outlets.retainAll(sel.outlets());
            }
            if (outlets.isEmpty()) {
                return ArticleSet.matching(new Query("", new QueryNode.Not(new QueryNode.All())), sel.withGroups(Set.of()));
            }
            sel = sel.withOutlets(outlets).withGroups(Set.of());
        }
        return new ArticleSet(q, sel, set.complement());
    }

    @Override
    public Contrast contrast(ContrastRequest request) throws IOException {
        View v = view();
        if (!v.regrouped()) {
            return inner.contrast(request);
        }
        Contrast c = inner.contrast(new ContrastRequest(resolve(v, request.target()), resolve(v, request.baseline()),
                request.allTerms(), request.terms(),
                request.queries().stream().map(q -> new Query(q.text(), rewrite(v, q.root()))).toList(), request.minArticles(),
                request.forms()));
        // an article's group is its outlet's, as assigned
        Map<String, long[]> groupCounts = new TreeMap<>();
        c.outlets().forEach((outlet, ab) -> {
            String g = v.effective().get(outlet);
            if (g != null) {
                add(groupCounts, g, ab);
            }
        });
        return new Contrast(c.targetArticles(), c.baselineArticles(), c.terms(), c.queries(), c.outlets(), groupCounts,
                c.snapshot());
    }

    @Override
    public List<ArticleText> texts(ArticleSet set, int limit, boolean withMatches) throws IOException {
        View v = view();
        if (!v.regrouped()) {
            return inner.texts(set, limit, withMatches);
        }
        List<ArticleText> out = new ArrayList<>();
        for (ArticleText t : inner.texts(resolve(v, set), limit, withMatches)) {
            out.add(new ArticleText(t.url(), t.day(), t.outlet(), v.effective().getOrDefault(t.outlet(), t.group()), t.lang(),
                    t.title(), t.text(), t.matchStarts()));
        }
        return out;
    }

    @Override
    public CorpusFacts facts() throws IOException {
        return view().facts();
    }

    // ---- the rest is the inner engine's ----------------------------------------------------------

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public AddOutcome add(Article article) throws IOException {
        return inner.add(article);
    }

    @Override
    public boolean concurrentAdds() {
        return inner.concurrentAdds();
    }

    @Override
    public void commit(Map<String, String> checkpoint) throws IOException {
        inner.commit(checkpoint);
    }

    @Override
    public void beginImport() throws IOException {
        inner.beginImport();
    }

    @Override
    public void finishImport(Map<String, String> checkpoint) throws IOException {
        inner.finishImport(checkpoint);
    }

    @Override
    public Map<String, String> checkpoint() throws IOException {
        return inner.checkpoint();
    }

    @Override
    public Snapshot snapshot() throws IOException {
        return inner.snapshot();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    /** For tests: the groups of the outlets now, as assigned. */
    Map<String, String> assigned() throws IOException {
        return new TreeMap<>(view().effective());
    }
}
