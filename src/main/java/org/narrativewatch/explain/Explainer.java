package org.narrativewatch.explain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.ArticleSet;
import org.narrativewatch.index.ArticleText;
import org.narrativewatch.index.Contrast;
import org.narrativewatch.index.ContrastRequest;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/**
 * Answers "what changed": the lemmas, two-word phrases and names over- and under-represented in a
 * query's articles of a window against a baseline. The entry type of this package; the CLI
 * ({@code nwatch explain}, {@code nwatch shifts --explain}) and the API call the same method.
 *
 * <p>How: (1) up to {@code sample} articles of each side are read again and the
 * {@link NameTagger} run over them: this says which lemmas are names, merges multi-word names, and
 * proposes two-word phrases; (2) the engine counts, exactly and in articles, every lemma term of
 * the index in both sets (or, when every article was read, the terms seen), plus the candidate
 * phrases and multi-word names as phrase queries; (3) each item is scored with {@link Keyness}.
 * Counts are never estimated from the sample; only the choice of which phrases to count is.
 */
public final class Explainer {

    /** Phrase and multi-word-name queries counted per explanation: each is one pass over the index. */
    static final int MAX_COUNTED_PHRASES = 16;
    static final int ARTICLES_SHOWN = 5;

    private final Engine engine;
    private final NameTagger tagger;

    public Explainer(Engine engine, NameTagger tagger) {
        this.engine = Objects.requireNonNull(engine);
        this.tagger = tagger == null ? NameTagger.create() : tagger;
    }

    public Explanation explain(ExplainRequest req) throws IOException {
        long started = System.nanoTime();
        Selection window = req.window();
        ArticleSet target = ArticleSet.matching(req.query(), window);
        Selection baseWindow = req.againstRest() ? window : window.withDates(req.baselineFrom(), req.baselineTo());
        ArticleSet baseline = req.againstRest() ? ArticleSet.notMatching(req.query(), window)
                : req.allInBaseline() ? ArticleSet.all(baseWindow) : ArticleSet.matching(req.query(), baseWindow);
        String baseKind = req.againstRest() ? "rest" : req.allInBaseline() ? "window, all articles" : "window";

        List<ArticleText> targetTexts = engine.texts(target, req.sample(), false);
        List<ArticleText> baselineTexts = engine.texts(baseline, req.sample(), false);
        if (baselineTexts.isEmpty() && !req.againstRest() && !req.allInBaseline()) {
            // the query has no articles in the baseline window: nothing of its own to compare with, so the
            // window's coverage is set against everything published then (and the output says so)
            baseline = ArticleSet.all(baseWindow);
            baseKind = "window, all articles (the query matches none there)";
            baselineTexts = engine.texts(baseline, req.sample(), false);
        }
        boolean complete = targetTexts.size() < req.sample() && baselineTexts.size() < req.sample();
        List<ArticleText> all = new ArrayList<>(targetTexts);
        all.addAll(baselineTexts);
        // the full scan of the index's terms needs nothing from the reading: it runs meanwhile
        ArticleSet scanTarget = target;
        ArticleSet scanBaseline = baseline;
        java.util.concurrent.CompletableFuture<Contrast> scan = complete ? null : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return engine.contrast(ContrastRequest.sizes(scanTarget, scanBaseline).withAllTerms(req.minCount()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, SCAN_THREAD);
        ReadArticles read = new ReadArticles(all, tagger);
        List<ReadArticles.Article> readTarget = read.articles.subList(0, targetTexts.size());
        List<ReadArticles.Article> readBaseline = read.articles.subList(targetTexts.size(), all.size());

        Set<String> queryTerms = Vocabulary.queryTerms(req.query());
        Set<String> stop = Vocabulary.stopWords();
        List<Candidate> multi = multiWordCandidates(read, readTarget, readBaseline, queryTerms, stop, req);

        // words kept as written (acronyms: США, НАТО) have no lemma term: the scan does not see them, so
        // those read are counted by their form
        ContrastRequest cr = ContrastRequest.sizes(target, baseline)
                .withQueries(multi.stream().map(c -> Vocabulary.phraseQuery(c.lemmas)).toList())
                .withForms(new ArrayList<>(read.forms));
        Contrast counts;
        if (complete) {
            counts = engine.contrast(cr.withTerms(new ArrayList<>(read.lemmaArticles.keySet())));
        } else {
            Contrast phrases = engine.contrast(cr);
            Contrast terms = join(scan);
            Map<String, long[]> termCounts = new HashMap<>(terms.terms());
            termCounts.putAll(phrases.terms());
            counts = new Contrast(terms.targetArticles(), terms.baselineArticles(), termCounts, phrases.queries(),
                    terms.outlets(), terms.groups(), terms.snapshot());
        }

        List<Explanation.Term> items = new ArrayList<>();
        List<Explanation.Term> stopItems = new ArrayList<>();
        List<Explanation.Term> queryItems = new ArrayList<>();
        long tested = 0;
        long n1 = counts.targetArticles();
        long n2 = counts.baselineArticles();
        // a p-value costs an incomplete gamma function: only items that can pass --max-p get one
        double critical = Keyness.criticalG2(req.maxP()) * (1 - 1e-9);
        for (Map.Entry<String, long[]> e : counts.terms().entrySet()) {
            String lemma = e.getKey();
            long a = e.getValue()[0];
            long b = e.getValue()[1];
            if (!Vocabulary.listable(lemma) || a + b < req.minCount() || a > n1 || b > n2) {
                continue;
            }
            if (queryTerms.contains(lemma)) {
                queryItems.add(lemmaItem(lemma, Keyness.score(a, n1, b, n2), read));
                continue;
            }
            if (read.votes.isAbsorbed(lemma) || read.isShadow(lemma)) {
                continue; // a first name merged into a person's name, or a reading the words do not have
            }
            tested++;
            if (Keyness.g2(a, n1, b, n2) < critical) {
                continue;
            }
            (stop.contains(lemma) || Vocabulary.number(lemma) ? stopItems : items).add(lemmaItem(lemma, Keyness.score(a, n1, b, n2), read));
        }
        for (int i = 0; i < multi.size(); i++) {
            Candidate c = multi.get(i);
            long[] ab = counts.queries().get(i);
            if (ab[0] + ab[1] < req.minCount()) {
                continue;
            }
            tested++;
            Keyness.Score s = Keyness.score(ab[0], n1, ab[1], n2);
            String term = String.join(" ", c.lemmas);
            boolean name = c.name;
            List<String> variants = name ? read.votes.variants(term, 3) : List.of();
            items.add(new Explanation.Term(term, name ? "name" : "phrase",
                    name ? Vocabulary.nameLabel(term, read.votes.labelForms(term, 20)) : term,
                    name ? read.votes.type.getOrDefault(term, NameTagger.Type.OTHER).wire() : null,
                    direction(s), s, false, Vocabulary.phraseQuery(c.lemmas).text(), variants));
        }
        double threshold = 0.05 / Math.max(1, tested);
        List<Explanation.Term> shown = labelled(select(items, req, threshold), read);
        List<Explanation.Term> stopShown = labelled(select(stopItems, req, threshold), read);
        queryItems = new ArrayList<>(labelled(queryItems, read));
        queryItems.sort(Comparator.comparingLong((Explanation.Term t) -> -t.score().count()));

        List<Explanation.Share> outlets = new ArrayList<>();
        outlets.addAll(shares("outlet", counts.outlets(), n1, n2, req.top()));
        outlets.addAll(shares("group", counts.groups(), n1, n2, req.top()));

        Explanation.Window w = new Explanation.Window("window", window.from(), window.to(), n1);
        Explanation.Window base = new Explanation.Window(baseKind, baseWindow.from(), baseWindow.to(), n2);
        Explanation.Method method = new Explanation.Method(complete ? "terms of the articles read (all of them)" : "all index terms",
                targetTexts.size(), baselineTexts.size(), tested, threshold, req.minCount(), req.maxP(), req.sort(),
                (System.nanoTime() - started) / 1_000_000);
        return new Explanation(req.query().text(), w, base, shown, stopShown, queryItems, outlets,
                representative(readTarget, shown, read), method, counts.snapshot());
    }

    /** One daemon thread for the term scans that run beside the reading (the scan itself uses two). */
    private static final java.util.concurrent.Executor SCAN_THREAD = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nwatch-explain-scan");
        t.setDaemon(true);
        return t;
    });

    private static Contrast join(java.util.concurrent.CompletableFuture<Contrast> f) throws IOException {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** An item for a lemma; its label is the lemma until {@link #labelled} (labels cost dictionary look-ups: shown items only). */
    private static Explanation.Term lemmaItem(String lemma, Keyness.Score s, ReadArticles read) {
        boolean name = read.votes.isName(lemma);
        return new Explanation.Term(lemma, name ? "name" : "lemma", lemma,
                name ? read.votes.type.getOrDefault(lemma, NameTagger.Type.OTHER).wire() : null, direction(s), s, false,
                lemma, name ? read.votes.variants(lemma, 3) : List.of());
    }

    private static List<Explanation.Term> labelled(List<Explanation.Term> items, ReadArticles read) {
        return items.stream().map(t -> {
            if (t.term().indexOf(' ') >= 0) {
                return t; // phrases and multi-word names are labelled when made
            }
            String label = t.kind().equals("name") ? Vocabulary.nameLabel(t.term(), read.votes.labelForms(t.term(), 20))
                    : read.lemmaLabel(t.term());
            return new Explanation.Term(t.term(), t.kind(), label, t.type(), t.direction(), t.score(), t.significant(), t.query(),
                    t.variants());
        }).toList();
    }

    static String direction(Keyness.Score s) {
        return s.direction() > 0 ? "over" : s.direction() < 0 ? "under" : "equal";
    }

    /** The top over-represented items, then the top under-represented ones, each filtered and sorted. */
    private static List<Explanation.Term> select(List<Explanation.Term> items, ExplainRequest req, double threshold) {
        Comparator<Explanation.Term> order = req.sort().equals("log-ratio")
                ? Comparator.comparingDouble((Explanation.Term t) -> -Math.abs(t.score().logRatio()))
                : Comparator.comparingDouble((Explanation.Term t) -> -t.score().g2());
        order = order.thenComparing(Explanation.Term::term);
        List<Explanation.Term> out = new ArrayList<>();
        for (int dir : new int[] {1, -1}) {
            items.stream()
                    .filter(t -> t.score().direction() == dir && t.score().p() <= req.maxP())
                    .filter(t -> (dir > 0 ? t.score().count() : t.score().baselineCount()) >= req.minCount())
                    .sorted(order).limit(req.top())
                    .map(t -> new Explanation.Term(t.term(), t.kind(), t.label(), t.type(), t.direction(), t.score(),
                            t.score().p() < threshold, t.query(), t.variants()))
                    .forEach(out::add);
        }
        return out;
    }

    private static List<Explanation.Share> shares(String facet, Map<String, long[]> counts, long n1, long n2, int top) {
        List<Explanation.Share> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long a = e.getValue()[0];
            long b = e.getValue()[1];
            out.add(new Explanation.Share(facet, e.getKey(), Keyness.score(Math.min(a, n1), n1, Math.min(b, n2), n2)));
        }
        out.sort(Comparator.comparingDouble((Explanation.Share s) -> -s.score().g2())
                .thenComparingLong(s -> -s.score().count()).thenComparing(Explanation.Share::name));
        return out.size() > top ? out.subList(0, top) : out;
    }

    // ---- phrases and multi-word names ----------------------------------------------------------

    /** A phrase or multi-word name to count exactly, with its counts in the articles read. */
    private static final class Candidate {
        final List<String> lemmas;
        final boolean name;
        int inTarget;
        int inBaseline;

        Candidate(List<String> lemmas, boolean name) {
            this.lemmas = lemmas;
            this.name = name;
        }
    }

    /**
     * Two-word phrases (adjacent words, nothing but a space between, neither a function word nor a
     * query term, not inside a name) and multi-word names, ranked by G² in the articles read; the
     * best are counted exactly.
     */
    private static List<Candidate> multiWordCandidates(ReadArticles read, List<ReadArticles.Article> target,
                                                       List<ReadArticles.Article> baseline, Set<String> queryTerms,
                                                       Set<String> stop, ExplainRequest req) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (int side = 0; side < 2; side++) {
            for (ReadArticles.Article a : side == 0 ? target : baseline) {
                Set<String> seen = new HashSet<>();
                for (ReadArticles.Part p : a.parts()) {
                    boolean[] inName = new boolean[p.tokens().size()];
                    for (NameTagger.Span s : p.names()) {
                        for (int i = s.start(); i < s.end(); i++) {
                            inName[i] = true;
                        }
                        if (s.multiWord() && java.util.Arrays.stream(s.canonical().split(" ")).noneMatch(queryTerms::contains)) {
                            String key = "n:" + s.canonical();
                            if (seen.add(key)) {
                                Candidate c = byKey.computeIfAbsent(key, k -> new Candidate(List.of(s.canonical().split(" ")), true));
                                if (side == 0) {
                                    c.inTarget++;
                                } else {
                                    c.inBaseline++;
                                }
                            }
                        }
                    }
                    List<TextTokens.Token> toks = p.tokens();
                    for (int i = 0; i + 1 < toks.size(); i++) {
                        if (inName[i] || inName[i + 1] || !ReadArticles.adjacent(toks.get(i + 1))) {
                            continue;
                        }
                        String l1 = read.mainLemma(toks.get(i));
                        String l2 = read.mainLemma(toks.get(i + 1));
                        if (!phraseWord(l1, queryTerms, stop) || !phraseWord(l2, queryTerms, stop)) {
                            continue;
                        }
                        String key = "p:" + l1 + " " + l2;
                        if (seen.add(key)) {
                            Candidate c = byKey.computeIfAbsent(key, k -> new Candidate(List.of(l1, l2), false));
                            if (side == 0) {
                                c.inTarget++;
                            } else {
                                c.inBaseline++;
                            }
                        }
                    }
                }
            }
        }
        int nt = target.size();
        int nb = baseline.size();
        List<Candidate> names = new ArrayList<>();
        List<Candidate> over = new ArrayList<>();
        List<Candidate> under = new ArrayList<>();
        Map<Candidate, Double> g2 = new HashMap<>();
        for (Candidate c : byKey.values()) {
            if (c.inTarget + c.inBaseline < 2 || nt == 0 || nb == 0) {
                continue;
            }
            Keyness.Score s = Keyness.score(c.inTarget, nt, c.inBaseline, nb);
            g2.put(c, s.g2());
            if (c.name) {
                names.add(c);
            } else if (s.direction() > 0 && c.inTarget >= 2) {
                over.add(c);
            } else if (s.direction() < 0 && c.inBaseline >= 2) {
                under.add(c);
            }
        }
        Comparator<Candidate> byG2 = Comparator.comparingDouble((Candidate c) -> -g2.get(c))
                .thenComparing(c -> String.join(" ", c.lemmas));
        names.sort(byG2);
        over.sort(byG2);
        under.sort(byG2);
        Set<Candidate> picked = new LinkedHashSet<>();
        int budget = MAX_COUNTED_PHRASES;
        addUpTo(picked, names, budget / 3);
        addUpTo(picked, over, picked.size() + budget / 2);
        addUpTo(picked, under, budget);
        addUpTo(picked, over, budget);
        return new ArrayList<>(picked);
    }

    private static void addUpTo(Set<Candidate> picked, List<Candidate> from, int limit) {
        for (Candidate c : from) {
            if (picked.size() >= limit) {
                return;
            }
            picked.add(c);
        }
    }

    private static boolean phraseWord(String lemma, Set<String> queryTerms, Set<String> stop) {
        if (lemma == null || !Vocabulary.listable(lemma) || stop.contains(lemma) || queryTerms.contains(lemma)) {
            return false;
        }
        for (int i = 0; i < lemma.length(); i++) {
            if (Character.isLetter(lemma.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    // ---- articles that show the change ---------------------------------------------------------

    /** Window articles read that hold the most of the over-represented items (by summed G²). */
    private static List<Explanation.ArticleRef> representative(List<ReadArticles.Article> target,
                                                               List<Explanation.Term> shown, ReadArticles read) {
        List<Explanation.Term> over = shown.stream().filter(t -> t.score().direction() > 0).toList();
        if (over.isEmpty()) {
            return List.of();
        }
        record Scored(ReadArticles.Article article, double score, List<String> labels) {}
        List<Scored> scored = new ArrayList<>();
        for (ReadArticles.Article a : target) {
            Set<String> lemmas = new HashSet<>();
            Set<String> pairs = new HashSet<>();
            for (ReadArticles.Part p : a.parts()) {
                List<TextTokens.Token> toks = p.tokens();
                for (int i = 0; i < toks.size(); i++) {
                    lemmas.addAll(toks.get(i).allLemmas());
                    if (i + 1 < toks.size()) {
                        for (String x : toks.get(i).lemmas()) {
                            for (String y : toks.get(i + 1).lemmas()) {
                                pairs.add(x + " " + y);
                            }
                        }
                    }
                }
            }
            double score = 0;
            List<String> labels = new ArrayList<>();
            for (Explanation.Term t : over) {
                boolean has = t.term().indexOf(' ') < 0 ? lemmas.contains(t.term()) : pairs.contains(t.term())
                        || containsSequence(a, t.term());
                if (has) {
                    score += t.score().g2();
                    labels.add(t.label());
                }
            }
            if (score > 0) {
                scored.add(new Scored(a, score, labels));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(s -> s.article().source.url()));
        List<Explanation.ArticleRef> out = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (Scored s : scored) {
            ArticleText t = s.article().source;
            if (!titles.add(t.title())) {
                continue; // syndicated copies and repeats
            }
            out.add(new Explanation.ArticleRef(t.url(), t.day(), t.outlet(), t.title(), s.labels()));
            if (out.size() == ARTICLES_SHOWN) {
                break;
            }
        }
        return out;
    }

    /** Whether the article has these lemmas on consecutive words (names of three words and more). */
    private static boolean containsSequence(ReadArticles.Article a, String lemmas) {
        String[] want = lemmas.split(" ");
        for (ReadArticles.Part p : a.parts()) {
            List<TextTokens.Token> toks = p.tokens();
            for (int i = 0; i + want.length <= toks.size(); i++) {
                boolean all = true;
                for (int k = 0; k < want.length && all; k++) {
                    all = toks.get(i + k).lemmas().contains(want[k]);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }
}
